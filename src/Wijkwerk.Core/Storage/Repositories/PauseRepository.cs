using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Storage.Sync;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>A reminder about a pause home shows, from plain columns only: its client, department, end and where it stands.</summary>
public sealed record PauseReminder(Id<Pause> PauseId, Id<Client> ClientId, string Department, DateOnly EndsOn, PauseState State);

/// <summary>
/// Issue 14: pauses and their steps on the laptop. Every write is checked with the same <see cref="PauseRules"/> the
/// server applies, against the maximum the administrator set (reference data), and lands with its outbox entry and
/// audit event. A lift or extension is a new step row; the pause row is never rewritten.
/// </summary>
public sealed class PauseRepository(LocalStore store)
{
    public DateOnly Today => AmsterdamTime.Today(store.Clock);

    /// <summary>The administrator's maximum as the server last sent it; eight weeks before the first pull that brought it.</summary>
    public PauseSettings Settings => store.Reference.Current()?.PauseSettingsOf() ?? PauseSettings.Default;

    /// <summary>Records a pause; a <see cref="DomainException"/> names the first rule it breaks.</summary>
    public void Record(Pause pause) => store.Write(scope =>
    {
        DomainException.ThrowIf(PauseRules.CheckNew(pause, Settings, Today).FirstOrDefault());
        scope.Insert(PauseRows.ToRow(pause), pause.ClientId.Value);
        return 0;
    });

    /// <summary>Lifts a pause that holds, with the reason.</summary>
    public PauseStep Lift(Id<Pause> id, string reason) => Step(id, PauseStepKind.Lift, null, reason);

    /// <summary>Extends a pause that holds to a later end within the maximum from today, with the reason.</summary>
    public PauseStep Extend(Id<Pause> id, DateOnly newEnd, string reason) => Step(id, PauseStepKind.Extend, newEnd, reason);

    /// <summary>One pause with its steps, logged as a view of the client's data.</summary>
    public PauseRecord? Get(Id<Pause> id)
    {
        var record = Find(id);
        if (record is not null)
        {
            store.Write(scope =>
            {
                scope.Audit(AuditEventType.View, record.Recorded.ClientId.Value, "table=" + PauseRows.Table);
                return 0;
            });
        }

        return record;
    }

    /// <summary>The client's pauses, newest first, for the dossier (which logs its own view); unreadable rows are counted.</summary>
    public ReadableRows<PauseRecord> ForClient(Id<Client> clientId)
    {
        var pauses = store.QueryReadable(PauseRows.Table, "client_id = $c", PauseRows.TryFromRow, ("$c", clientId.ToString()));
        var refusals = RefusalReasons.Of(store, PauseRows.Table, PauseStepRows.Table);
        var records = pauses.Select(p => RecordOf(p, refusals)).OrderByDescending(r => r.Recorded.StartsOn).ToList();
        return new ReadableRows<PauseRecord>(records, pauses.Unreadable);
    }

    /// <summary>Every pause on this laptop, oldest first, for lists and exports; logged as one search.</summary>
    public ReadableRows<PauseRecord> All()
    {
        var pauses = store.QueryReadable(PauseRows.Table, "", PauseRows.TryFromRow);
        var refusals = RefusalReasons.Of(store, PauseRows.Table, PauseStepRows.Table);
        var records = pauses.Select(p => RecordOf(p, refusals)).OrderBy(r => r.Recorded.StartsOn).ToList();
        store.AuditOnly(AuditEventType.Search, $"table={PauseRows.Table};results={records.Count}");
        return new ReadableRows<PauseRecord>(records, pauses.Unreadable);
    }

    /// <summary>
    /// The pauses not lifted that end within a week or whose end has passed, soonest end first: home's reminders. Read
    /// from plain columns only (department, dates, the steps' kinds and new ends), so nothing is decrypted or logged.
    /// </summary>
    public IReadOnlyList<PauseReminder> Reminders()
    {
        var today = Today;
        var steps = store.Query("pause_id, kind, new_end, taken_at", PauseStepRows.Table, "",
                r => (Pause: r.Text("pause_id"), Kind: r.Text("kind"), NewEnd: r.Text("new_end"), At: r.Text("taken_at")))
            .ToLookup(s => s.Pause, StringComparer.Ordinal);
        var reminders = new List<PauseReminder>();
        foreach (var (id, client, department, endsOn) in store.Query("id, client_id, department, ends_on", PauseRows.Table, "",
                     r => (r.Id, r.Text("client_id"), r.Text("department"), r.Text("ends_on"))))
        {
            var taken = steps[id].OrderBy(s => s.At, StringComparer.Ordinal).ToList();
            var end = taken.LastOrDefault(s => s.Kind == nameof(PauseStepKind.Extend) && s.NewEnd.Length > 0).NewEnd ?? endsOn;
            if (!Guid.TryParse(id, out var pauseId) || !Guid.TryParse(client, out var clientId) || !DateOnly.TryParseExact(end, "yyyy-MM-dd", out var ends))
                continue;
            var state = Pause.StateOf(ends, taken.Any(s => s.Kind == nameof(PauseStepKind.Lift)), today);
            if (state is PauseState.EndingSoon or PauseState.Ended)
                reminders.Add(new PauseReminder(new Id<Pause>(pauseId), new Id<Client>(clientId), department, ends, state));
        }

        return reminders.OrderBy(r => r.EndsOn).ToList();
    }

    private PauseStep Step(Id<Pause> id, PauseStepKind kind, DateOnly? newEnd, string reason) => store.Write(scope =>
    {
        var record = Find(id) ?? throw new KeyNotFoundException($"Pause {id} does not exist.");
        var step = new PauseStep(Id<PauseStep>.New(store.Clock), id, kind, newEnd, reason.Trim(), Today, store.Identity.WorkerId, store.Clock.GetUtcNow());
        DomainException.ThrowIf(PauseRules.CheckStep(record.Current, step, Settings, Today).FirstOrDefault());
        scope.Insert(PauseStepRows.ToRow(step), record.Recorded.ClientId.Value);
        return step;
    });

    private PauseRecord? Find(Id<Pause> id) =>
        store.QueryReadable(PauseRows.Table, "id = $id", PauseRows.TryFromRow, ("$id", id.ToString())).SingleOrDefault() is { } pause
            ? RecordOf(pause, RefusalReasons.Of(store, PauseRows.Table, PauseStepRows.Table))
            : null;

    private PauseRecord RecordOf(Pause pause, IReadOnlyDictionary<(string Table, Guid RowId), string> refusals)
    {
        var steps = Steps(pause.Id);
        var refusedSteps = new Dictionary<Id<PauseStep>, string>();
        foreach (var step in steps)
        {
            if (refusals.TryGetValue((PauseStepRows.Table, step.Id.Value), out var reason))
                refusedSteps[step.Id] = reason;
        }

        return new PauseRecord(pause, steps, refusals.GetValueOrDefault((PauseRows.Table, pause.Id.Value)), refusedSteps);
    }

    private IReadOnlyList<PauseStep> Steps(Id<Pause> id) =>
        store.QueryReadable(PauseStepRows.Table, "pause_id = $p", PauseStepRows.TryFromRow, ("$p", id.ToString())).OrderBy(s => s.At).ToList();
}
