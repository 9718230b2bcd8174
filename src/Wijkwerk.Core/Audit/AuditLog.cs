using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using System.Security.Cryptography;
using Wijkwerk.Core.Security;
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
            var stored = Stored(reader);
            if (stored.Seq != expected.ToString(CultureInfo.InvariantCulture))
                return new AuditVerification(expected - 1, AuditBreak.Missing, expected);
            var hash = reader["hash"] as byte[] ?? [];
            if (!AuditChain.Link(store.AuditKey, previous, stored).AsSpan().SequenceEqual(hash))
                return new AuditVerification(expected - 1, AuditBreak.Changed, expected);
            previous = hash;
            expected++;
        }

        var checkedCount = expected - 1;
        if (ReadHead(store) is not var (headSeq, headHash))
            return new AuditVerification(checkedCount, AuditBreak.HeadMissing, checkedCount + 1);
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

    /// <summary>Seals the chain's length and last hash, so cutting events off the end (or all of them) is detected.</summary>
    internal static void SealHead(FieldCipher fields, string storeId, MetaTable meta, long seq, byte[] hash)
    {
        var text = seq.ToString(CultureInfo.InvariantCulture) + ":" + Convert.ToHexString(hash);
        meta.Set(HeadKey, fields.EncryptBytes(Encoding.UTF8.GetBytes(text), HeadBinding(storeId)));
    }

    private static (long Seq, byte[] Hash)? ReadHead(LocalStore store)
    {
        if (new MetaTable(store, null).Get(HeadKey) is not byte[] sealedHead)
            return null;
        try
        {
            var parts = Encoding.UTF8.GetString(store.Fields.DecryptBytes(sealedHead, HeadBinding(store.StoreId))).Split(':');
            return (long.Parse(parts[0], CultureInfo.InvariantCulture), Convert.FromHexString(parts[1]));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static byte[] HeadBinding(string storeId) => Encoding.UTF8.GetBytes("meta\n" + HeadKey + "\n" + storeId);

    private static StoredAuditEvent Stored(SqliteDataReader r)
    {
        string Text(int i) => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture) ?? "";
        return new StoredAuditEvent(Text(0), Text(1), Text(2), Text(3), Text(4), Text(5), Text(6), Text(7), Text(8));
    }

    private static AuditEvent ReadEvent(SqliteDataReader r) => new(
        r.GetInt64(0),
        Enum.Parse<AuditEventType>(r.GetString(1)),
        InstantText.Read(r.GetString(2)),
        r.IsDBNull(3) ? null : Guid.Parse(r.GetString(3)),
        Guid.Parse(r.GetString(4)),
        r.GetString(5),
        Guid.Parse(r.GetString(6)),
        Enum.Parse<AuditOutcome>(r.GetString(7)),
        r.GetString(8));
}
