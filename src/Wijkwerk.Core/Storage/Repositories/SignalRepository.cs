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

    /// <summary>
    /// Stores the signal as given, under the status diagram. Screens move a signal with <see cref="Move"/> instead, which
    /// never saves an older copy over what a sync brought in.
    /// </summary>
    internal bool Update(Signal signal) => store.Write(scope =>
    {
        var before = Stored(signal.Id) ?? throw new KeyNotFoundException($"Signal {signal.Id} does not exist.");
        // The record type allows any "with" copy; the store accepts only what the status diagram allows.
        if (before.ClientId != signal.ClientId || before.ReportedAt != signal.ReportedAt)
            throw new DomainException(new Problem("signaal", TextId.SignalFixedFieldChanged));
        if (before.Status != signal.Status && !SignalTransitions.IsAllowed(before.Status, signal.Status))
            throw new DomainException(new Problem("status", TextId.SignalTransitionNotAllowed, before.Status, signal.Status));
        return scope.Update(SignalRows.ToRow(before), SignalRows.ToRow(signal), signal.ClientId.Value);
    });

    /// <summary>
    /// Moves the signal a screen shows (<paramref name="shown"/>) on. The step is taken again on the signal as stored now,
    /// in the write: saving the screen's copy whole would silently undo what a sync brought in since it was drawn (a
    /// colleague's observation). A signal a colleague already moved on is refused, saying where it stands now.
    /// </summary>
    public Signal Move(Signal shown, SignalStatus next, DateTimeOffset now) => store.Write(scope =>
    {
        var before = Stored(shown.Id) ?? throw new DomainException(new Problem("signaal", TextId.SignalGone));
        if (before.Status != shown.Status)
            throw new DomainException(new Problem("status", TextId.SignalMovedMeanwhile, before.Status));
        var moved = before.MoveTo(next, now);
        if (!moved.IsValid)
            throw new DomainException(moved.Problem);
        scope.Update(SignalRows.ToRow(before), SignalRows.ToRow(moved.Value), before.ClientId.Value);
        return moved.Value;
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
    public int CountReportedSince(DateTimeOffset since) => store.Count(SignalRows.Table, "reported_at >= $since", ("$since", InstantText.Write(since)));

    /// <summary>
    /// Open signals of clients on the caseload as headers, eropaf first by deadline, then the oldest first: the
    /// home screen's list, read from plain columns without decrypting what was observed. Only those assigned to
    /// <paramref name="mineOrUnassigned"/> or to nobody when given. Every eropaf signal comes (their deadlines are
    /// what home counts as missed), and of the others only the first <paramref name="othersFirst"/>: home shows its
    /// screenful at once and reads the rest with <see cref="OpenHeadersAfter"/>. Logged as one search, with the count.
    /// </summary>
    public OpenSignals OpenHeaders(Id<Worker>? mineOrUnassigned = null, int othersFirst = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(othersFirst, 1);
        var (filter, args) = OpenFilter(mineOrUnassigned);
        // An eropaf deadline is a fixed time after the report, so ordering on reported_at orders the deadlines too.
        var eropaf = store.Query(SignalRows.HeaderColumns, SignalRows.Table, $"{filter} AND urgency = 'Eropaf' ORDER BY reported_at, id", SignalRows.HeaderFromRow, args);
        var others = store.Query(SignalRows.HeaderColumns, SignalRows.Table, $"{filter} AND {NotEropaf} ORDER BY reported_at, id LIMIT {othersFirst}", SignalRows.HeaderFromRow, args);
        var count = eropaf.Count + (others.Count < othersFirst ? others.Count : store.Count(SignalRows.Table, $"{filter} AND {NotEropaf}", args));
        store.AuditOnly(AuditEventType.Search, $"table=signals;results={count}");
        return new OpenSignals([.. eropaf, .. others], count);
    }

    /// <summary>
    /// The rest of <see cref="OpenHeaders"/>'s list: the non-eropaf signals after <paramref name="last"/> in its order.
    /// Part of the search already logged, so not logged again.
    /// </summary>
    public IReadOnlyList<SignalHeader> OpenHeadersAfter(SignalHeader last, Id<Worker>? mineOrUnassigned = null)
    {
        var (filter, args) = OpenFilter(mineOrUnassigned);
        return store.Query(SignalRows.HeaderColumns, SignalRows.Table,
            $"{filter} AND {NotEropaf} AND (reported_at, id) > ($after, $afterId) ORDER BY reported_at, id",
            SignalRows.HeaderFromRow,
            [.. args, ("$after", InstantText.Write(last.ReportedAt)), ("$afterId", last.Id.ToString())]);
    }

    /// <summary>The signal as stored now, which a write judges its change against.</summary>
    private Signal? Stored(Id<Signal> id) => store.Query(SignalRows.Table, "id = $id", SignalRows.FromRow, ("$id", id.ToString())).SingleOrDefault();

    private static (string Filter, (string, object)[] Args) OpenFilter(Id<Worker>? mineOrUnassigned) => mineOrUnassigned is { } worker
        ? ($"{OpenOnCaseload} AND (assignee IS NULL OR assignee = $me)", [("$me", worker.ToString())])
        : (OpenOnCaseload, []);

    // As the signals_open index's own condition reads, so that SQLite reads the list from that index alone.
    private const string OpenOnCaseload = "status IN ('New', 'PickedUp') AND client_id IN (SELECT id FROM clients WHERE deleted = 0)";

    // Named, not "<> 'Eropaf'": an equality on the index's first column keeps its order, so no sort is needed.
    private static readonly string NotEropaf =
        $"urgency IN ({string.Join(", ", Enum.GetValues<Urgency>().Where(u => u != Urgency.Eropaf).Select(u => $"'{u}'"))})";

    /// <summary>Open signals of the whole caseload, with what was observed; logged as a search.</summary>
    public IReadOnlyList<Signal> Open()
    {
        var signals = store.Query(SignalRows.Table, "status IN ('New', 'PickedUp')", SignalRows.FromRow);
        store.AuditOnly(AuditEventType.Search, $"table=signals;results={signals.Count}");
        return signals;
    }
}

/// <summary>Home's open signals as far as read, and how many there are in all.</summary>
public sealed record OpenSignals(IReadOnlyList<SignalHeader> Headers, int Count)
{
    public bool Complete => Headers.Count >= Count;
}
