using System.Text.Json;
using CsvHelper;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Cli;

/// <summary>
/// <c>wijkwerk export fund</c> as the real program, on a demo store that received fund requests through a sync: one
/// row per request without free text, or the half-year review in Dutch words (English with --lang en); an unknown
/// period is named.
/// </summary>
public class ExportFundCommandTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    private const string SecretCase = "Huurachterstand na opname van meneer";
    private const string Partner = "Woonstichting Synthetica";

    /// <summary>
    /// Two requests on the store's first client: one settled with the landlord's partner that avoided an eviction
    /// (€ 6.000 for € 1.200 asked), one unique case refused.
    /// </summary>
    private static IReadOnlyList<FundRequest> Receive(string data)
    {
        using var store = LocalStore.Open(Path.Combine(data, "wijkwerk.db"), WijkwerkProcess.Passphrase, TimeProvider.System);
        var client = store.Clients.Search().First().Id;
        var (nurse, secretary) = (new Id<Worker>(Guid.CreateVersion7()), new Id<Worker>(Guid.CreateVersion7()));
        var at = DateTimeOffset.UtcNow.AddDays(-10);
        FundRequest Make(long cents, string? partner, string tag) => new(
            new Id<FundRequest>(Guid.CreateVersion7()), client, "Noord", nurse, at, SecretCase, new Money(cents), "Huur aflossen", "Verhuurder Synthetisch", partner,
            "Schuldhulp start te laat", true, "Inkomen op orde", new ValueTriangle("Legitiem", null, "Wil blijven wonen", true), tag,
            FundRequestStatus.Requested, null, null, null, null);
        var eviction = new CostEntry("uithuiszetting", "Gedwongen uithuiszetting", Money.FromEuros(6_000), CostPeriod.PerOccurrence, new DateOnly(2026, 1, 1), "Gemeente, kostentabel 2026");
        var figures = SocialReturnCalculator.Calculate(new Money(120_000), [new AvoidedRoute(eviction, 1)], 1).Value;
        var settled = Make(120_000, Partner, "uitkering-start-na-opname") with
        {
            Triangle = new ValueTriangle("Legitiem", figures, "Wil blijven wonen", true),
            Status = FundRequestStatus.Settled, Decision = new FundStep(at.AddHours(1), secretary, ""), Payout = new FundStep(at.AddDays(1), secretary, "betaling 7"),
            Evaluation = new FundEvaluation(at.AddDays(5), secretary, true, true, "Woning behouden"),
            Settlement = new FundSettlement(at.AddDays(6), secretary, [new FundShare(Partner, new Money(120_000))]),
        };
        var refused = Make(7_500, null, "energie-afsluiting") with { Status = FundRequestStatus.Refused, Decision = new FundStep(at.AddHours(2), secretary, "geen duurzaam perspectief") };
        var repayment = new FundRepayment(new Id<FundRepayment>(Guid.CreateVersion7()), settled.Id, Partner, new Money(60_000), DateOnly.FromDateTime(at.AddDays(7).UtcDateTime), secretary, at.AddDays(7));
        var sync = new LocalSync(store);
        var anchor = sync.Settings().Anchor;
        var changes = new[]
            {
                (FundColumns.RequestTable, settled.Id.Value, FundColumns.ToColumns(settled)), (FundColumns.RequestTable, refused.Id.Value, FundColumns.ToColumns(refused)),
                (FundColumns.RepaymentTable, repayment.Id.Value, FundColumns.ToColumns(repayment)),
            }
            .Select((c, i) => new RowChange(anchor + i + 1, c.Item1, c.Item2, 1, false, false, at, nurse.Value, c.Item3)).ToList();
        sync.Apply(new PullResponse(changes, anchor + changes.Count, false, 0, 0));
        return [settled, refused];
    }

    [Fact]
    public void Csv_OneRowPerRequest_DutchWords_NoFreeText()
    {
        using var temp = new TempFolder();
        var data = demo.CopyTo(temp);
        var received = Receive(data);

        var result = WijkwerkProcess.Run(data, "export", "fund");

        Assert.True(result.ExitCode == 0, result.Error);
        var rows = ReadCsv(result.Out).Where(r => received.Any(q => q.Id.ToString() == r["id"])).ToList();
        Assert.Equal(2, rows.Count);
        var settled = rows.Single(r => r["id"] == received[0].Id.ToString());
        Assert.Equal(("verrekend", Partner, "120000", "60000", "ja"), (settled["status"], settled["wie_had_moeten_betalen"], settled["verschuldigd_centen"], settled["terugbetaald_centen"], settled["duurzaam"]));
        Assert.Equal(("600000", "480000", "5.00"), (settled["vermeden_kosten_centen"], settled["netto_rendement_centen"], settled["verhouding"]));
        var refused = rows.Single(r => r["id"] == received[1].Id.ToString());
        Assert.Equal(("geweigerd", "geen enkele partij: uniek", "", ""), (refused["status"], refused["wie_had_moeten_betalen"], refused["uitbetalen_uiterlijk"], refused["vermeden_kosten_centen"]));
        Assert.DoesNotContain(SecretCase, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("geen duurzaam perspectief", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void HalfYearReviewAsJson_InEnglish_TotalsBottlenecksAndPartners_UnknownPeriodNamed()
    {
        using var temp = new TempFolder();
        var data = demo.CopyTo(temp);
        var period = $"half {(DateTimeOffset.UtcNow.AddDays(-10).Month <= 6 ? 1 : 2)} of {DateTimeOffset.UtcNow.AddDays(-10).Year}";
        // The demo store holds a year of the team's fund requests: what the two received requests add is what is checked.
        var before = Review(data, period);
        Receive(data);

        var after = Review(data, period);
        var quarter = WijkwerkProcess.Run(data, "export", "fund", "--summary", "--period", "quarter");

        long Added(string key, string field) => long.Parse(after[key][field]) - (before.TryGetValue(key, out var row) && row[field].Length > 0 ? long.Parse(row[field]) : 0);
        Assert.Equal((2L, 1L, 120_000L, 60_000L), (Added("total/", "requests"), Added("total/", "refused"), Added("total/", "owed_cents"), Added("total/", "repaid_cents")));
        Assert.Equal((1L, 600_000L, 480_000L), (Added("total/", "with_calculation"), Added("total/", "avoided_cost_cents"), Added("total/", "net_return_cents")));
        Assert.Equal(1L, Added("bottleneck/uitkering-start-na-opname", "requests"));
        Assert.Equal(120_000L, Added($"partner organisation/{Partner}", "owed_cents"));
        Assert.NotEqual(0, quarter.ExitCode);
        Assert.Contains("--period: 'quarter' kent Wijkwerk niet; de evaluatie van het fonds gaat per halfjaar", quarter.Error);
    }

    /// <summary>The review's lines of one half year by "breakdown/name", every value as text.</summary>
    private static Dictionary<string, Dictionary<string, string>> Review(string data, string period)
    {
        var result = WijkwerkProcess.Run(data, "export", "fund", "--summary", "--period", "half-year", "--format", "json", "--lang", "en");
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement.EnumerateArray()
            .Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? ""))
            .Where(r => r["period"] == period)
            .ToDictionary(r => r["breakdown"] + "/" + r["name"]);
    }

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
