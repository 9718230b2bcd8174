using System.Text.Json;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>A row as a store holds it: its client, version, tombstone flag, values and who wrote each column.</summary>
public sealed record StoredRow(Guid ClientId, long Version, bool Deleted, IReadOnlyDictionary<string, string?> Columns, IReadOnlyDictionary<string, ColumnStamp> Stamps, Guid UpdatedDevice, Guid UpdatedBy);

/// <summary>
/// What the applier needs from a store inside the transaction of one push. A store implements it on its
/// own write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: its own), and takes the change sequence
/// for every written row and conflict there, under its ordering rule.
/// </summary>
public interface IPushTransaction
{
    bool HasTeams { get; }
    /// <summary>The pushing worker's mandates as the administrator granted them, revoked ones included.</summary>
    IReadOnlyList<Mandate> MandatesOfPusher();
    /// <summary>The names of the pushing worker's teams: whose budget requests they may make and vote on.</summary>
    IReadOnlyList<string> TeamNamesOfPusher();
    /// <summary>A team's minimaatwerk budget for a year as the administrator set it; null when none is set.</summary>
    TeamBudget? BudgetOf(string team, int year);
    /// <summary>The revolving fund (partners, deposits, members) as the administrator keeps it.</summary>
    Fund Fund();
    /// <summary>The fund's balance from every team's requests and repayments as this transaction sees them.</summary>
    FundBalance FundBalance(Fund fund);
    /// <summary>A payout or repayment changed the balance that every laptop receives with the reference data: raise its version.</summary>
    void FundChanged();
    /// <summary>Issue 14: the administrator's maximum length of a pause.</summary>
    PauseSettings PauseSettings();
    /// <summary>Issue 14: a pattern with its steps as this transaction sees it; null when unknown.</summary>
    Pattern? PatternOf(Guid patternId);
    bool HasPatternStep(Guid stepId);
    /// <summary>Keeps a judged step by the pushing device and moves its pattern; every team leader's laptop receives it with the reference data.</summary>
    void RecordPatternStep(PatternStep step);
    /// <summary>The live rows of a table whose column holds the value, as this transaction sees them.</summary>
    IReadOnlyList<(Guid RowId, StoredRow Row)> LiveRowsWhere(string table, string column, string value);
    StoredRow? LoadRow(string table, Guid rowId);
    /// <summary>On the caseload of one of the pushing worker's teams.</summary>
    bool InScope(Guid clientId);
    /// <summary>On any team's caseload.</summary>
    bool OnAnyCaseload(Guid clientId);
    /// <summary>The name of the pushing worker's team whose caseload holds the client, the alphabetically first if several; null if none.</summary>
    string? OwnTeamHolding(Guid clientId);
    void AssignToOwnTeams(Guid clientId);
    /// <summary>Writes the row with a new change sequence; the store sets updated_at/by/device itself.</summary>
    void WriteRow(string table, Guid rowId, Guid clientId, StoredRow? before, long version, bool deleted, IReadOnlyDictionary<string, string?> columns, IReadOnlyDictionary<string, ColumnStamp> stamps);
    /// <summary>Writes a row the store held none of, as <paramref name="row"/> has it, with a new change sequence.</summary>
    void WriteNewRow(string table, Guid rowId, Guid clientId, NewRow row);
    void RecordConflict(string table, Guid rowId, Guid clientId, string column, string? kept, string? other, Guid keptBy, Guid keptDevice);
    /// <summary>Gives the row a new change sequence without changing it, so every laptop in scope receives it again.</summary>
    void TouchRow(string table, Guid rowId);
    /// <summary>The live rows about a client, in every table, oldest change first.</summary>
    IReadOnlyList<(string Table, Guid RowId)> LiveRowsOf(Guid clientId);
    StoredConflict? LoadConflict(Guid conflictId);
    /// <summary>Marks the conflict resolved at the server's time by the pushing worker, with the new version and a new change sequence.</summary>
    void ResolveConflict(Guid conflictId, Guid clientId, long oldVersion, long newVersion);
}

/// <summary>
/// Decides one pushed mutation, whatever the store: schema, columns, role, the pushed values, scope, domain rules, merge.
/// The answer is accepted, conflict (the server kept its value for the listed columns) or refused with a
/// Dutch reason; a refused mutation writes nothing.
/// </summary>
public static class MutationApplier
{
    private const string ClientsTable = "clients";

    /// <summary>The column a conflict record names when the conflict is about the row's existence.</summary>
    private const string DeletedColumn = "deleted";

    public static MutationResult Refused(Mutation m, long version, string reason) => new(m.MutationId, SyncProtocol.Results.Refused, version, reason, []);

