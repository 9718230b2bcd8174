using Bogus;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Repositories;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Demo;

/// <summary>
/// The team leader's demo: a mandate across four departments, the administrator's department list, a cost table
/// in two versions whose current one gives the 's-Hertogenbosch figures (€ 4.000 own cost against an eviction of
/// € 6.000, a year of shelter at € 30.000 and a year of benefits at € 15.000: avoided € 51.000, net € 47.000),
/// and decisions in every state, among them the three examples. Synthetic people only.
/// </summary>
public static class DemoMandates
{
    public static readonly StoreIdentity DemoTeamLeader = new(
        new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-000000000003")), "Eva Demo", Role.TeamLeader,
        Guid.Parse("0193a000-0000-7000-8000-0000000000d3"));

    public static readonly IReadOnlyList<string> Departments = ["Werk en Inkomen", "Wmo", "Schuldhulpverlening", "Wonen", "Opvang", "Jeugd", "Handhaving"];

    /// <summary>What the demo mandate covers: not Wmo, Jeugd or Handhaving, so the form has something to refuse.</summary>
    public static readonly IReadOnlyList<string> MandateDepartments = ["Opvang", "Schuldhulpverlening", "Werk en Inkomen", "Wonen"];

    private const string Source = "Voorbeeld 's-Hertogenbosch, afgerond (synthetische demo)";

    public sealed record Summary(int Decisions, int CostTableVersion);

    /// <summary>A mandate of the worker from half a year ago until half a year ahead: valid today.</summary>
    public static Mandate ValidMandate(Id<Worker> worker, DateOnly today) =>
        new(DeterministicId<Mandate>(0), worker, MandateDepartments, today.AddMonths(-6), today.AddMonths(6), null);

    /// <summary>The table as imported twice: version 1 a year ago, version 2 (the worked example's amounts) half a year ago.</summary>
    public static IReadOnlyList<CostTableVersion> CostTables(DateOnly today)
    {
        var earlier = today.AddYears(-1);
        var current = today.AddMonths(-6);
        return
        [
            new CostTableVersion(1, AmsterdamTime.StartOf(earlier),
            [
                Entry("uithuiszetting", "Gedwongen uithuiszetting", 5_500, CostPeriod.PerOccurrence, earlier),
                Entry("opvang", "Maatschappelijke opvang", 28_000, CostPeriod.PerYear, earlier),
                Entry("bijstand", "Bijstandsuitkering", 14_400, CostPeriod.PerYear, earlier),
                Entry("beschermd-wonen", "Beschermd wonen", 5_000, CostPeriod.PerMonth, earlier),
            ]),
            new CostTableVersion(2, AmsterdamTime.StartOf(current),
            [
                Entry("uithuiszetting", "Gedwongen uithuiszetting", 6_000, CostPeriod.PerOccurrence, current),
                Entry("opvang", "Maatschappelijke opvang", 30_000, CostPeriod.PerYear, current),
                Entry("bijstand", "Bijstandsuitkering", 15_000, CostPeriod.PerYear, current),
                Entry("beschermd-wonen", "Beschermd wonen", 5_500, CostPeriod.PerMonth, current),
            ]),
        ];
    }

    /// <summary>
    /// The cost tables a pull gives every laptop (the server sends them to every role): what the store holds, or the
    /// demo's, so a professional's budget and fund forms offer the same avoided routes as the team leader's.
    /// </summary>
    public static IReadOnlyList<CostTableInfo> CostTablesOn(ReferenceData current, DateOnly today) =>
        current.CostTables ?? CostTables(today).Select(CostTableInfo.From).ToList();

    /// <summary>Puts reference data on a store as a pull would: the demo's and a test's way in without a server.</summary>
    public static void GiveReference(LocalStore store, IReadOnlyList<Mandate> mandates, IReadOnlyList<CostTableVersion> costTables, long version = 1) =>
        store.Reference.Replace(new ReferenceData(version)
        {
            Departments = Departments,
            Mandates = mandates.Select(MandateInfo.From).ToList(),
            CostTables = costTables.Select(CostTableInfo.From).ToList(),
        });

