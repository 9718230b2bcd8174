using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Tests.Support;
using Wijkwerk.Demo;

namespace Wijkwerk.Core.Tests.Exchange;

/// <summary>
/// Issue 14: <c>wijkwerk export patterns</c> on the team leader's demo laptop: one row per pattern with Dutch headers
/// and values (English with --lang en), figures only and never a client.
/// </summary>
public sealed class PatternExportTests : IDisposable
{
    private readonly TempStore _store = new(TempStore.Identity with { Role = Role.TeamLeader, WorkerName = "Test Teamleider" });

    public PatternExportTests()
    {
        DemoData.Fill(_store.Store, 24);
        DemoBudget.Fill(_store.Store);
        DemoPatterns.Fill(_store.Store);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Dutch_OneRowPerPattern_WithCountsMoneyAndState_NoClient()
    {
        var table = PatternExports.Patterns(_store.Store);

        Assert.Equal(3, table.Rows.Count);
        var ghosts = Row(table, "spookbewoning");
        Assert.Equal(("gesignaleerd", "5", "5"), (ghosts["stand"], ghosts["zaken"], ghosts["clienten"]));
        Assert.StartsWith("minimaatwerkbudget (5; ", ghosts["per_budget"], StringComparison.Ordinal);
        Assert.Equal("besproken aan de werktafel", Row(table, "tandartskosten")["stand"]);
        Assert.Empty(table.ClientIds);
        var cells = string.Join('|', table.Rows.SelectMany(r => r));
        Assert.All(_store.Store.Clients.Search(), c =>
        {
            Assert.DoesNotContain(c.Id.ToString(), cells, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(c.Name.Surname, cells, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void English_HeadersAndValuesInEnglish()
    {
        var table = PatternExports.Patterns(_store.Store, Lang.En);

        Assert.Contains("bottleneck", table.Columns);
        Assert.Contains("spent_cents", table.Columns);
        var dental = Row(table, "tandartskosten");
        Assert.Equal("discussed at the werktafel", dental["state"]);
        Assert.StartsWith("minimaatwerk budget (4; ", dental["by_budget"], StringComparison.Ordinal);
    }

    [Fact]
    public void ANurseLaptop_HoldsNoPatterns()
    {
        using var nurse = new TempStore();
        DemoData.Fill(nurse.Store, 24);
        DemoBudget.Fill(nurse.Store);
        DemoPatterns.Fill(nurse.Store);

        Assert.Empty(PatternExports.Patterns(nurse.Store).Rows);
    }

    private static Dictionary<string, string?> Row(ExportTable table, string tag)
    {
        var row = table.Rows.Single(r => r[1] == tag);
        return table.Columns.Zip(row).ToDictionary(p => p.First, p => p.Second);
    }
}
