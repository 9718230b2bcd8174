using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Tests.Support;

/// <summary>The 's-Hertogenbosch worked example and a team leader's mandate, synthetic.</summary>
public static class MandateSamples
{
    public static readonly DateOnly TableFrom = new(2026, 1, 1);

    public static CostEntry Eviction(long euros = 6_000) => new("uithuiszetting", "Gedwongen uithuiszetting", Money.FromEuros(euros), CostPeriod.PerOccurrence, TableFrom, "Gemeente, kostentabel 2026");

    public static CostEntry Shelter(long euros = 30_000) => new("opvang", "Maatschappelijke opvang", Money.FromEuros(euros), CostPeriod.PerYear, TableFrom, "Gemeente, kostentabel 2026");

    public static CostEntry Benefits(long euros = 15_000) => new("bijstand", "Bijstandsuitkering", Money.FromEuros(euros), CostPeriod.PerYear, TableFrom, "Gemeente, kostentabel 2026");

    /// <summary>A forced eviction once, then a year of shelter and a year of benefits (months bounded by the horizon).</summary>
    public static IReadOnlyList<AvoidedRoute> WorkedExampleRoutes(int months = 12) =>
        [new(Eviction(), 1), new(Shelter(), months), new(Benefits(), months)];

    public static SocialReturn WorkedExampleReturn(int version = 1) =>
        SocialReturnCalculator.Calculate(Money.FromEuros(4_000), WorkedExampleRoutes(), version).Value;

    public static Mandate MandateOf(Id<Worker> worker, params string[] departments) =>
        new(new Id<Mandate>(Guid.CreateVersion7()), worker, departments.Length == 0 ? ["Wonen", "Opvang"] : departments, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null);

    public static MandateDecision Decision(Id<Worker> by, Mandate mandate, DateTimeOffset at, string department = "Opvang") => new(
        new Id<MandateDecision>(Guid.CreateVersion7()), new Id<Client>(Guid.CreateVersion7()), by, mandate.Id, at,
        department, "Opvang alleen voor alleenstaanden", "Opvang weigerde de vader bij zijn gezin", "De vader mag bij zijn gezin in de opvang wonen",
        new DecisionExecutor("Opvang", "Locatiemanager (synthetisch)"),
        new ValueTriangle("Het gezin blijft bij elkaar; de regel is bedoeld voor overlast, die er niet is", WorkedExampleReturn(), "Het gezin wil samen blijven en zoekt met de wijkcoach woonruimte", true),
        "opvangregel-gezinnen", DateOnly.FromDateTime(at.UtcDateTime).AddMonths(3), null);
}