    /// <summary>
    /// The reference data and six decisions of the store's own team leader on the first demo clients (they must
    /// exist: <see cref="DemoData.Fill"/> first). Every decision is recorded through the repository, so the same
    /// rules hold as for one typed in.
    /// </summary>
    public static Summary Fill(LocalStore store)
    {
        var clock = store.Clock;
        var today = AmsterdamTime.Today(clock);
        var now = clock.GetUtcNow();
        var me = store.Identity.WorkerId;
        var mandate = ValidMandate(me, today);
        var tables = new CostTable(CostTables(today));
        GiveReference(store, [mandate], tables.Versions);
        // As a pull would: the team's nurse is named, so the team leader sees whose the open signals are.
        store.Write(scope =>
        {
            WorkerNameRepository.Remember(store, scope, [new WorkerInfo(DemoData.DemoWorker.WorkerId.Value, DemoData.DemoWorker.WorkerName)]);
            return 0;
        });
        var faker = new Faker("nl") { Random = new Randomizer(DemoData.Seed + 11) };
        string Contact() => $"{faker.Name.FirstName()} {faker.Name.LastName()}";
        var decisions = Examples(today).Select((e, i) => e.ToDecision(DeterministicId<MandateDecision>(i + 1), DemoData.DeterministicId<Client>(i, 0), me, mandate.Id,
            now.AddDays(-e.DaysAgo), Contact(), tables.Version(e.CostTableVersion)!)).ToList();
        var examples = Examples(today).ToList();
        store.Batch(() =>
        {
            for (var i = 0; i < decisions.Count; i++)
            {
                var (decision, example) = (decisions[i], examples[i]);
                store.MandateDecisions.Record(decision);
                if (example.FollowUp is { } followUp)
                    store.MandateDecisions.RecordFollowUp(decision.Id, new DecisionFollowUp(followUp.Result, followUp.HowItEnded, decision.DecidedAt.AddDays(followUp.AfterDays), me));
                for (var n = 0; n < example.Addenda.Count; n++)
                {
                    var (text, afterDays) = example.Addenda[n];
                    store.MandateDecisions.AddAddendum(new DecisionAddendum(DeterministicId<DecisionAddendum>(100 + 10 * i + n), decision.Id, text, decision.DecidedAt.AddDays(afterDays), me));
                }
            }
        });
        return new Summary(decisions.Count, tables.Latest!.Version);
    }

