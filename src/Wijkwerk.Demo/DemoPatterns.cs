using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Demo;

/// <summary>
/// Issue 14's patterns in the demo: five colleagues' "spookbewoning" requests for five clients (a new tenant's rent
/// benefit cut because ghost residents stay registered at the address) and a recurring "tandartskosten" tag, arriving
/// as a pull would bring them. On the team leader's laptop the patterns come as the server would send them: detected by
/// the same Core code over the team's tagged requests, counts only, the dental one already discussed at the werktafel.
/// Synthetic people only. Call after <see cref="DemoBudget.Fill"/>, whose team and reference data it keeps.
/// </summary>
public static class DemoPatterns
{
    public const string GhostResidents = "spookbewoning";
    public const string DentalCosts = "tandartskosten";

    /// <summary>A team leader of another demo team, synthetic, who took the dental pattern to the werktafel.</summary>
    private static readonly (Id<Worker> Id, string Name) Chair = (new(Guid.Parse("0193b000-0000-7000-8000-0000000000b1")), "Mirjam Werktafel (demo)");

    /// <summary>Adds the tagged requests; on a team leader's laptop also the patterns. Answers how many patterns.</summary>
    public static int Fill(LocalStore store)
    {
        var now = store.Clock.GetUtcNow();
        var clients = store.Clients.Search().Select(c => c.Id).ToList();
        var requests = new List<BudgetRequest>();
        for (var i = 0; i < 5; i++)
        {
            requests.Add(Request(clients[(20 + i) % clients.Count], DemoBudget.Colleagues[i % 3], now.AddDays(-60 + 9 * i), "Huur bijbetalen: huurtoeslag stopte door spookbewoners op het adres", 275 + 25 * i,
                BudgetCategory.Housing, "Oude bewoners staan nog ingeschreven; de Belastingdienst rekent hun inkomen mee", GhostResidents, i < 3));
        }

        for (var i = 0; i < 4; i++)
        {
            requests.Add(Request(clients[(26 + i) % clients.Count], DemoBudget.Colleagues[(i + 1) % 3], now.AddDays(-90 + 15 * i), "Tandarts: gebitsprothese repareren", 210 + 30 * i,
                BudgetCategory.DentalCare, "Geen aanvullende verzekering; de bijzondere bijstand vergoedt pas na een second opinion", DentalCosts, true));
        }

        Pull(store, requests);
        if (store.Identity.Role != Role.TeamLeader)
            return 0;
        var patterns = Detect(store, now);
        var current = store.Reference.Current() ?? new ReferenceData(1);
        store.Reference.Replace(current with { Version = current.Version + 1, Patterns = patterns });
        return patterns.Count;
    }

    private static BudgetRequest Request(Id<Client> client, Id<Worker> by, DateTimeOffset at, string what, long euros, BudgetCategory category, string why, string tag, bool paid) =>
        new(new Id<BudgetRequest>(Guid.CreateVersion7(at)), client, DemoBudget.Team, by, at, what, new InKindSupplier("Leverancier (synthetisch)", $"factuur {at:yyyyMMdd}"),
            Money.FromEuros(euros), category, why, new ValueTriangle("De regel raakt hier de verkeerde; klein bedrag voorkomt huisuitzetting of pijn", null, "Bewoner koos zelf mee", true),
            tag, paid ? BudgetRequestStatus.Paid : BudgetRequestStatus.Approved, at.AddDays(2), paid ? new BudgetOutcome(at.AddDays(4), by, "betaald aan leverancier") : null);

    /// <summary>The patterns the server would raise from the team's tagged requests, in its default settings, as it sends them.</summary>
    private static List<PatternInfo> Detect(LocalStore store, DateTimeOffset now)
    {
        var source = PatternSources.All.Single(s => s.Table == BudgetColumns.RequestTable);
        var cases = store.Budget.All().Select(r => source.Read(r.ClientId.Value, BudgetColumns.ToColumns(r))).OfType<TaggedCase>();
        var today = AmsterdamTime.Today(store.Clock);
        var plan = PatternRefresh.Plan(cases, TagMerges.None, PatternSettings.Default, today, []);
        return plan.ToRaise.Select((f, i) =>
        {
            var id = Guid.CreateVersion7(now.AddMinutes(-i));
            var raisedAt = now.AddDays(-7 - i);
            List<PatternStep> steps = f.Totals.TagKey == DentalCosts ? [new PatternStep(Guid.CreateVersion7(raisedAt), id, PatternState.Discussed, raisedAt.AddDays(3), Chair.Id, "Werktafel: tandartskosten komen in alle wijken terug; zorgverzekeraar uitnodigen", null)] : [];
            var pattern = new Pattern(id, f.Totals.TagKey, steps.Count > 0 ? PatternState.Discussed : PatternState.Raised, f.Totals.Cases, f.Totals.Clients, f.Totals.Spent,
                f.BySource, f.ByDepartment, [DemoBudget.Team], f.Totals.FirstCase, f.Totals.LastCase, raisedAt, steps);
            return PatternInfo.From(pattern, worker => worker == Chair.Id.Value ? Chair.Name : "");
        }).ToList();
    }

    /// <summary>Colleagues' requests as a pull from the server brings them.</summary>
    private static void Pull(LocalStore store, IReadOnlyList<BudgetRequest> requests)
    {
        var sync = new LocalSync(store);
        var anchor = sync.Settings().Anchor;
        var rows = requests.Select((r, i) => new RowChange(anchor + i + 1, BudgetColumns.RequestTable, r.Id.Value, 1, false, false, r.RequestedAt, r.RequestedBy.Value, BudgetColumns.ToColumns(r))).ToList();
        sync.Apply(new PullResponse(rows, anchor + rows.Count, false, 0, 0));
    }
}
