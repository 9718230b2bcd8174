using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Core.Audit;

/// <summary>Reads and checks the store's NEN 7513 access log.</summary>
public static class AuditLog
{
    private const string HeadKey = "audit_head";

    /// <summary>Events oldest first; with a client id, the resident's "who looked at my file" list.</summary>
    public static IReadOnlyList<AuditEvent> Read(LocalStore store, Id<Client>? client = null)
    {
        using var command = store.Command(
            "SELECT seq, event_type, at, client_id, worker_id, role, device_id, outcome, detail FROM audit_events " +
            (client is null ? "" : "WHERE client_id = $c ") + "ORDER BY seq");
        if (client is { } id)
            command.Parameters.AddWithValue("$c", id.ToString());
        using var reader = command.ExecuteReader();
        var events = new List<AuditEvent>();
        while (reader.Read())
            events.Add(ReadEvent(reader));
        return events;
    }

    public static AuditVerification Verify(LocalStore store)
    {
        using var command = store.Command(
            "SELECT seq, event_type, at, client_id, worker_id, role, device_id, outcome, detail, hash FROM audit_events ORDER BY seq");
        using var reader = command.ExecuteReader();
        var previous = AuditChain.Genesis;
        long expected = 1;
        while (reader.Read())
        {
            var e = ReadEvent(reader);
            if (e.Seq != expected)
                return new AuditVerification(expected - 1, AuditBreak.Missing, expected);
            var stored = (byte[])reader["hash"];
            var computed = AuditChain.Link(store.AuditKey, previous, e);
            if (!computed.AsSpan().SequenceEqual(stored))
                return new AuditVerification(expected - 1, AuditBreak.Changed, e.Seq);
            previous = stored;
            expected++;
        }

        var (headSeq, headHash) = ReadHead(store, null);
        var checkedCount = expected - 1;
        if (headSeq != checkedCount || !headHash.AsSpan().SequenceEqual(previous))
            return new AuditVerification(checkedCount, AuditBreak.Truncated, checkedCount + 1);
        return new AuditVerification(checkedCount, AuditBreak.None, 0);
    }

    internal static (long Seq, byte[] Hash) ReadTail(LocalStore store, SqliteTransaction tx)
    {
        using var command = store.Command("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1", tx);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), (byte[])reader[1]) : (0, AuditChain.Genesis);
    }

    internal static void SealHead(LocalStore store, SqliteTransaction tx, long seq, byte[] hash)
    {
        var text = seq.ToString(CultureInfo.InvariantCulture) + ":" + Convert.ToHexString(hash);
        var sealedHead = store.Fields.EncryptBytes(Encoding.UTF8.GetBytes(text), HeadBinding(store));
        new MetaTable(store.Connection, tx).Set(HeadKey, sealedHead);
    }

    private static (long Seq, byte[] Hash) ReadHead(LocalStore store, SqliteTransaction? tx)
    {
        if (new MetaTable(store.Connection, tx).Get(HeadKey) is not byte[] sealedHead)
            return (0, AuditChain.Genesis);
        try
        {
            var text = Encoding.UTF8.GetString(store.Fields.DecryptBytes(sealedHead, HeadBinding(store)));
            var parts = text.Split(':');
            return (long.Parse(parts[0], CultureInfo.InvariantCulture), Convert.FromHexString(parts[1]));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return (-1, []);
        }
    }

    private static byte[] HeadBinding(LocalStore store) => Encoding.UTF8.GetBytes("meta\n" + HeadKey + "\n" + store.StoreId);

    private static AuditEvent ReadEvent(SqliteDataReader r) => new(
        r.GetInt64(0),
        Enum.Parse<AuditEventType>(r.GetString(1)),
        DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        r.IsDBNull(3) ? null : Guid.Parse(r.GetString(3)),
        Guid.Parse(r.GetString(4)),
        r.GetString(5),
        Guid.Parse(r.GetString(6)),
        Enum.Parse<AuditOutcome>(r.GetString(7)),
        r.GetString(8));
}
