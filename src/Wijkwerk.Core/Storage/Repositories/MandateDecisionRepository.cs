using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Storage.Rows;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>
/// Mandate decisions, their follow-up and addenda. Every write is checked with the same <see cref="MandateRules"/>
/// the server applies, as the worker this store belongs to and against the mandates the server sent; each lands
/// with its outbox entry and audit event. A recorded decision is never rewritten: only its follow-up is added.
/// </summary>
public sealed class MandateDecisionRepository(LocalStore store)
{
    public DateOnly Today => AmsterdamTime.Today(store.Clock);

    /// <summary>Records a new decision; a <see cref="DomainException"/> names the first rule it breaks.</summary>
    public void Record(MandateDecision decision) => store.Write(scope =>
    {
        DomainException.ThrowIf(MandateRules.CheckNew(store.Identity.Role, store.Identity.WorkerId, store.Reference.MyMandates(), decision, Today));
        scope.Insert(MandateDecisionRows.ToRow(decision), decision.ClientId.Value);
        return 0;
    });

    /// <summary>Adds the follow-up to a recorded decision, once; the decision's other fields stay as recorded.</summary>
    public void RecordFollowUp(Id<MandateDecision> id, DecisionFollowUp followUp) => store.Write(scope =>
    {
        var before = Find(id, audit: false) ?? throw new KeyNotFoundException($"Mandate decision {id} does not exist.");
        var after = before with { FollowUp = followUp };
        DomainException.ThrowIf(MandateRules.CheckChange(store.Identity.Role, store.Identity.WorkerId, before, after, Today));
        scope.Update(MandateDecisionRows.ToRow(before), MandateDecisionRows.ToRow(after), before.ClientId.Value);
        return 0;
    });

    /// <summary>Adds a correction or later note to a recorded decision.</summary>
    public void AddAddendum(DecisionAddendum addendum) => store.Write(scope =>
    {
        var decision = Find(addendum.DecisionId, audit: false);
        DomainException.ThrowIf(MandateRules.CheckAddendum(store.Identity.Role, store.Identity.WorkerId, addendum, decision, Today));
        scope.Insert(MandateAddendumRows.ToRow(addendum), decision!.ClientId.Value);
        return 0;
    });

    /// <summary>One decision, logged as a view of the client's data.</summary>
    public MandateDecision? Get(Id<MandateDecision> id) => Find(id, audit: true);

    /// <summary>The client's decisions, newest first, for the dossier (which logs its own view); unreadable rows are counted.</summary>
    public ReadableRows<MandateDecision> ForClient(Id<Client> clientId)
    {
        var decisions = store.QueryReadable(MandateDecisionRows.Table, "client_id = $c", MandateDecisionRows.TryFromRow, ("$c", clientId.ToString()));
        return new ReadableRows<MandateDecision>(decisions.OrderByDescending(d => d.DecidedAt).ToList(), decisions.Unreadable);
    }

    /// <summary>
    /// The team's decisions without a follow-up whose follow-up date is on or before <paramref name="by"/>, oldest date
    /// first: the team leader's work list. Selected by plain columns, logged as one search.
    /// </summary>
    public ReadableRows<MandateDecision> FollowUpsDue(DateOnly by)
    {
        var due = store.QueryReadable(MandateDecisionRows.Table, "follow_up_result IS NULL AND follow_up_on <= $by", MandateDecisionRows.TryFromRow, ("$by", DateText.Iso(by)));
        store.AuditOnly(AuditEventType.Search, $"table={MandateDecisionRows.Table};follow_ups_due={due.Count}");
        return new ReadableRows<MandateDecision>(due.OrderBy(d => d.FollowUpOn).ThenBy(d => d.DecidedAt).ToList(), due.Unreadable);
    }

    /// <summary>Every decision on this laptop (the team's), oldest first, for lists and exports; logged as one search.</summary>
    public ReadableRows<MandateDecision> All()
    {
        var all = store.QueryReadable(MandateDecisionRows.Table, "", MandateDecisionRows.TryFromRow);
        store.AuditOnly(AuditEventType.Search, $"table={MandateDecisionRows.Table};results={all.Count}");
        return new ReadableRows<MandateDecision>(all.OrderBy(d => d.DecidedAt).ToList(), all.Unreadable);
    }

    /// <summary>The addenda of one decision, oldest first.</summary>
    public ReadableRows<DecisionAddendum> Addenda(Id<MandateDecision> decisionId)
    {
        var addenda = store.QueryReadable(MandateAddendumRows.Table, "decision_id = $d", MandateAddendumRows.TryFromRow, ("$d", decisionId.ToString()));
        return new ReadableRows<DecisionAddendum>(addenda.OrderBy(a => a.At).ThenBy(a => a.Id.Value).ToList(), addenda.Unreadable);
    }

    private MandateDecision? Find(Id<MandateDecision> id, bool audit)
    {
        var decision = store.QueryReadable(MandateDecisionRows.Table, "id = $id", MandateDecisionRows.TryFromRow, ("$id", id.ToString())).SingleOrDefault();
        if (decision is not null && audit)
        {
            store.Write(scope =>
            {
                scope.Audit(AuditEventType.View, decision.ClientId.Value, "table=" + MandateDecisionRows.Table);
                return 0;
            });
        }

        return decision;
    }
}
