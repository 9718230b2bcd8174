using System.Text.Json;
using CsvHelper;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Cli;

/// <summary>
/// <c>wijkwerk export mandates</c> as the real program, on a demo store that received the team leader's decisions
/// through a sync (as a nurse's laptop does).
/// </summary>
public class ExportMandatesCommandTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    private const string SecretDecision = "De vader mag bij zijn gezin in de opvang wonen";

    private static SocialReturn Figures() => SocialReturnCalculator.Calculate(
        Money.FromEuros(4_000),
        [
            new AvoidedRoute(new CostEntry("uithuiszetting", "Gedwongen uithuiszetting", Money.FromEuros(6_000), CostPeriod.PerOccurrence, new DateOnly(2020, 1, 1), "synthetisch"), 1),
            new AvoidedRoute(new CostEntry("opvang", "Maatschappelijke opvang", Money.FromEuros(30_000), CostPeriod.PerYear, new DateOnly(2020, 1, 1), "synthetisch"), 12),
            new AvoidedRoute(new CostEntry("bijstand", "Bijstandsuitkering", Money.FromEuros(15_000), CostPeriod.PerYear, new DateOnly(2020, 1, 1), "synthetisch"), 12),
        ],
        1).Value;

    /// <summary>Three decisions on the store's first two clients: two about Opvang (one followed up), one about Werk en Inkomen.</summary>
    private static IReadOnlyList<MandateDecision> Receive(string data)
    {
        using var store = LocalStore.Open(Path.Combine(data, "wijkwerk.db"), WijkwerkProcess.Passphrase, TimeProvider.System);
        var clients = store.Clients.Search().Take(2).Select(c => c.Id).ToList();
        var leader = new Id<Worker>(Guid.CreateVersion7());
        var at = DateTimeOffset.UtcNow.AddDays(-40);
        MandateDecision Make(int client, string department, string rule, DecisionFollowUp? followUp) => new(
            new Id<MandateDecision>(Guid.CreateVersion7()), clients[client], leader, new Id<Mandate>(Guid.CreateVersion7()), at, department, rule,
            "Eerder geweigerd door de afdeling", SecretDecision, new DecisionExecutor(department, "Contact Synthetisch"),
            new ValueTriangle("Legitiem omdat de regel hier niet voor bedoeld is", Figures(), "De inwoner wil dit zelf", true), "knelpunt", DateOnly.FromDateTime(at.UtcDateTime).AddDays(30), followUp);
        var decisions = new[]
        {
            Make(0, "Opvang", "Opvang alleen voor alleenstaanden", new DecisionFollowUp(FollowUpResult.CarriedOut, "Het gezin woont samen", at.AddDays(31), leader)),
            Make(1, "Opvang", "Opvang alleen voor alleenstaanden", null),
            Make(1, "Werk en Inkomen", "Uitkering alleen met woonadres", null),
        };
        var sync = new LocalSync(store);
        var anchor = sync.Settings().Anchor;
        sync.Apply(new PullResponse(
            decisions.Select((d, i) => new RowChange(anchor + i + 1, MandateColumns.DecisionTable, d.Id.Value, 1, false, false, at, leader.Value, MandateColumns.ToColumns(d))).ToList(),
            anchor + decisions.Length, false, 0, 0));
        return decisions;
    }

    [Fact]
    public void Csv_OneRowPerDecision_FiguresInCents_ClientByIdOnly_NoFreeText_LoggedPerClient()
    {
        using var temp = new TempFolder();
        var data = demo.CopyTo(temp);
        var decisions = Receive(data);

        var result = WijkwerkProcess.Run(data, "export", "mandates");
        var rows = ReadCsv(result.Out);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(("400000", "5100000", "4700000", "12.75", "12", "1"),
            (r["eigen_kosten_centen"], r["vermeden_kosten_centen"], r["netto_rendement_centen"], r["verhouding"], r["horizon_maanden"], r["kostentabel_versie"])));
        var followed = rows.Single(r => r["id"] == decisions[0].Id.ToString());
        Assert.Equal(("Opvang", "Opvang alleen voor alleenstaanden", "uitgevoerd", "ja"), (followed["afdeling"], followed["overruled_regel"], followed["opvolging"], followed["inwoner_gehoord"]));
        Assert.Equal("", rows.Single(r => r["id"] == decisions[1].Id.ToString())["opvolging"]);
        Assert.DoesNotContain(SecretDecision, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact Synthetisch", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("legitimiteit", result.Out, StringComparison.Ordinal);
        Assert.Equal(decisions.Select(d => d.ClientId.ToString()).Distinct().Order(), ExportEvents(data, "table=mandate_decisions").Select(e => e["client_id"]).Order());
    }

    [Fact]
    public void JsonWithTextInEnglish_CarriesTheFreeText()
    {
        using var temp = new TempFolder();
        var data = demo.CopyTo(temp);
        Receive(data);

        var result = WijkwerkProcess.Run(data, "export", "mandates", "--format", "json", "--with-text", "--lang", "en");
        var rows = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(SecretDecision, r.GetProperty("decision").GetString()));
        Assert.Equal("carried out", rows.Select(r => r.GetProperty("follow_up").GetString()).Single(f => f is not null));
        Assert.Equal("4700000", rows[0].GetProperty("net_return_cents").GetString());
    }

    [Fact]
    public void Summary_CountsPerDepartmentAndPerRule_WithFollowUps_LoggedWithoutClient()
    {
        using var temp = new TempFolder();
        var data = demo.CopyTo(temp);
        Receive(data);

        var result = WijkwerkProcess.Run(data, "export", "mandates", "--summary");
        var rows = ReadCsv(result.Out);
        var refused = WijkwerkProcess.Run(data, "export", "mandates", "--summary", "--with-text");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("soort,waarde,besluiten,uitgevoerd,deels_uitgevoerd,niet_uitgevoerd,nog_niet_opgevolgd", result.Out, StringComparison.Ordinal);
        Assert.Equal(
            [("afdeling", "Opvang", "2", "1", "1"), ("afdeling", "Werk en Inkomen", "1", "0", "1"),
             ("overruled_regel", "Opvang alleen voor alleenstaanden", "2", "1", "1"), ("overruled_regel", "Uitkering alleen met woonadres", "1", "0", "1")],
            rows.Select(r => (r["soort"], r["waarde"], r["besluiten"], r["uitgevoerd"], r["nog_niet_opgevolgd"])));
        var logged = Assert.Single(ExportEvents(data, "table=mandate_summary"));
        Assert.Equal("", logged["client_id"]);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--with-text kan niet samen met --summary", refused.Error);
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
