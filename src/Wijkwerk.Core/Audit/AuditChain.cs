using System.Security.Cryptography;
using System.Text;

namespace Wijkwerk.Core.Audit;

/// <summary>
/// Links each event to the one before it with a keyed hash over the event's columns exactly as
/// stored. Changing, inserting or removing an event breaks every link after it; the key comes from the
/// store's data key, so nobody without the passphrase can rebuild a consistent chain.
/// </summary>
public static class AuditChain
{
    public static byte[] Genesis { get; } = new byte[32];

    public static byte[] Link(byte[] key, byte[] previousHash, StoredAuditEvent e)
    {
        var canonical = string.Join('\n', e.Seq, e.Type, e.At, e.ClientId, e.WorkerId, e.Role, e.DeviceId, e.Outcome, e.Detail);
        var body = Encoding.UTF8.GetBytes(canonical);
        var input = new byte[previousHash.Length + body.Length];
        previousHash.CopyTo(input, 0);
        body.CopyTo(input, previousHash.Length);
        return HMACSHA256.HashData(key, input);
    }
}

/// <summary>An audit row as text, the way it sits in the table: what the chain is computed over.</summary>
public sealed record StoredAuditEvent(string Seq, string Type, string At, string ClientId, string WorkerId, string Role, string DeviceId, string Outcome, string Detail);
