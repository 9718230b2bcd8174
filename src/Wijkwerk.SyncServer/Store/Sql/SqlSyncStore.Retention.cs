using System.Globalization;
using System.Data.Common;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Retention;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// Issue 15 item 7: what the retention schedule reads, and the purge. A purged row stays as a tombstone in the feed
/// (deleted, no content, a new seq), the same shape as any delete, so every laptop that holds it removes it at its
/// next pull; a conflict record becomes a tombstone row under <see cref="ConflictsTable"/>, which the laptop deletes
/// from its conflict inbox the same way. The client stays on its caseloads so the tombstones still reach the teams.
/// The ledgers' rows (<see cref="LedgerRows"/>) are no part of the client's file: they neither keep a file alive nor
/// go with it, so the fund's balance and receivables and a team's budget ledger stay as they were.
/// </summary>
public abstract partial class SqlSyncStore
{
    /// <summary>A purge is done by the server, not by a worker or device.</summary>
    private static readonly string Nobody = S(Guid.Empty);

    /// <summary>A condition on <c>rows</c>: the row belongs to the client's file, not to a ledger.</summary>
    private static readonly string InFile = $"tbl NOT IN ({string.Join(", ", LedgerRows.Tables.Select(t => $"'{t}'"))})";

    /// <summary>
    /// What a tombstone keeps of the row: only the two columns that decide whether a consultant's laptop receives it
    /// (<see cref="ScopeSums.ReviewRowSql"/>), an instant and an id, so the tombstones reach those laptops too.
    /// json_patch drops the keys whose value is null.
    /// </summary>
    private const string TombstoneColumns =
        $"json_patch('{{}}', json_object('{AdviceColumns.SubmittedColumn}', json_extract(columns, '$.{AdviceColumns.SubmittedColumn}'), 'advice_id', json_extract(columns, '$.advice_id')))";

    public Task<IReadOnlyList<ClientFile>> ClientFilesAsync(CancellationToken cancel = default)
    {
        using var db = Open();
        using var tx = BeginRead(db);
        var provisions = new Dictionary<Guid, List<DecidedProvision>>();
        using (var cmd = Command(db, tx, $"""
            SELECT client_id, json_extract(columns, '$.decided_start'), json_extract(columns, '$.decided_duration_months') FROM rows
            WHERE tbl = '{AdviceColumns.AdviceTable}' AND deleted = 0
              AND json_extract(columns, '$.status') IN ('{nameof(AdviceStatus.Granted)}', '{nameof(AdviceStatus.Adjusted)}')
              AND json_extract(columns, '$.decided_start') IS NOT NULL;
            """))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var client = Guid.Parse(reader.GetString(0));
                var start = DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                int? months = reader.IsDBNull(2) ? null : int.Parse(Convert.ToString(reader.GetValue(2), CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);
                if (!provisions.TryGetValue(client, out var list))
                    provisions[client] = list = [];
                list.Add(new DecidedProvision(start, months));
            }
        }

