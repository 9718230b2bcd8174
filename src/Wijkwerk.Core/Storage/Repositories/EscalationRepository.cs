using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Storage.Rows;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>
/// Issue 14: escalations on the laptop. Raising one and closing it are checked with the same
/// <see cref="EscalationRules"/> the server applies; going up a level is a new escalation at the next level.
/// </summary>
public sealed class EscalationRepository(LocalStore store)
{
    public DateOnly Today => AmsterdamTime.Today(store.Clock);

    /// <summary>Raises an escalation; a <see cref="DomainException"/> names the first rule it breaks.</summary>
    public void Raise(Escalation escalation) => store.Write(scope =>
    {
        DomainException.ThrowIf(EscalationRules.CheckNew(escalation, Of(escalation.ClientId), Today).FirstOrDefault());
        scope.Insert(EscalationRows.ToRow(escalation), escalation.ClientId.Value);
        return 0;
    });

    /// <summary>Closes an open escalation with its outcome, dated today.</summary>
    public void Close(Id<Escalation> id, string outcome) => store.Write(scope =>
    {
        var before = Find(id) ?? throw new KeyNotFoundException($"Escalation {id} does not exist.");
        DomainException.ThrowIf(EscalationRules.CheckClose(before, outcome).FirstOrDefault());
        var after = before with { ClosedOn = Today, Outcome = outcome.Trim() };
        scope.Update(EscalationRows.ToRow(before), EscalationRows.ToRow(after), before.ClientId.Value);
        return 0;
    });

    /// <summary>The level a new escalation of the client takes; null when the client is at the top.</summary>
    public EscalationLevel? NextLevel(Id<Client> clientId) => EscalationRules.NextLevel(Of(clientId));

    /// <summary>One escalation, logged as a view of the client's data.</summary>
    public Escalation? Get(Id<Escalation> id)
    {
        var escalation = Find(id);
        if (escalation is not null)
        {
            store.Write(scope =>
            {
                scope.Audit(AuditEventType.View, escalation.ClientId.Value, "table=" + EscalationRows.Table);
                return 0;
            });
        }

        return escalation;
    }

    /// <summary>The client's escalations, newest first, for the dossier (which logs its own view); unreadable rows are counted.</summary>
    public ReadableRows<Escalation> ForClient(Id<Client> clientId)
    {
        var all = store.QueryReadable(EscalationRows.Table, "client_id = $c", EscalationRows.TryFromRow, ("$c", clientId.ToString()));
        return new ReadableRows<Escalation>(all.OrderByDescending(e => e.RaisedOn).ThenByDescending(e => e.Level).ToList(), all.Unreadable);
    }

    /// <summary>Every escalation on this laptop, oldest first, for lists and exports; logged as one search.</summary>
    public ReadableRows<Escalation> All()
    {
        var all = store.QueryReadable(EscalationRows.Table, "", EscalationRows.TryFromRow);
        store.AuditOnly(AuditEventType.Search, $"table={EscalationRows.Table};results={all.Count}");
        return new ReadableRows<Escalation>(all.OrderBy(e => e.RaisedOn).ToList(), all.Unreadable);
    }

    /// <summary>How many open escalations have reached their follow-up date: counted on plain columns, so home opens nothing.</summary>
    public int CountFollowUpDue() =>
        store.Count(EscalationRows.Table, "closed_on = '' AND follow_up_on <= $today", ("$today", DateText.Iso(Today)));

    private List<Escalation> Of(Id<Client> clientId) =>
        store.QueryReadable(EscalationRows.Table, "client_id = $c", EscalationRows.TryFromRow, ("$c", clientId.ToString())).ToList();

    private Escalation? Find(Id<Escalation> id) =>
        store.QueryReadable(EscalationRows.Table, "id = $id", EscalationRows.TryFromRow, ("$id", id.ToString())).SingleOrDefault();
}
