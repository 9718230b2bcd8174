using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Demo;

/// <summary>
/// The revolving fund of the demo (issue 13): fourteen partner organisations of a made-up town with their deposits
/// (€ 5.000 each, three topped up), and a year of the team's requests in every state, € 75 to almost € 3.000 as in
/// the source: settled ones with full, partial or no repayment, evaluated, paid out, approved (one past its due
/// date), new and refused. Rows arrive as a pull would bring them, the secretariat's steps included. The
/// secretariat's demo holds only these, no dossier. Synthetic organisations and people only.
/// </summary>
public static class DemoFund
{
    public const string SecretariatTeam = "Fondssecretariaat (demo)";

    /// <summary>The secretariat of the demo: opens a demo store of its own that holds no dossier.</summary>
    public static readonly StoreIdentity DemoSecretariat = new(
        new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-000000000004")), "Fenna Demo", Role.FundSecretary,
        Guid.Parse("0193a000-0000-7000-8000-0000000000d4"));

    public static readonly IReadOnlyList<string> Partners =
    [
        "Gemeente Voorbeeldstad", "Woonstichting Synthetica", "Woonbron Demo", "Zorgverzekeraar Proef", "GGZ Voorbeeld", "Welzijn Demo",
        "Energie Fictief", "Kredietbank Proef", "Werkbedrijf Demo", "Thuiszorg Proef", "Jeugdhulp Voorbeeld", "Reclassering Demo",
        "Maatschappelijke Opvang Demo", "Waterbedrijf Fictief",
    ];

    private static readonly (string Purpose, string Payee, string Tag, long Cents)[] Cases =
    [
        ("Huurachterstand aflossen zodat de ontruiming vervalt", "Woonstichting Synthetica", "uitkering-start-na-opname", 285_000),
        ("Energie weer aansluiten", "Energie Fictief", "energie-afsluiting", 43_750),
        ("Woning inrichten na dakloosheid", "Kringloop Demo", "inrichting-geen-bijzondere-bijstand", 149_500),
        ("Vervoer naar nieuw werk tot het eerste loon", "OV-bedrijf Demo", "reiskosten-wachttijd", 7_500),
        ("Waterafsluiting voorkomen", "Waterbedrijf Fictief", "vroegsignalering-te-laat", 21_245),
        ("Eigen risico zorgverzekering voor opname", "Zorgverzekeraar Proef", "eigen-risico-drempel", 38_500),
        ("Borg voor een kamer na de opvang", "Verhuurder Synthetisch", "borg-geen-regeling", 120_001),
    ];

    private static readonly IReadOnlyList<Id<Worker>> Colleagues = DemoBudget.Colleagues;

    public sealed record Summary(int Partners, int Requests, Money Balance);

    /// <summary>The fund, its deposits and a year of requests; with the store's own clients when it has any (a team's store).</summary>
    public static Summary Fill(LocalStore store)
    {
        var now = store.Clock.GetUtcNow();
        var today = AmsterdamTime.Today(store.Clock);
        var year = today.Year - (today.Month == 1 ? 1 : 0);
        var deposits = Partners.Select(p => new FundDeposit(p, Money.FromEuros(5_000), new DateOnly(year, 1, 5)))
            .Concat([
                new FundDeposit(Partners[0], Money.FromEuros(2_500), new DateOnly(year, 7, 1)), new FundDeposit(Partners[1], Money.FromEuros(1_250), new DateOnly(year, 7, 1)),
                new FundDeposit(Partners[3], Money.FromEuros(750), new DateOnly(year, 7, 1)),
            ]).ToList();
        var professional = store.Identity.Role.RecordsSignalsAndVisits();
        var members = Colleagues.Concat(professional ? [store.Identity.WorkerId] : []).ToList();
        var fund = new Fund(Partners, deposits, members);
        var clients = store.Clients.Search().Select(c => c.Id).ToList();
        var secretary = store.Identity.Role == Role.FundSecretary ? store.Identity.WorkerId : DemoSecretariat.WorkerId;
        var team = professional ? store.Reference.Current()?.MyTeams?.FirstOrDefault() ?? DemoBudget.Team : DemoBudget.Team;

        var requests = new List<FundRequest>();
        var repayments = new List<FundRepayment>();
        const int count = 40;
        var costTable = DemoMandates.CostTables(today)[^1];
        for (var i = 0; i < count; i++)
        {
            var (purpose, payee, tag, cents) = Cases[i % Cases.Length];
            var at = now.AddDays(-360 + i * 9).AddHours(-(i % 5));
            var requester = professional && i % 4 == 0 ? store.Identity.WorkerId : Colleagues[i % Colleagues.Count];
            var client = clients.Count > 0 ? clients[i % clients.Count] : new Id<Client>(Guid.CreateVersion7(at));
            var request = new FundRequest(
                new Id<FundRequest>(Guid.CreateVersion7(at)), client, team, requester, at,
                "Inwoner met een acute geldnood; de gewone route komt te laat (synthetische casus)", new Money(cents + i * 100), purpose, payee,
                i % 4 == 3 ? null : Partners[(i * 5) % Partners.Count], "De regeling betaalt pas na weken; het probleem escaleert eerder",
                i % 6 != 5, i % 6 != 5 ? "Inkomen en begeleiding zijn geregeld" : "Geen zicht op een blijvende oplossing",
                new ValueTriangle("Deze regel past niet op deze situatie", AvoidedEviction(i, new Money(cents + i * 100), costTable, today), "Inwoner werkt mee en wil het zelf oplossen", true), tag,
                FundRequestStatus.Requested, null, null, null, null);
            requests.Add(Advance(request, count - i, secretary, fund, repayments));
        }

        Pull(store, requests, repayments);
        var current = store.Reference.Current() ?? new ReferenceData(1);
        var balance = FundBalance.Of(fund, requests, repayments);
        store.Reference.Replace(current with
        {
            MyTeams = professional ? current.MyTeams ?? [team] : [SecretariatTeam],
            CostTables = professional ? DemoMandates.CostTablesOn(current, today) : current.CostTables,
            Fund = FundInfo.From(fund, balance),
        });
        return new Summary(Partners.Count, requests.Count, balance.Available);
    }

