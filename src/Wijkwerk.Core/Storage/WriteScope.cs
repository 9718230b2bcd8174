using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Storage;

/// <summary>
/// One write transaction. Rows, their outbox entries and their audit events go through here, so they
/// commit together; the audit chain's head is read once and sealed once per transaction.
/// </summary>
internal sealed class WriteScope : IDisposable
{
    private readonly LocalStore _store;
    private readonly Dictionary<string, SqliteCommand> _outboxInserts = new(StringComparer.Ordinal);
    private RowWriter? _rows;
    private SqliteCommand? _auditInsert;
    private long _auditSeq = -1;
    private byte[] _auditHash = AuditChain.Genesis;
    private bool _auditTouched;

    public WriteScope(LocalStore store, SqliteTransaction transaction)
    {
        _store = store;
        Transaction = transaction;
    }

    public SqliteTransaction Transaction { get; }

    public RowWriter Rows => _rows ??= new RowWriter(this);

    /// <summary>Writes a row stamped with this worker and the store's clock, and queues it for the server.</summary>
    /// <param name="baseVersion">The row version the change was made on; null: the version the row has now.</param>
    public void Save(TableRow row, string operation, IEnumerable<string> changedColumns, long? baseVersion = null)
    {
        Rows.Upsert(row, _store.Now(), _store.Identity.WorkerId.ToString());
        Outbox(row.Table, row.Id, operation, changedColumns, baseVersion);
    }

    /// <summary>A new row about a client: stored, queued and logged as a create.</summary>
    public void Insert(TableRow row, Guid clientId)
    {
        Save(row, OutboxOperations.Insert, row.Columns);
        Audit(AuditEventType.Create, clientId, "table=" + row.Table);
    }

    /// <summary>Stores only the columns that changed, queues them for a field-level merge, logs a change; false when nothing changed.</summary>
    public bool Update(TableRow before, TableRow after, Guid clientId, long? baseVersion = null)
    {
        var changed = after.ChangedFrom(before);
        if (changed.Count == 0)
            return false;
        Save(after, OutboxOperations.Update, changed, baseVersion);
        Audit(AuditEventType.Change, clientId, $"table={after.Table};columns={changed.Count}");
        return true;
    }

    /// <summary>
    /// Saves a form opened on <paramref name="opened"/>: only what the person changed since then lands on the
    /// row as it is now, queued with the opened version as its base.
    /// </summary>
    public bool Update(OpenedRow opened, TableRow current, TableRow edited, Guid clientId) =>
        Update(current, opened.ChangesOnto(Copy(current), edited), clientId, opened.Version);

    public bool Delete(string table, string id)
    {
        if (Rows.MarkDeleted(table, id, _store.Now(), _store.Identity.WorkerId.ToString()) == 0)
            return false;
        Outbox(table, id, OutboxOperations.Delete, ["deleted"]);
        return true;
    }

    public SqliteCommand Command(string sql) => _store.Command(sql, Transaction);

    public byte[] Seal(string table, string column, string rowId, string plaintext) =>
        _store.Fields.Encrypt(plaintext, table, column, rowId);

    /// <summary>
    /// Queues a change for the server. The server decides the row's version; the laptop only says what
    /// changed, and on which version (by default the row's version now, before any later pull moves it).
    /// </summary>
    public void Outbox(string table, string rowId, string operation, IEnumerable<string> columns, long? baseVersion = null)
    {
        if (!_outboxInserts.TryGetValue(table, out var insert))
        {
            insert = Prepare(
                "INSERT INTO outbox (table_name, row_id, operation, columns, created_at, base_version) " +
                $"VALUES ($t, $r, $o, $c, $at, coalesce($b, (SELECT version FROM {table} WHERE id = $r), 0))",
                "$t", "$r", "$o", "$c", "$at", "$b");
            _outboxInserts[table] = insert;
        }

        insert.Parameters["$t"].Value = table;
        insert.Parameters["$r"].Value = rowId;
        insert.Parameters["$o"].Value = operation;
        insert.Parameters["$c"].Value = JsonSerializer.Serialize(columns, LocalJson.Default.IEnumerableString);
        insert.Parameters["$at"].Value = _store.Now();
        insert.Parameters["$b"].Value = baseVersion is { } known ? known : DBNull.Value;
        insert.ExecuteNonQuery();
    }

    public void Audit(AuditEventType type, Guid? clientId, string detail = "", AuditOutcome outcome = AuditOutcome.Success)
    {
        if (_auditSeq < 0)
            (_auditSeq, _auditHash) = AuditLog.ReadTail(_store, Transaction);

        var identity = _store.Identity;
        var seq = _auditSeq + 1;
        var row = new StoredAuditEvent(
            seq.ToString(CultureInfo.InvariantCulture), type.ToString(), _store.Now(), clientId?.ToString() ?? "",
            identity.WorkerId.ToString(), identity.Role.Code(), identity.DeviceId.ToString(), outcome.ToString(), detail);
        var hash = AuditChain.Link(_store.AuditKey, _auditHash, row);

        _auditInsert ??= Prepare(
            "INSERT INTO audit_events (seq, event_type, at, client_id, worker_id, role, device_id, outcome, detail, hash) VALUES ($s, $t, $at, $c, $w, $r, $d, $o, $x, $h)",
            "$s", "$t", "$at", "$c", "$w", "$r", "$d", "$o", "$x", "$h");
        var p = _auditInsert.Parameters;
        p["$s"].Value = seq;
        p["$t"].Value = row.Type;
        p["$at"].Value = row.At;
        p["$c"].Value = clientId is null ? DBNull.Value : row.ClientId;
        p["$w"].Value = row.WorkerId;
        p["$r"].Value = row.Role;
        p["$d"].Value = row.DeviceId;
        p["$o"].Value = row.Outcome;
        p["$x"].Value = row.Detail;
        p["$h"].Value = hash;
        _auditInsert.ExecuteNonQuery();

        _auditSeq = seq;
        _auditHash = hash;
        _auditTouched = true;
    }

    /// <summary>Seals the chain's head so cutting events off the end is detected too.</summary>
    public void Complete()
    {
        if (_auditTouched)
            AuditLog.SealHead(_store.Fields, _store.StoreId, new MetaTable(_store, Transaction), _auditSeq, _auditHash);
    }

    public void Dispose()
    {
        foreach (var insert in _outboxInserts.Values)
            insert.Dispose();
        _auditInsert?.Dispose();
        _rows?.Dispose();
    }

    private static TableRow Copy(TableRow row)
    {
        var copy = new TableRow(row.Table, row.Id);
        foreach (var column in row.Columns)
            copy.Take(row, column);
        return copy;
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = Command(sql);
        foreach (var name in names)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }
}
