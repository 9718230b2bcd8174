using System.Text.Json;
using CsvHelper;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Cli;

/// <summary>
/// <c>wijkwerk export escalations</c> and <c>wijkwerk export pauses</c> as the real program on the demo store (which
/// holds an escalation to the case team and on to the Maatwerkloket, a pause that ends this week and a lifted one):
/// Dutch headers and values by default, English with --lang en, never the free text, each export logged per client.
/// </summary>
public class ExportEscalationsCommandTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    private static DateOnly Today => AmsterdamTime.Today(TimeProvider.System);

    [Fact]
    public void Escalations_AsCsv_InDutch_OneRowPerEscalation_NoFreeText_LoggedPerClient()
    {
        using var temp = new TempFolder();
        var data = demo.CopyTo(temp);

        var result = WijkwerkProcess.Run(data, "export", "escalations");

        Assert.True(result.ExitCode == 0, result.Error);
        var rows = ReadCsv(result.Out);
        Assert.Equal(["id", "client_id", "niveau", "geescaleerd_op", "geescaleerd_door", "opvolgdatum", "opvolgen_nodig", "afgesloten_op", "knelpunt"], rows[0].Keys);
        Assert.Equal(["casusteam", "Maatwerkloket"], rows.Select(r => r["niveau"]));
        Assert.Equal([DateText.Iso(Today.AddDays(-21)), DateText.Iso(Today.AddDays(-6))], rows.Select(r => r["geescaleerd_op"]));
        Assert.All(rows, r => Assert.Equal(("spookbewoning", "nee", ""), (r["knelpunt"], r["opvolgen_nodig"], r["afgesloten_op"])));
        Assert.DoesNotContain("spookbewoner", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Belastingdienst", result.Out, StringComparison.Ordinal);
        Assert.Equal([rows[0]["client_id"]], ExportEvents(data, "table=escalations").Select(e => e["client_id"]));
    }

    [Fact]
    public void Pauses_AsJson_InEnglish_WithTheirStateAndEnd_NoFreeText()
    {
        using var temp = new TempFolder();
        var data = demo.CopyTo(temp);

        var result = WijkwerkProcess.Run(data, "export", "pauses", "--format", "json", "--lang", "en");

        Assert.True(result.ExitCode == 0, result.Error);
        var rows = JsonDocument.Parse(result.Out).RootElement.EnumerateArray()
            .Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")).ToList();
        Assert.Equal(["id", "client_id", "department", "starts_on", "ends_on", "original_end", "extensions", "state", "lifted_on", "recorded_by"], rows[0].Keys);
        var held = rows.Single(r => r["state"] == "ends within a week");
        Assert.Equal(("Werk en Inkomen", DateText.Iso(Today.AddDays(4)), DateText.Iso(Today.AddDays(4)), "0", ""),
            (held["department"], held["ends_on"], held["original_end"], held["extensions"], held["lifted_on"]));
        Assert.Equal(DateText.Iso(Today), rows.Single(r => r["state"] == "lifted")["lifted_on"]);
        Assert.DoesNotContain("Stopzetten bijstandsuitkering", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("pleinvrees", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Handhaving", result.Out, StringComparison.Ordinal);
    }

    private static List<Dictionary<string, string>> ExportEvents(string data, string detail) =>
        ReadCsv(WijkwerkProcess.Run(data, "export", "audit").Out).Where(e => e["gebeurtenis"] == "geëxporteerd" && e["details"].StartsWith(detail, StringComparison.Ordinal)
            && (e["details"].Length == detail.Length || e["details"][detail.Length] == ';')).ToList();

    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        using var csv = CsvReader.Create(new StringReader(text), new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        var header = csv.Headers!.ToList();
        while (csv.Read())
            rows.Add(header.Select((h, i) => (h, Value: csv.GetString(i) ?? "")).ToDictionary(x => x.h, x => x.Value));
        return rows;
    }
}