    /// <summary>Every other request counts one avoided eviction at the cost table's amount, as the form's calculator would.</summary>
    private static SocialReturn? AvoidedEviction(int i, Money amount, CostTableVersion table, DateOnly today) =>
        i % 2 == 0 ? SocialReturnCalculator.Calculate(amount, [new AvoidedRoute(table.Find("uithuiszetting", today)!, 1)], table.Version).Value : null;

    /// <summary>How far a request of a given age (in steps of nine days, newest 1) has come, with its repayments.</summary>
    private static FundRequest Advance(FundRequest r, int age, Id<Worker> secretary, Fund fund, List<FundRepayment> repayments)
    {
        FundStep Step(int days, string note = "") => new(r.RequestedAt.AddDays(days), secretary, note);
        if (age % 13 == 7)
            return r with { Status = FundRequestStatus.Refused, Decision = Step(1, "Geen duurzaam perspectief: de situatie keert binnen een half jaar terug") };
        if (age == 1)
            return r;
        var approved = r with { Status = FundRequestStatus.Approved, Decision = Step(1) };
        if (age <= 3)
            return approved;
        var paid = approved with { Status = FundRequestStatus.PaidOut, Payout = Step(age == 4 ? 1 : 4, $"betaling {r.Id.ToString()[..8]}") };
        if (age <= 5)
            return paid;
        var evaluated = paid with { Status = FundRequestStatus.Evaluated, Evaluation = new FundEvaluation(r.RequestedAt.AddDays(30), secretary, age % 5 != 0, r.DurableExpected, "Gevolgd na een maand") };
        if (age <= 8)
            return evaluated;
        var shares = FundShares.Of(r.Amount, r.ResponsiblePartner, fund).Value;
        var settled = evaluated with { Status = FundRequestStatus.Settled, Settlement = new FundSettlement(r.RequestedAt.AddDays(35), secretary, shares) };
        foreach (var share in age % 3 == 2 ? [] : shares)
        {
            var amount = age % 3 == 0 ? share.Amount : new Money(share.Amount.Cents / 2);
            if (amount.Cents > 0)
            {
                var on = r.RequestedAt.AddDays(50);
                repayments.Add(new FundRepayment(new Id<FundRepayment>(Guid.CreateVersion7(on)), r.Id, share.Partner, amount, AmsterdamTime.DayOf(on), secretary, on));
            }
        }

        return settled;
    }

    private static void Pull(LocalStore store, IReadOnlyList<FundRequest> requests, IReadOnlyList<FundRepayment> repayments)
    {
        var sync = new LocalSync(store);
        var anchor = sync.Settings().Anchor;
        var rows = requests.Select(r => (FundColumns.RequestTable, r.Id.Value, FundColumns.ToColumns(r), r.RequestedAt, r.RequestedBy.Value))
            .Concat(repayments.Select(p => (FundColumns.RepaymentTable, p.Id.Value, FundColumns.ToColumns(p), p.RecordedAt, p.RecordedBy.Value)))
            .Select((x, i) => new RowChange(anchor + i + 1, x.Item1, x.Item2, 1, false, false, x.Item4, x.Item5, x.Item3)).ToList();
        sync.Apply(new PullResponse(rows, anchor + rows.Count, false, 0, 0));
    }
}