        var files = new List<ClientFile>();
        using (var cmd = Command(db, tx, $"""
            SELECT a.client_id, max(a.at) FROM (
                SELECT client_id, updated_at AS at FROM rows WHERE {InFile}
                UNION ALL SELECT client_id, at FROM conflicts
                UNION ALL SELECT client_id, resolved_at FROM conflicts WHERE resolved_at IS NOT NULL) a
            WHERE a.client_id IN (SELECT client_id FROM rows WHERE deleted = 0 AND {InFile} UNION SELECT client_id FROM conflicts)
            GROUP BY a.client_id ORDER BY a.client_id;
            """))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var client = Guid.Parse(reader.GetString(0));
                var last = AmsterdamTime.DayOf(ParseIso(reader.GetString(1)));
                files.Add(new ClientFile(client, new FileHistory(provisions.GetValueOrDefault(client) ?? [], last)));
            }
        }

        tx.Commit();
        return Task.FromResult<IReadOnlyList<ClientFile>>(files);
    }

    public Task<IReadOnlyList<ClientRows>> CountClientRowsAsync(IReadOnlyList<Guid> clients, CancellationToken cancel = default)
    {
        using var db = Open();
        using var tx = BeginRead(db);
        IReadOnlyList<ClientRows> counts = [.. clients.Select(c => RowsOf(db, tx, c))];
        tx.Commit();
        return Task.FromResult(counts);
    }

    public Task<IReadOnlyList<ClientRows>> PurgeClientsAsync(IReadOnlyList<Guid> clients, DateTimeOffset now, CancellationToken cancel = default) =>
        Write<IReadOnlyList<ClientRows>>((db, tx) =>
        {
            var purged = new List<ClientRows>(clients.Count);
            foreach (var client in clients)
            {
                purged.Add(RowsOf(db, tx, client));
                PurgeClient(db, tx, client, now);
            }

            // The purged rows no longer count as cases: the werktafel's figures must not keep a removed file alive.
            if (clients.Count > 0)
                RefreshPatterns(db, tx, now);
            return purged;
        }, cancel);

    public Task<AuditCount> CountAuditBeforeAsync(DateTimeOffset before, CancellationToken cancel = default)
    {
        using var db = Open();
        using var tx = BeginRead(db);
        var count = new AuditCount(
            Convert.ToInt32(Scalar(db, tx, "SELECT count(*) FROM audit_events WHERE at < @b;", ("@b", Iso(before))), CultureInfo.InvariantCulture),
            Convert.ToInt32(Scalar(db, tx, $"SELECT count(*) FROM {SqlDialect.Of(db).TransferEntries} WHERE at < @b;", ("@b", Iso(before))), CultureInfo.InvariantCulture));
        tx.Commit();
        return Task.FromResult(count);
    }

    public Task<AuditCount> PurgeAuditBeforeAsync(DateTimeOffset before, CancellationToken cancel = default) => Write((db, tx) => new AuditCount(
        Exec(db, tx, "DELETE FROM audit_events WHERE at < @b;", ("@b", Iso(before))),
        SqlDialect.Of(db).PurgeTransfers(db, tx, Iso(before))), cancel);

    private static ClientRows RowsOf(DbConnection db, DbTransaction tx, Guid client)
    {
        var perKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        using var cmd = Command(db, tx, $"""
            SELECT tbl, count(*) FROM rows WHERE client_id = @c AND deleted = 0 AND {InFile} GROUP BY tbl
            UNION ALL SELECT '{ConflictsTable}', count(*) FROM conflicts WHERE client_id = @c;
            """, ("@c", S(client)));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            if (reader.GetInt32(1) > 0)
                perKind[reader.GetString(0)] = reader.GetInt32(1);
        }

        return new ClientRows(client, perKind);
    }

    private static void PurgeClient(DbConnection db, DbTransaction tx, Guid client, DateTimeOffset now)
    {
        var id = S(client);
        using (var cmd = Command(db, tx, "SELECT id, version FROM conflicts WHERE client_id = @c ORDER BY id;", ("@c", id)))
        {
            var conflicts = new List<(string Id, long Version)>();
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read())
                    conflicts.Add((reader.GetString(0), reader.GetInt64(1)));
            }

            foreach (var (conflict, version) in conflicts)
            {
                Exec(db, tx, """
                    INSERT INTO rows(tbl, row_id, client_id, version, deleted, columns, column_versions, checksum, updated_at, updated_by, updated_device, seq)
                    VALUES (@t, @r, @c, @v, 1, '{}', '{}', 0, @at, @nobody, @nobody, @seq);
                    """,
                    ("@t", ConflictsTable), ("@r", conflict), ("@c", id), ("@v", version + 1), ("@at", Iso(now)), ("@nobody", Nobody), ("@seq", NextSeq(db, tx)));
            }
        }

        Exec(db, tx, "DELETE FROM conflicts WHERE client_id = @c;", ("@c", id));
        // A ledger row stays live, so its tag stays with it: the money it moved was still caused by that rule.
        Exec(db, tx, $"DELETE FROM tagged_rows WHERE {InFile} AND EXISTS (SELECT 1 FROM rows r WHERE r.tbl = tagged_rows.tbl AND r.row_id = tagged_rows.row_id AND r.client_id = @c);", ("@c", id));
        // The client's own row last: a laptop that stops between pages never holds rows of a client it no longer has.
        foreach (var (tbl, row) in Keys(db, tx, $"SELECT tbl, row_id FROM rows WHERE client_id = @c AND deleted = 0 AND {InFile} ORDER BY tbl = 'clients', tbl, row_id;", id))
        {
            Exec(db, tx, $"""
                UPDATE rows SET deleted = 1, version = version + 1, columns = {TombstoneColumns}, column_versions = json_object(), checksum = 0,
                    updated_at = @at, updated_by = @nobody, updated_device = @nobody, seq = @seq
                WHERE tbl = @t AND row_id = @r;
                """, ("@at", Iso(now)), ("@nobody", Nobody), ("@seq", NextSeq(db, tx)), ("@t", tbl), ("@r", row));
        }

        // Rows deleted before keep their last content until now; the laptops dropped them long ago, so no new seq.
        Exec(db, tx, $"UPDATE rows SET columns = {TombstoneColumns}, column_versions = '{{}}' WHERE client_id = @c AND deleted = 1;", ("@c", id));
        // What the team's laptops still hold of the client is its ledger rows; the secretariat's view did not change.
        Exec(db, tx, "UPDATE client_sums_review SET row_count = 0, checksum = 0 WHERE client_id = @c;", ("@c", id));
        ScopeSums.RefreshTeam(db, tx, client);
    }
}
