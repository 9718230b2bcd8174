using System.Text.Json;
using CsvHelper;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Cli;

/// <summary>
/// <c>wijkwerk export budget</c> as the real program, on a demo store that received the team's budget requests and
/// votes through a sync (as every laptop of the team does).
/// </summary>
public class ExportBudgetCommandTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    private const string SecretWhat = "Koelkast voor de insuline van mevrouw";

    private sealed record Received(IReadOnlyList<BudgetRequest> Requests, IReadOnlyList<Guid> Approvers);

    /// <summary>
    /// Four requests on the store's first two clients: dental costs approved by three colleagues and paid, dental costs
    /// closed by an alternative, dental costs still open, and a fridge withdrawn.
    /// </summary>
    private static Received Receive(string data)
    {
        using var store = LocalStore.Open(Path.Combine(data, "wijkwerk.db"), WijkwerkProcess.Passphrase, TimeProvider.System);
        var clients = store.Clients.Search().Take(2).Select(c => c.Id).ToList();
        var requester = new Id<Worker>(Guid.CreateVersion7());
        var approvers = new[] { Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7() };
        var at = DateTimeOffset.UtcNow.AddDays(-10);
        BudgetRequest Make(int client, BudgetCategory category, long euros, BudgetRequestStatus status, BudgetOutcome? outcome) => new(
            new Id<BudgetRequest>(Guid.CreateVersion7()), clients[client], "Noord", requester, at, SecretWhat, new InKindSupplier("Tandarts Synthetisch", "factuur 17"),
            Money.FromEuros(euros), category, "Geen aanvullende verzekering", new ValueTriangle("Legitiem", null, "Wil het zelf", true), "tandartskosten",
            status, status is BudgetRequestStatus.Approved or BudgetRequestStatus.Paid ? at.AddDays(1) : null, outcome);
        var requests = new[]
        {
            Make(0, BudgetCategory.DentalCare, 300, BudgetRequestStatus.Paid, new BudgetOutcome(at.AddDays(2), requester, "betaald")),
            Make(1, BudgetCategory.DentalCare, 200, BudgetRequestStatus.AlternativeFound, new BudgetOutcome(at.AddDays(1), new(approvers[0]), "Fonds Tandzorg")),
            Make(1, BudgetCategory.DentalCare, 150, BudgetRequestStatus.Requested, null),
            Make(0, BudgetCategory.Household, 350, BudgetRequestStatus.Withdrawn, new BudgetOutcome(at.AddDays(1), requester, "")),
        };
        var votes = approvers.Select(a => new BudgetVote(new Id<BudgetVote>(Guid.CreateVersion7()), requests[0].Id, new Id<Worker>(a), at.AddHours(1), VoteKind.Approve, "")).ToList();
        var sync = new LocalSync(store);
        var anchor = sync.Settings().Anchor;
        var changes = requests.Select(r => (BudgetColumns.RequestTable, r.Id.Value, BudgetColumns.ToColumns(r)))
            .Concat(votes.Select(v => (BudgetColumns.VoteTable, v.Id.Value, BudgetColumns.ToColumns(v))))
            .Select((c, i) => new RowChange(anchor + i + 1, c.Item1, c.Item2, 1, false, false, at, requester.Value, c.Item3)).ToList();
        sync.Apply(new PullResponse(changes, anchor + changes.Count, false, 0, 0));
        return new Received(requests, approvers);
    }

    [Fact]
    public void Csv_OneRowPerRequest_AmountInCents_ApproversById_NoFreeText_LoggedPerClient()
    {
        using var temp = new TempFolder();
        var data = demo.CopyTo(temp);
        var received = Receive(data);

        var result = WijkwerkProcess.Run(data, "export", "budget");
        var all = ReadCsv(result.Out);
        // The demo store holds budget requests of its own; these four came with the sync.
        var ids = received.Requests.Select(r => r.Id.ToString()).ToHashSet();
        var rows = all.Where(r => ids.Contains(r["id"])).ToList();

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(4, rows.Count);
        var paid = rows.Single(r => r["id"] == received.Requests[0].Id.ToString());
        Assert.Equal(("zorgkosten/tandarts", "30000", "betaald", "Noord"), (paid["categorie"], paid["bedrag_centen"], paid["uitkomst"], paid["team"]));
        Assert.Equal(received.Approvers.Select(a => a.ToString()).Order(), paid["akkoorden"].Split(';').Order());
        Assert.NotEqual("", paid["goedgekeurd_op"]);
        Assert.Equal("alternatief gevonden", rows.Single(r => r["id"] == received.Requests[1].Id.ToString())["uitkomst"]);
        Assert.DoesNotContain(SecretWhat, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Fonds Tandzorg", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Tandarts Synthetisch", result.Out, StringComparison.Ordinal);
        Assert.Equal(all.Select(r => r["client_id"]).Distinct().Order(), ExportEvents(data, "table=budget_requests").Select(e => e["client_id"]).Order());
        Assert.Subset(all.Select(r => r["client_id"]).ToHashSet(), received.Requests.Select(r => r.ClientId.ToString()).ToHashSet());
    }

    [Fact]
    public void SummaryAsJsonInEnglish_PerCategoryAndPeriod_WithHowOftenAnAlternativeWasFound()
    {
        using var temp = new TempFolder();
        var data = demo.CopyTo(temp);
        var year = AmsterdamTime.ToLocal(DateTimeOffset.UtcNow.AddDays(-10)).Year.ToString();
        // The demo store holds budget requests of its own: what the four received requests add is what is checked.
        var before = Summary(data, year);
        Receive(data);

        var after = Summary(data, year);

        var dental = after["care costs/dentist"];
        var dentalBefore = before.GetValueOrDefault("care costs/dentist");
        long Added(string field) => long.Parse(dental[field]) - (dentalBefore is null ? 0 : long.Parse(dentalBefore[field]));
        Assert.Equal((3L, 30000L, 1L, 1L), (Added("requests"), Added("paid_cents"), Added("alternative_found"), Added("open")));
        Assert.Equal((long)Math.Round(100m * long.Parse(dental["alternative_found"]) / long.Parse(dental["requests"]), MidpointRounding.AwayFromZero), long.Parse(dental["pct_alternative"]));
        var household = after["household goods"];
        var householdBefore = before.GetValueOrDefault("household goods");
        Assert.Equal(1, long.Parse(household["withdrawn"]) - (householdBefore is null ? 0 : long.Parse(householdBefore["withdrawn"])));
        // Each summary is logged once, about no client.
        Assert.Equal(["", ""], ExportEvents(data, "table=budget_summary").Select(e => e["client_id"]));
    }

    /// <summary>The summary's rows of one period by category, every value as text.</summary>
    private static Dictionary<string, Dictionary<string, string>> Summary(string data, string year)
    {
        var result = WijkwerkProcess.Run(data, "export", "budget", "--summary", "--format", "json", "--lang", "en");
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement.EnumerateArray()
            .Where(r => r.GetProperty("period").GetString() == year)
            .ToDictionary(
                r => r.GetProperty("category").GetString()!,
                r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? ""));
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
