using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage.Rows;

namespace Wijkwerk.Core.Storage.Repositories;

public sealed class SignalRepository(LocalStore store)
{
    public void Add(Signal signal) => store.Write(scope =>
    {
        scope.Insert(SignalRows.ToRow(signal), signal.ClientId.Value);
        return 0;
    });

    public bool Update(Signal signal) => store.Write(scope =>
    {
        var before = store.Query(SignalRows.Table, "id = $id", SignalRows.FromRow, ("$id", signal.Id.ToString())).SingleOrDefault()
            ?? throw new KeyNotFoundException($"Signal {signal.Id} does not exist.");
        // The record type allows any "with" copy; the store accepts only what the status diagram allows.
        if (before.ClientId != signal.ClientId || before.ReportedAt != signal.ReportedAt)
            throw new DomainException(new Problem("signaal", TextId.SignalFixedFieldChanged));
        if (before.Status != signal.Status && !SignalTransitions.IsAllowed(before.Status, signal.Status))
            throw new DomainException(new Problem("status", TextId.SignalTransitionNotAllowed, before.Status, signal.Status));
        return scope.Update(SignalRows.ToRow(before), SignalRows.ToRow(signal), signal.ClientId.Value);
    });

    public void AddFollowUp(Signal signal, FollowUp followUp) => store.Write(scope =>
    {
        scope.Insert(FollowUpRows.ToRow(followUp), signal.ClientId.Value);
        return 0;
    });

    /// <summary>Who wrote the signal last and when, for its status history; null when it is not (or no longer) here.</summary>
    public RowStamp? LastWrite(Id<Signal> id) =>
        store.Query(SignalRows.Table, "id = $id", r => new RowStamp(r.Instant("updated_at"), new Id<Worker>(Guid.Parse(r.Text("updated_by")))), ("$id", id.ToString()))
            .SingleOrDefault();

    /// <summary>How many signals came in since a moment: a count, no client data, so nothing to log.</summary>
    public int CountReportedSince(DateTimeOffset since)
    {
        using var command = store.Command($"SELECT count(*) FROM {SignalRows.Table} WHERE deleted = 0 AND reported_at >= $since");
        command.Parameters.AddWithValue("$since", RowReader.FormatInstant(since));
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Open signals of clients on the caseload as headers, eropaf first by deadline, then the oldest first: the
    /// home screen's list, read from plain columns without decrypting what was observed. Logged as a search.
    /// </summary>
    public IReadOnlyList<SignalHeader> OpenHeaders()
    {
        // An eropaf deadline is a fixed time after the report, so ordering on reported_at orders the deadlines too.
        var signals = store.Query(SignalRows.HeaderColumns, SignalRows.Table,
            "status IN ('New', 'PickedUp') AND client_id IN (SELECT id FROM clients WHERE deleted = 0) ORDER BY urgency = 'Eropaf' DESC, reported_at, id",
            SignalRows.HeaderFromRow);
        store.Write(scope =>
        {
            scope.Audit(AuditEventType.Search, null, $"table=signals;results={signals.Count}");
            return 0;
        });
        return signals;
    }

    /// <summary>Open signals of the whole caseload, with what was observed; logged as a search.</summary>
    public IReadOnlyList<Signal> Open()
    {
        var signals = store.Query(SignalRows.Table, "status IN ('New', 'PickedUp')", SignalRows.FromRow);
        store.Write(scope =>
        {
            scope.Audit(AuditEventType.Search, null, $"table=signals;results={signals.Count}");
            return 0;
        });
        return signals;
    }
}