    private static IEnumerable<Example> Examples(DateOnly today) =>
    [
        // 's-Hertogenbosch: pay the rent arrears instead of an eviction, a year of shelter and a year of benefits.
        new(120, "Schuldhulpverlening", "Schuldhulp pas na drie maanden stabiel inkomen",
            "Schuldhulpverlening wilde de huurachterstand van € 4.000 niet overnemen zolang het inkomen niet drie maanden stabiel was; de woningcorporatie had de ontruiming al aangezegd.",
            "De huurachterstand van € 4.000 wordt uit het fonds betaald, met budgetbeheer zodat de inwoner over zes maanden niet opnieuw in dezelfde situatie zit.",
            "Wachten op een stabiel inkomen betekent een ontruiming; de regel is bedoeld om terugval te voorkomen en dat regelt het budgetbeheer.",
            4_000, [("uithuiszetting", 1), ("opvang", 12), ("bijstand", 12)], 2,
            "De inwoner wil in de woning blijven en werkt mee aan budgetbeheer.", true, "Schuldhulp: stabilisatietermijn", today.AddDays(-120).AddMonths(3),
            new FollowUpExample(FollowUpResult.CarriedOut, "Achterstand betaald, ontruiming ingetrokken; budgetbeheer loopt en de huur wordt sindsdien op tijd betaald.", 95), []),
        // Rotterdam: the father may live with his family in the shelter.
        new(80, "Opvang", "Geen toelating tot de opvang na verwijtbaar gedrag",
            "De opvang weigerde de vader toe te laten omdat er bij hem thuis in het verleden verwijtbaar gedrag was vastgesteld; hij is daarvoor nooit veroordeeld.",
            "De vader mag bij zijn gezin in de opvang wonen.",
            "Het gezin hoort bij elkaar; de weigering rust op een oude ontruiming zonder veroordeling, en de kinderen hebben hun vader nodig.",
            1_200, [("opvang", 6)], 2,
            "Moeder en vader willen samen voor de kinderen zorgen; beide zijn gehoord in het keukentafelgesprek.", true, "Opvang: verwijtbaarheid", today.AddDays(-20),
            new FollowUpExample(FollowUpResult.Partly, "De vader woont bij het gezin; het verzoeningsgesprek met de opvang is nog niet gevoerd.", 65),
            [("Correctie: de weigering kwam van de toelatingscommissie, niet van de locatie zelf.", 3), ("Verzoeningsgesprek met de opvang gepland.", 70)]),
        // Rotterdam: Werk en Inkomen takes the team's word that the young man sleeps in his car.
        new(40, "Werk en Inkomen", "Bewijs van feitelijk verblijf voor een uitkering",
            "Werk en Inkomen vroeg steeds meer bewijs dat de jongeman in zijn auto slaapt; de uitkeringsaanvraag liep vast.",
            "Werk en Inkomen gaat uit van de verklaring van het wijkteam dat de jongeman in zijn auto slaapt en behandelt de aanvraag.",
            "Het wijkteam heeft het zelf gezien; meer bewijs vragen van iemand die in een auto slaapt is niet redelijk.",
            250, [("opvang", 3)], 2,
            "De jongeman wil werk zoeken zodra hij een adres en inkomen heeft.", true, "Werk en Inkomen: bewijslast dakloosheid", today, null, []),
        // A follow-up that is late.
        new(60, "Wonen", "Urgentie alleen met minderjarig kind",
            "Wonen weigerde urgentie omdat de inwoner geen minderjarig kind heeft, terwijl zij na een brand zonder woning zit.",
            "De inwoner krijgt urgentie voor een tijdelijke woning.",
            "De regel wil de meest kwetsbaren voorrang geven; een inwoner zonder woning na een brand hoort daarbij.",
            0, [("opvang", 4)], 2,
            "De inwoner wil dicht bij haar werk blijven wonen.", false, "Wonen: urgentiecriteria", today.AddDays(-10), null, []),
        // Just recorded: the follow-up is months away.
        new(3, "Werk en Inkomen", "Terugvordering bij te laat doorgegeven inkomsten",
            "Werk en Inkomen wilde € 2.300 terugvorderen omdat een bijbaan een maand te laat was doorgegeven.",
            "De terugvordering wordt omgezet in een betalingsregeling van € 25 per maand.",
            "De fout was een vergissing zonder opzet; de volle terugvordering zou de schuldregeling laten vastlopen.",
            0, [("bijstand", 2)], 2,
            "De inwoner wil zijn bijbaan houden en meldt voortaan wijzigingen via het wijkteam.", true, "Werk en Inkomen: terugvordering", today.AddMonths(2), null, []),
        // Made with the older cost table, not carried out.
        new(150, "Wonen", "Geen woningruil bij huurachterstand",
            "De corporatie weigerde een woningruil naar een goedkopere woning vanwege een kleine huurachterstand.",
            "De woningruil gaat door; de achterstand wordt in een regeling opgenomen.",
            "Een goedkopere woning maakt de achterstand kleiner in plaats van groter.",
            800, [("uithuiszetting", 1)], 1,
            "De inwoner wil kleiner wonen om rond te komen.", true, "Wonen: woningruil", today.AddDays(-150).AddMonths(2),
            new FollowUpExample(FollowUpResult.NotCarriedOut, "De corporatie hield vast aan de weigering; doorgezet naar de werktafel.", 70), []),
    ];

    private static CostEntry Entry(string code, string name, long euros, CostPeriod period, DateOnly from) => new(code, name, Money.FromEuros(euros), period, from, Source);

    private static Id<T> DeterministicId<T>(int index) => DemoData.DeterministicId<T>(index, 90);

    private sealed record FollowUpExample(FollowUpResult Result, string HowItEnded, int AfterDays);

    private sealed record Example(
        int DaysAgo, string Department, string Rule, string RefusedBefore, string Decision, string Legitimacy, long OwnCostEuros,
        IReadOnlyList<(string Route, int Quantity)> Routes, int CostTableVersion, string Engagement, bool Heard, string Tag, DateOnly FollowUpOn,
        FollowUpExample? FollowUp, IReadOnlyList<(string Text, int AfterDays)> Addenda)
    {
        public MandateDecision ToDecision(Id<MandateDecision> id, Id<Client> client, Id<Worker> me, Id<Mandate> mandate, DateTimeOffset at, string contact, CostTableVersion table)
        {
            var routes = Routes.Select(r => new AvoidedRoute(table.Entries.Single(e => e.RouteCode == r.Route), r.Quantity)).ToList();
            var figures = SocialReturnCalculator.Calculate(Money.FromEuros(OwnCostEuros), routes, table.Version).Value;
            return new MandateDecision(id, client, me, mandate, at, Department, Rule, RefusedBefore, Decision, new DecisionExecutor(Department, contact),
                new ValueTriangle(Legitimacy, figures, Engagement, Heard), Tag, FollowUpOn, null);
        }
    }
}