    /// <summary>
    /// What can be judged of each mutation without the store (<see cref="PreparedMutation"/>), for a push to work out before
    /// its transaction. A mutation whose data makes that throw (<see cref="IsPoison"/>) is left null: applying it prepares it
    /// again, inside the transaction, where it is refused alone as before. Any other failure fails the push, as it would there.
    /// </summary>
    public static IReadOnlyList<PreparedMutation?> Prepare(DeviceSession device, IReadOnlyList<Mutation> mutations, DateTimeOffset now)
    {
        var today = AmsterdamTime.DayOf(now);
        var prepared = new PreparedMutation?[mutations.Count];
        for (var i = 0; i < mutations.Count; i++)
        {
            try
            {
                prepared[i] = Routed(mutations[i]) ? null : Prepare(device, mutations[i], today, withNewRow: true);
            }
            catch (Exception e) when (IsPoison(e))
            {
                prepared[i] = null;
            }
        }

        return prepared;
    }

    /// <summary>What a mutation's own bad data throws while it is judged or applied: that mutation is refused, the rest of its push goes on.</summary>
    public static bool IsPoison(Exception e) => e is FormatException or JsonException or InvalidOperationException or ArgumentException;

    /// <param name="ready">The mutation as <see cref="Prepare(DeviceSession, IReadOnlyList{Mutation}, DateTimeOffset)"/> made it ready; prepared here when null.</param>
    public static MutationResult Apply(IPushTransaction s, DeviceSession device, Mutation m, DateTimeOffset now, PreparedMutation? ready = null)
    {
        if (m.Table == SyncProtocol.ConflictsTable)
            return ConflictResolution.Apply(s, device, m);
        if (PatternStepApplier.Handles(m.Table))
            return PatternStepApplier.Apply(s, device, m, now);
        // The laptops judge dates by the Dutch calendar day; so does the server, or a melding typed just
        // after midnight would be "in the future" here for an hour or two.
        var today = AmsterdamTime.DayOf(now);
        // Prepared here, a new row is worked out only once the store has none: most inserts refused or merged need none.
        var prepared = ready is not null && ReferenceEquals(ready.Mutation, m) && ready.DeviceId == device.DeviceId && ready.Today == today
            ? ready
            : Prepare(device, m, today, withNewRow: false);
        if (prepared.Refusal is { } refusal)
            return refusal;
        var (table, pushed) = (prepared.Table!, prepared.Pushed);

        var existing = s.LoadRow(table.Name, m.RowId);
        var version = existing?.Version ?? 0;

        // Which client the row belongs to decides whose it is. A row never moves to another client.
        Guid clientId;
        StoredRow? parentRow = null;
        if (existing is not null)
        {
            clientId = existing.ClientId;
            var tie = table.ClientColumn ?? table.ParentColumn;
            if (tie is not null && pushed.TryGetValue(tie, out var pushedTie) && existing.Columns.TryGetValue(tie, out var storedTie) && pushedTie != storedTie)
                return Refused(m, version, "Een rij kan niet naar een andere cliënt of een ander signaal verhuizen.");
        }
        else if (m.Operation == SyncProtocol.Operations.Delete)
        {
            return new MutationResult(m.MutationId, SyncProtocol.Results.Accepted, 0, null, []); // nothing to delete
        }
        else if (table.ClientColumn is null && table.ParentTable is null)
        {
            clientId = m.RowId; // the clients table: the row is the client
        }
        else if (table.ClientColumn is { } clientColumn)
        {
            if (!pushed.TryGetValue(clientColumn, out var text) || !Guid.TryParse(text, out clientId))
                return Refused(m, 0, $"Kolom '{clientColumn}' ontbreekt of is geen geldig cliënt-id.");
        }
        else
        {
            if (!pushed.TryGetValue(table.ParentColumn!, out var parentText) || !Guid.TryParse(parentText, out var parentId)
                || s.LoadRow(table.ParentTable!, parentId) is not { } parent)
                return Refused(m, 0, $"De bovenliggende rij ({table.ParentTable}) is niet bekend op de server; synchroniseer die eerst.");
            clientId = parent.ClientId;
            parentRow = parent;
        }

        // Scope: the client must be on the caseload of one of the worker's teams. A new client row from a
        // worker who records dossiers joins the worker's own teams, unless another team already has the client.
        var autoAssign = false;
        // The fund secretariat works on every team's fund requests, never on the rest of a dossier (RowRules.CheckRole).
        var fundDesk = device.Role == Role.FundSecretary && FundApplier.Handles(table.Name);
        if (!fundDesk && !s.InScope(clientId))
        {
            if (table.Name == "clients" && existing is null && !s.OnAnyCaseload(clientId) && s.HasTeams)
                autoAssign = true;
            else
                return Refused(m, version, "Deze cliënt staat niet op de caseload van uw team; u mag deze gegevens niet wijzigen.");
        }

        // A row about a client (or under a parent) deleted elsewhere would be an orphan on every other laptop:
        // the deletion stands and what was pushed is kept as a conflict record, as for an edit of a deleted row.
        // (A client on the caseload without a client row, assigned by id by the administrator, is not deleted.)
        // Money that moved is the exception: its ledger rows outlive the client and still take their next steps.
        if (m.Operation != SyncProtocol.Operations.Delete && table.Name != ClientsTable
            && !LedgerRows.LandsAfterClientDeletion(table.Name, existing is { Deleted: false })
            && (parentRow is { Deleted: true } ? parentRow : s.LoadRow(ClientsTable, clientId)) is { Deleted: true } gone)
        {
            s.RecordConflict(table.Name, m.RowId, clientId, DeletedColumn, "1", JsonSerializer.Serialize(pushed, ServerJson.Default.IReadOnlyDictionaryStringString), gone.UpdatedBy, gone.UpdatedDevice);
            return new MutationResult(m.MutationId, SyncProtocol.Results.Conflict, version, null, [DeletedColumn]);
        }

        if (m.Operation == SyncProtocol.Operations.Delete)
        {
            if (RowRules.CheckDelete(table.Name) is { } deleteProblem)
                return Refused(m, version, deleteProblem);
            if (existing!.Deleted)
                return new MutationResult(m.MutationId, SyncProtocol.Results.Accepted, existing.Version, null, []);
            if (NewerElsewhere(existing, m.BaseVersion, device.DeviceId) is { } newer)
            {
                // The delete was made on an older version than another device's update: the update stands, the
                // delete becomes a conflict record, and the row goes out again to the laptop that deleted its copy.
                s.RecordConflict(table.Name, m.RowId, clientId, DeletedColumn, "0", "1", newer.W, newer.D);
                s.TouchRow(table.Name, m.RowId);
                return new MutationResult(m.MutationId, SyncProtocol.Results.Conflict, existing.Version, null, [DeletedColumn]);
            }

            var tombstone = existing.Version + 1;
            s.WriteRow(table.Name, m.RowId, clientId, existing, tombstone, true, existing.Columns, existing.Stamps);
            if (table.Name == ClientsTable)
                DeleteWhatRemainsOf(s, clientId, device);
            return new MutationResult(m.MutationId, SyncProtocol.Results.Accepted, tombstone, null, []);
        }

        if (existing is null)
        {
            var row = prepared.NewRow;
            if (row is null)
            {
                var columns = new Dictionary<string, string?>(pushed, StringComparer.Ordinal);
                // The team of an advice is the server's to say: the team whose caseload holds the client, not
                // whatever the laptop remembered at enrolment (empty on older laptops, the first of several teams).
                var teamSet = table.Name == AdviceColumns.AdviceTable;
                if (teamSet)
                    columns[AdviceColumns.TeamColumn] = s.OwnTeamHolding(clientId) ?? "";
                // An insert was checked whole above, on these very values: only an "update" of a row the server lacks, or an
                // advice given the server's team, is checked whole again (checking every inserted value twice was about 3 % of the
                // server's request work in a first upload).
                string? WholeProblem() => m.Operation == SyncProtocol.Operations.Insert && !teamSet ? null : ValueRules.CheckPushed(table.Name, columns, wholeRow: true, today);
                if (BudgetApplier.Handles(table.Name))
                {
                    return WholeProblem() is { } shapeProblem
                        ? Refused(m, 0, shapeProblem)
                        : BudgetApplier.Insert(s, device, m, clientId, parentRow, columns, now, today);
                }

                if (FundApplier.Handles(table.Name))
                {
                    return WholeProblem() is { } shapeProblem
                        ? Refused(m, 0, shapeProblem)
                        : FundApplier.Insert(s, device, m, clientId, parentRow, columns, today);
                }

                if (PauseApplier.Handles(table.Name))
                {
                    return WholeProblem() is { } shapeProblem
                        ? Refused(m, 0, shapeProblem)
                        : PauseApplier.Insert(s, device, m, clientId, parentRow, columns, today);
                }

                // A row the server does not have yet must come whole, even as an "update".
                if (WholeProblem() is { } wholeProblem)
                    return Refused(m, 0, wholeProblem);
                row = new NewRow(table.Name, m.RowId, columns, device, today);
            }

            if ((RowRules.CheckRow(table.Name, null, row.Columns, m.RowId, today, device.Role, device.WorkerId, parentRow?.Columns, MandatesFor(s, table.Name))
                    ?? row.ValueProblem) is { } problem)
                return Refused(m, 0, problem);
            if (autoAssign)
            {
                s.AssignToOwnTeams(clientId);
            }

            s.WriteNewRow(table.Name, m.RowId, clientId, row);
            return new MutationResult(m.MutationId, SyncProtocol.Results.Accepted, 1, null, []);
        }

        if (existing.Deleted)
        {
            if (existing.UpdatedDevice == device.DeviceId)
                return Refused(m, existing.Version, "Deze rij is verwijderd; de wijziging is niet opgeslagen.");
            // Deleted elsewhere: the deletion stands and the pushed values are kept as a conflict record.
            s.RecordConflict(table.Name, m.RowId, clientId, DeletedColumn, "1", JsonSerializer.Serialize(pushed, ServerJson.Default.IReadOnlyDictionaryStringString), existing.UpdatedBy, existing.UpdatedDevice);
            return new MutationResult(m.MutationId, SyncProtocol.Results.Conflict, existing.Version, null, [DeletedColumn]);
        }

        if (BudgetApplier.Handles(table.Name))
            return BudgetApplier.Change(s, device, m, existing, pushed, today);
        if (FundApplier.Handles(table.Name))
            return FundApplier.Change(s, device, m, existing, pushed, today);
        if (PauseApplier.Handles(table.Name))
            return PauseApplier.Change(s, device, m, existing, pushed, today);

        // An advice inserted again (its answer was lost) still carries the laptop's team: the server's stands.
        if (table.Name == AdviceColumns.AdviceTable && m.Operation == SyncProtocol.Operations.Insert)
        {
            var withoutTeam = new Dictionary<string, string?>(pushed, StringComparer.Ordinal);
            withoutTeam.Remove(AdviceColumns.TeamColumn);
            pushed = withoutTeam;
        }

        // A recorded mandate decision or addendum is never merged: a change to it is judged as pushed onto the
        // row as stored, so an edit of a recorded field or a second follow-up is refused rather than kept as a conflict.
        if (table.Name is MandateColumns.DecisionTable or MandateColumns.AddendumTable)
        {
            var direct = new Dictionary<string, string?>(existing.Columns, StringComparer.Ordinal);
            foreach (var (column, value) in pushed)
                direct[column] = value;
            if (RowRules.CheckRow(table.Name, existing.Columns, direct, m.RowId, today, device.Role, device.WorkerId) is { } fixedProblem)
                return Refused(m, existing.Version, fixedProblem);
        }

        // An insert of an id the server already has is an update from version 0: differing values conflict.
        var baseVersion = m.Operation == SyncProtocol.Operations.Insert ? 0 : m.BaseVersion;
        var outcome = FieldMerge.Merge(existing.Columns, existing.Stamps, baseVersion, device.DeviceId, pushed,
            m.Operation == SyncProtocol.Operations.Insert ? null : m.ColumnBaseVersions);
        var merged = new Dictionary<string, string?>(existing.Columns, StringComparer.Ordinal);
        foreach (var (column, value) in outcome.Applied)
            merged[column] = value;
        if ((RowRules.CheckRow(table.Name, existing.Columns, merged, m.RowId, today, device.Role, device.WorkerId)
                ?? (outcome.Applied.Count > 0 ? ValueRules.CheckRow(table.Name, merged, m.RowId, today) : null)) is { } rowProblem)
            return Refused(m, existing.Version, rowProblem);

        var newVersion = existing.Version;
        if (outcome.Applied.Count > 0)
        {
            newVersion++;
            var stamps = new Dictionary<string, ColumnStamp>(existing.Stamps, StringComparer.Ordinal);
            foreach (var column in outcome.Applied.Keys)
                stamps[column] = new ColumnStamp(newVersion, device.DeviceId, device.WorkerId);
            s.WriteRow(table.Name, m.RowId, clientId, existing, newVersion, false, merged, stamps);
        }
        else if (outcome.Conflicts.Count > 0)
        {
            // The pushing laptop holds its own value under the server's version; only a fresh change
            // sequence brings the server's value back to it.
            s.TouchRow(table.Name, m.RowId);
        }

        foreach (var column in outcome.Conflicts)
        {
            var stamp = existing.Stamps[column];
            s.RecordConflict(table.Name, m.RowId, clientId, column, existing.Columns.GetValueOrDefault(column), pushed[column], stamp.W, stamp.D);
        }

        return outcome.Conflicts.Count > 0
            ? new MutationResult(m.MutationId, SyncProtocol.Results.Conflict, newVersion, null, outcome.Conflicts)
            : new MutationResult(m.MutationId, SyncProtocol.Results.Accepted, newVersion, null, []);
    }

