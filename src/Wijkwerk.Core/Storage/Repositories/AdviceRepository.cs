using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage.Rows;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>
/// Indication advice and its question/answer thread. Every write is checked against the stored row with
/// the same <see cref="AdviceRules"/> the server applies, as the worker this store belongs to.
/// </summary>
public sealed class AdviceRepository(LocalStore store)
{
    private const string TeamKey = "team";

    /// <summary>This store's worker as the domain's steps take them.</summary>
    public Worker Me => new(store.Identity.WorkerId, store.Identity.WorkerName, store.Identity.Role, []);

    /// <summary>The team new advice is written for: the worker's first team at enrolment, or empty on a store of one's own.</summary>
    public string Team => new MetaTable(store.Connection, null).Get(TeamKey) as string ?? "";

    public DateOnly Today => AmsterdamTime.Today(store.Clock);

    public void Add(IndicationAdvice advice) => AddAs(Me, advice);

    /// <summary>Stores a step on an advice, with the question or answer that goes with it, as one change.</summary>
    public bool Save(IndicationAdvice advice, AdviceMessage? message = null) => SaveAs(Me, advice, message);

    /// <summary>
    /// Writes as another worker, under the same rules as that worker. Only the demo store uses it: it
    /// holds both sides of the thread, the nurse's and the consultant's, on one laptop.
    /// </summary>
    internal void AddAs(Worker by, IndicationAdvice advice) => store.Write(scope =>
    {
        Require(AdviceRules.CheckChange(by.Role, by.Id, null, advice, Today));
        scope.Insert(AdviceRows.ToRow(advice), advice.ClientId.Value);
        return 0;
    });

    internal bool SaveAs(Worker by, IndicationAdvice advice, AdviceMessage? message = null) => store.Write(scope =>
    {
        var before = Find(advice.Id, audit: false) ?? throw new KeyNotFoundException($"Advice {advice.Id} does not exist.");
        Require(AdviceRules.CheckChange(by.Role, by.Id, before, advice, Today));
        if (message is not null)
        {
            Require(AdviceMessage.Check(message, by.Role, by.Id) ?? AdviceMessage.CheckTurn(message.Kind, before.Status));
            scope.Insert(AdviceMessageRows.ToRow(message), advice.ClientId.Value);
        }

        return scope.Update(AdviceRows.ToRow(before), AdviceRows.ToRow(advice), advice.ClientId.Value) || message is not null;
    });

    /// <summary>One advice, logged as a view of the client's data.</summary>
    public IndicationAdvice? Find(Id<IndicationAdvice> id) => Find(id, audit: true);

    public IReadOnlyList<IndicationAdvice> ForClient(Id<Client> clientId) =>
        store.Query(AdviceRows.Table, "client_id = $c", AdviceRows.FromRow, ("$c", clientId.ToString()));

    /// <summary>The thread of one advice, oldest first.</summary>
    public IReadOnlyList<AdviceMessage> Thread(Id<IndicationAdvice> adviceId) =>
        store.Query(AdviceMessageRows.Table, "advice_id = $a", AdviceMessageRows.FromRow, ("$a", adviceId.ToString()))
            .OrderBy(m => m.At).ThenBy(m => m.Id.Value).ToList();

    /// <summary>Every advice on this laptop, for the review queue, reports and exports; logged as one search.</summary>
    public IReadOnlyList<IndicationAdvice> All()
    {
        var advices = store.Query(AdviceRows.Table, "", AdviceRows.FromRow);
        store.Write(scope =>
        {
            scope.Audit(AuditEventType.Search, null, $"table={AdviceRows.Table};results={advices.Count}");
            return 0;
        });
        return advices;
    }

    internal static void RememberTeam(LocalStore store, WriteScope scope, string team) =>
        new MetaTable(store.Connection, scope.Transaction).Set(TeamKey, team);

    private IndicationAdvice? Find(Id<IndicationAdvice> id, bool audit)
    {
        var advice = store.Query(AdviceRows.Table, "id = $id", AdviceRows.FromRow, ("$id", id.ToString())).SingleOrDefault();
        if (advice is not null && audit)
        {
            store.Write(scope =>
            {
                scope.Audit(AuditEventType.View, advice.ClientId.Value, "table=" + AdviceRows.Table);
                return 0;
            });
        }

        return advice;
    }

    private static void Require(Problem? problem)
    {
        if (problem is not null)
            throw new DomainException(problem);
    }
}
