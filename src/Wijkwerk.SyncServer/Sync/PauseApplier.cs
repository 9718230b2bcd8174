using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>
/// Issue 14: how the server stores a pushed pause, pause step or escalation, inside the push's write transaction. Each
/// is judged by the same <see cref="PauseRules"/> and <see cref="EscalationRules"/> as on the laptop, against the rows
/// as stored here and the administrator's maximum, and written as judged, never merged; a refusal stores nothing and
/// says why in Dutch, and the rest of the push goes on.
/// </summary>
internal static class PauseApplier
{
    public static bool Handles(string table) => table is PauseColumns.PauseTable or PauseColumns.StepTable or EscalationColumns.Table;

    /// <summary>A row the server does not have yet, its values already checked for shape.</summary>
    public static MutationResult Insert(IPushTransaction s, DeviceSession device, Mutation m, Guid clientId, StoredRow? parentRow, IReadOnlyDictionary<string, string?> columns, DateOnly today)
    {
        var problem = m.Table switch
        {
            PauseColumns.PauseTable => CheckPause(s, m, columns, today),
            PauseColumns.StepTable => CheckStep(s, m, parentRow!, columns, today),
            _ => CheckEscalation(s, m, clientId, columns, today),
        };
        if (problem is not null)
            return Refused(m, 0, problem);
        var stamps = columns.Keys.ToDictionary(c => c, _ => new ColumnStamp(1, device.DeviceId, device.WorkerId), StringComparer.Ordinal);
        s.WriteRow(m.Table!, m.RowId, clientId, null, 1, false, columns, stamps);
        return Accepted(m, 1);
    }

    /// <summary>
    /// A row the server has: a pause and its steps are only ever added (the same row again is accepted, any change
    /// refused); an escalation changes only by being closed with its outcome, judged on the row as stored.
    /// </summary>
    public static MutationResult Change(IPushTransaction s, DeviceSession device, Mutation m, StoredRow existing, IReadOnlyDictionary<string, string?> pushed, DateOnly today)
    {
        var after = new Dictionary<string, string?>(existing.Columns, StringComparer.Ordinal);
        foreach (var (column, value) in pushed)
            after[column] = value;
        if (after.Count == existing.Columns.Count && after.All(c => existing.Columns.GetValueOrDefault(c.Key) == c.Value))
            return Accepted(m, existing.Version);
        if (m.Table != EscalationColumns.Table || after.Any(c => !EscalationColumns.OutcomeColumns.Contains(c.Key) && existing.Columns.GetValueOrDefault(c.Key) != c.Value))
        {
            return Refused(m, existing.Version, m.Table == EscalationColumns.Table
                ? new Problem("escalatie", TextId.EscalationFixed)
                : new Problem("pauze", TextId.PauseFixed));
        }

        var before = EscalationColumns.FromColumns(m.RowId, existing.Columns);
        var closed = EscalationColumns.FromColumns(m.RowId, after);
        if (!before.IsValid)
            return Refused(m, existing.Version, before.Problem);
        if (!closed.IsValid)
            return Refused(m, existing.Version, closed.Problem);
        if (EscalationRules.CheckClose(before.Value, closed.Value.Outcome).FirstOrDefault() is { } problem)
            return Refused(m, existing.Version, problem);
        if (closed.Value.ClosedOn is not { } closedOn)
            return Refused(m, existing.Version, new Problem("afgesloten op", TextId.FieldRequired));
        if (closedOn > today)
            return Refused(m, existing.Version, new Problem("afgesloten op", TextId.DateInFuture));

        var version = existing.Version + 1;
        var stamps = new Dictionary<string, ColumnStamp>(existing.Stamps, StringComparer.Ordinal);
        foreach (var column in EscalationColumns.OutcomeColumns)
            stamps[column] = new ColumnStamp(version, device.DeviceId, device.WorkerId);
        s.WriteRow(m.Table!, m.RowId, existing.ClientId, existing, version, false, after, stamps);
        return Accepted(m, version);
    }

    private static Problem? CheckPause(IPushTransaction s, Mutation m, IReadOnlyDictionary<string, string?> columns, DateOnly today)
    {
        var pause = PauseColumns.FromColumns(m.RowId, columns);
        return pause.IsValid ? PauseRules.CheckNew(pause.Value, s.PauseSettings(), today).FirstOrDefault() : pause.Problem;
    }

    /// <summary>A lift or extension, judged on the pause as the steps the server holds have left it.</summary>
    private static Problem? CheckStep(IPushTransaction s, Mutation m, StoredRow parentRow, IReadOnlyDictionary<string, string?> columns, DateOnly today)
    {
        var step = PauseColumns.StepFromColumns(m.RowId, columns);
        if (!step.IsValid)
            return step.Problem;
        var pause = PauseColumns.FromColumns(step.Value.PauseId.Value, parentRow.Columns);
        if (!pause.IsValid)
            return pause.Problem;
        var soFar = s.LiveRowsWhere(PauseColumns.StepTable, "pause_id", pause.Value.Id.ToString())
            .Select(r => PauseColumns.StepFromColumns(r.RowId, r.Row.Columns)).Where(r => r.IsValid).Select(r => r.Value);
        return PauseRules.CheckStep(PauseHistory.Apply(pause.Value, soFar), step.Value, s.PauseSettings(), today).FirstOrDefault();
    }

    /// <summary>A new escalation, judged against the client's escalations as the server holds them, so no level is skipped or taken twice.</summary>
    private static Problem? CheckEscalation(IPushTransaction s, Mutation m, Guid clientId, IReadOnlyDictionary<string, string?> columns, DateOnly today)
    {
        var escalation = EscalationColumns.FromColumns(m.RowId, columns);
        if (!escalation.IsValid)
            return escalation.Problem;
        if (escalation.Value.ClosedOn is not null || escalation.Value.Outcome.Length > 0)
            return new Problem("uitkomst", TextId.EscalationFixed);
        var clients = s.LiveRowsWhere(EscalationColumns.Table, "client_id", clientId.ToString())
            .Select(r => EscalationColumns.FromColumns(r.RowId, r.Row.Columns)).Where(r => r.IsValid).Select(r => r.Value);
        return EscalationRules.CheckNew(escalation.Value, clients, today).FirstOrDefault();
    }

    private static MutationResult Refused(Mutation m, long version, Problem problem) => MutationApplier.Refused(m, version, RowRules.PauseSentence(m.Table!, problem));

    private static MutationResult Accepted(Mutation m, long version) => new(m.MutationId, SyncProtocol.Results.Accepted, version, null, []);
}