    private static bool Routed(Mutation m) => m.Table == SyncProtocol.ConflictsTable || PatternStepApplier.Handles(m.Table);

    /// <param name="withNewRow">Work out the row a plain insert creates (<see cref="NewRow"/>) now, before the store is read.</param>
    private static PreparedMutation Prepare(DeviceSession device, Mutation m, DateOnly today, bool withNewRow)
    {
        PreparedMutation Refuse(string reason) => new(m, device.DeviceId, today, Refused(m, 0, reason), null, new Dictionary<string, string?>(), null);

        if (m.Table is null || SyncSchema.Find(m.Table) is not { } table)
            return Refuse($"Onbekende tabel '{Echo.Short(m.Table)}'; deze wijziging is niet opgeslagen.");
        if (m.Operation is not (SyncProtocol.Operations.Insert or SyncProtocol.Operations.Update or SyncProtocol.Operations.Delete))
            return Refuse($"Onbekende bewerking '{Echo.Short(m.Operation)}'; verwacht insert, update of delete.");
        if (m.RowId == Guid.Empty)
            return Refuse("De rij heeft geen geldig id.");
        var pushed = new Dictionary<string, string?>(m.Columns ?? new Dictionary<string, string?>(), StringComparer.Ordinal);
        if (RowRules.CheckColumns(table, pushed.Keys) is { } columnProblem)
            return Refuse(columnProblem);
        if (RowRules.CheckRole(device.Role, table.Name) is { } roleProblem)
            return Refuse(roleProblem);

        // Every pushed value is checked before it is merged or kept as the other side of a conflict: what
        // the server stores, as a row or in a conflict record, every laptop in scope must be able to read.
        if (m.Operation != SyncProtocol.Operations.Delete
            && ValueRules.CheckPushed(table.Name, pushed, m.Operation == SyncProtocol.Operations.Insert, today) is { } valueProblem)
            return Refuse(valueProblem);
        var newRow = withNewRow && m.Operation == SyncProtocol.Operations.Insert && TakesPushedValues(table.Name)
            ? new NewRow(table.Name, m.RowId, pushed, device, today)
            : null;
        return new PreparedMutation(m, device.DeviceId, today, null, table, pushed, newRow);
    }

