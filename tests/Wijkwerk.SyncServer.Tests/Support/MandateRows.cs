using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>Synthetic mandate decisions as a team leader's laptop records them, on today's date (the server judges by its own day).</summary>
public static class MandateRows
{
    /// <summary>The 's-Hertogenbosch cost table as an admin imports it: eviction € 6.000 once, shelter € 30.000 and benefits € 15.000 a year.</summary>
    public const string WorkedExampleCsv = """
        routecode,naam,bedrag_centen,per,geldig_vanaf,bron
        uithuiszetting,Gedwongen uithuiszetting,600000,keer,2020-01-01,Gemeente (synthetisch)
        opvang,Maatschappelijke opvang,3000000,jaar,2020-01-01,Gemeente (synthetisch)
        bijstand,Bijstandsuitkering,1500000,jaar,2020-01-01,Gemeente (synthetisch)
        """;

    public static string Day(int offset) => DateText.Iso(AmsterdamTime.Today(TimeProvider.System).AddDays(offset));

    public static SocialReturn WorkedExample(CostTable table)
    {
        var day = AmsterdamTime.Today(TimeProvider.System);
        var routes = new[] { ("uithuiszetting", 1), ("opvang", 12), ("bijstand", 12) }
            .Select(r => new AvoidedRoute(table.Find(r.Item1, day) ?? throw new InvalidOperationException("route " + r.Item1), r.Item2)).ToList();
        return SocialReturnCalculator.Calculate(Money.FromEuros(4_000), routes, table.Latest!.Version).Value;
    }

    public static SocialReturn WorkedExample() => WorkedExample(new CostTable([new CostTableVersion(1, DateTimeOffset.UnixEpoch,
    [
        new CostEntry("uithuiszetting", "Gedwongen uithuiszetting", Money.FromEuros(6_000), CostPeriod.PerOccurrence, new DateOnly(2020, 1, 1), "synthetisch"),
        new CostEntry("opvang", "Maatschappelijke opvang", Money.FromEuros(30_000), CostPeriod.PerYear, new DateOnly(2020, 1, 1), "synthetisch"),
        new CostEntry("bijstand", "Bijstandsuitkering", Money.FromEuros(15_000), CostPeriod.PerYear, new DateOnly(2020, 1, 1), "synthetisch"),
    ])]));

    public static MandateDecision Decision(Guid client, Guid leader, Guid mandate, string department = "Opvang", SocialReturn? figures = null) => new(
        new Id<MandateDecision>(Guid.CreateVersion7()), new Id<Client>(client), new Id<Worker>(leader), new Id<Mandate>(mandate), DateTimeOffset.UtcNow.AddMinutes(-1),
        department, "Opvang alleen voor alleenstaanden", "Opvang weigerde de vader bij zijn gezin", "De vader mag bij zijn gezin in de opvang wonen",
        new DecisionExecutor("Opvang", "Locatiemanager (synthetisch)"),
        new ValueTriangle("Het gezin blijft bij elkaar; de regel is voor overlast bedoeld", figures ?? WorkedExample(), "Het gezin wil samen blijven", true),
        "opvangregel-gezinnen", AmsterdamTime.Today(TimeProvider.System).AddMonths(3), null);

    public static Dictionary<string, string?> Columns(MandateDecision decision) => MandateColumns.ToColumns(decision);
}
