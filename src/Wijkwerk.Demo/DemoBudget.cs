using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Demo;

/// <summary>
/// The minimaatwerk budget of the demo team (issue 12): the team's budget, the four examples, requests in
/// every state and a run of dental costs that makes that category stand out in the ledger. The store's own request
/// goes through the repository; colleagues' requests and votes arrive as a pull would bring them, because a
/// laptop can only ever request in its own name. Synthetic people only.
/// </summary>
public static class DemoBudget
{
    public const string Team = "Wijkteam Noord (demo)";

    public static readonly Money Amount = Money.FromEuros(15_000);

    /// <summary>Three colleagues of the demo team, synthetic, who made the requests that wait for the store's vote.</summary>
    public static readonly IReadOnlyList<Id<Worker>> Colleagues =
    [
        new(Guid.Parse("0193b000-0000-7000-8000-0000000000a1")),
        new(Guid.Parse("0193b000-0000-7000-8000-0000000000a2")),
        new(Guid.Parse("0193b000-0000-7000-8000-0000000000a3")),
    ];

    /// <summary>Puts the team, its budget and the cost tables on the store's reference data, keeping what else it holds.</summary>
    public static void GiveBudget(LocalStore store, int year)
    {
        var current = store.Reference.Current() ?? new ReferenceData(1);
        store.Reference.Replace(current with
        {
            MyTeams = [Team],
            CostTables = DemoMandates.CostTablesOn(current, AmsterdamTime.Today(store.Clock)),
            TeamBudgets = [TeamBudgetInfo.From(new TeamBudget(Team, year, Amount, TeamBudget.DefaultLimit))],
        });
    }

    /// <summary>The budget, the requests and the votes on the first demo clients (they must exist); returns how many requests.</summary>
    public static int Fill(LocalStore store)
    {
        var now = store.Clock.GetUtcNow();
        GiveBudget(store, AmsterdamTime.ToLocal(now).Year);
        var clients = store.Clients.Search().Select(c => c.Id).ToList();
        var me = store.Identity.WorkerId;
        var (a, b, c) = (Colleagues[0], Colleagues[1], Colleagues[2]);
        var at = now.AddDays(-40);
        DateTimeOffset Next() => at = at.AddDays(1);
        BudgetRequest Of(Id<Worker> by, int client, string what, string supplier, long euros, BudgetCategory category, string why, string tag, BudgetRequestStatus status = BudgetRequestStatus.Requested, BudgetOutcome? outcome = null) =>
            new(new Id<BudgetRequest>(Guid.CreateVersion7()), clients[client % clients.Count], Team, by, Next(), what,
                new InKindSupplier(supplier, $"factuur {AmsterdamTime.ToLocal(at).Year}-{client + 100:0000}"), Money.FromEuros(euros), category, why,
                new ValueTriangle("Klein bedrag, groot gevolg; geen regeling past op tijd", null, "Bewoner koos zelf mee", true), tag, status,
                status is BudgetRequestStatus.Approved or BudgetRequestStatus.Paid ? at.AddDays(2) : null, outcome);

        var received = new List<(BudgetRequest Request, IReadOnlyList<Id<Worker>> Approvers)>();
        void Approved(BudgetRequest r, bool paid) => received.Add((paid ? r with { Status = BudgetRequestStatus.Paid, Outcome = new BudgetOutcome(r.RequestedAt.AddDays(5), c, "betaald aan leverancier") } : r with { Status = BudgetRequestStatus.Approved }, [me, b, c]));

        // A run of dental costs: the category that keeps recurring, as in Leiden.
        for (var i = 0; i < 6; i++)
            Approved(Of(a, 10 + i, "Tandarts: noodbehandeling en kies", "Tandartspraktijk Zuid (synthetisch)", 180 + 40 * i, BudgetCategory.DentalCare,
                "Geen aanvullende verzekering; bijzondere bijstand weigert tandarts", "tandarts-geen-dekking", BudgetRequestStatus.Approved), paid: i < 5);
        // The four examples: three wait for the store's vote, the debt is the store's own request.
        received.Add((Of(a, 0, "Nieuwe ID-kaart en bromfietsrijbewijs", "Gemeente Balie Burgerzaken (synthetisch)", 160, BudgetCategory.IdentityDocuments,
            "Zonder ID en rijbewijs verliest hij zijn baan; de bijstand vergoedt dit niet op tijd", "documenten-geen-regeling"), [b, c]));
        received.Add((Of(b, 1, "Koelkast voor insuline", "Witgoed Noord (synthetisch)", 350, BudgetCategory.Household,
            "Bijzondere bijstand duurt zes weken; de insuline bederft nu", "bijzondere-bijstand-doorlooptijd"), [a]));
        received.Add((Of(c, 2, "Slotenmaker na inbraak", "Sleutelservice West (synthetisch)", 145, BudgetCategory.Housing,
            "Woningcorporatie komt pas na het weekend", "corporatie-spoed"), []));
        received.Add((Of(a, 3, "Tweedehands fiets naar werk", "Fietsenmaker Oost (synthetisch)", 90, BudgetCategory.Transport,
            "Reiskosten worden pas na drie maanden vergoed", "reiskosten-wachttijd", BudgetRequestStatus.AlternativeFound,
            new BudgetOutcome(now.AddDays(-3), b, "Fietsbank geeft een fiets, kosteloos")), []));
        received.Add((Of(b, 4, "Energieschuld bijbetaling", "Energieleverancier (synthetisch)", 420, BudgetCategory.Energy,
            "Schuldhulp start pas over twee maanden", "energie-afsluiting", BudgetRequestStatus.Withdrawn,
            new BudgetOutcome(now.AddDays(-2), b, "Leverancier gaf uitstel")), []));
        Pull(store, received);

        // Only a role that makes requests has one of its own; the others only see the team's.
        if (!store.Identity.Role.RecordsSignalsAndVisits())
            return received.Count;
        store.Budget.Request(Of(me, 5, "Oude schuld van € 500 afkopen", "Incassobureau (synthetisch)", 500, BudgetCategory.Debts,
            "Deze schuld zou de schuldregeling laten mislukken; geen fonds betaalt oude schulden", "schuldregeling-drempel") with { RequestedAt = now.AddHours(-2) });
        return received.Count + 1;
    }

    /// <summary>Colleagues' requests and their votes as a pull from the server brings them.</summary>
    private static void Pull(LocalStore store, IReadOnlyList<(BudgetRequest Request, IReadOnlyList<Id<Worker>> Approvers)> received)
    {
        var sync = new LocalSync(store);
        var anchor = sync.Settings().Anchor;
        var rows = received.SelectMany(x => new[] { (BudgetColumns.RequestTable, x.Request.Id.Value, BudgetColumns.ToColumns(x.Request), x.Request.RequestedAt, x.Request.RequestedBy) }
            .Concat(x.Approvers.Select((v, i) =>
            {
                var vote = new BudgetVote(new Id<BudgetVote>(Guid.CreateVersion7()), x.Request.Id, v, x.Request.RequestedAt.AddHours(i + 1), VoteKind.Approve, "");
                return (BudgetColumns.VoteTable, vote.Id.Value, BudgetColumns.ToColumns(vote), vote.At, v);
            })))
            .Select((r, i) => new RowChange(anchor + i + 1, r.Item1, r.Item2, 1, false, false, r.Item4, r.Item5.Value, r.Item3)).ToList();
        sync.Apply(new PullResponse(rows, anchor + rows.Count, false, 0, 0));
    }
}