    /// <summary>A new row of the table holds exactly the pushed values: not an advice (its team is the server's) nor money or a pause (their appliers work values out).</summary>
    private static bool TakesPushedValues(string table) =>
        table != AdviceColumns.AdviceTable && !BudgetApplier.Handles(table) && !FundApplier.Handles(table) && !PauseApplier.Handles(table);

    /// <summary>
    /// A client's deletion takes the rows about them that the deleting laptop did not delete itself (it sends
    /// its own dependents' deletes first): rows it may never have seen, written on other laptops. They become
    /// tombstones, so no laptop keeps an orphan, and the values another device wrote are kept in a conflict
    /// record. Advice and its thread stay: they are never deleted.
    /// </summary>
    private static void DeleteWhatRemainsOf(IPushTransaction s, Guid clientId, DeviceSession device)
    {
        foreach (var (table, rowId) in s.LiveRowsOf(clientId))
        {
            if (table == ClientsTable || RowRules.CheckDelete(table) is not null || s.LoadRow(table, rowId) is not { Deleted: false } row)
                continue;
            s.WriteRow(table, rowId, clientId, row, row.Version + 1, true, row.Columns, row.Stamps);
            if (row.UpdatedDevice != device.DeviceId)
                s.RecordConflict(table, rowId, clientId, DeletedColumn, "1", JsonSerializer.Serialize(row.Columns, ServerJson.Default.IReadOnlyDictionaryStringString), device.WorkerId, device.DeviceId);
        }
    }

    /// <summary>Only a new mandate decision is judged by the pusher's mandates; no other row needs them read.</summary>
    private static IReadOnlyList<Mandate>? MandatesFor(IPushTransaction s, string table) =>
        table == MandateColumns.DecisionTable ? s.MandatesOfPusher() : null;

    /// <summary>The newest write by another device after the laptop's base version, if any: what a delete on that base would discard.</summary>
    private static ColumnStamp? NewerElsewhere(StoredRow row, long baseVersion, Guid device) =>
        row.Stamps.Values.Where(stamp => stamp.V > baseVersion && stamp.D != device).MaxBy(stamp => stamp.V);
}
