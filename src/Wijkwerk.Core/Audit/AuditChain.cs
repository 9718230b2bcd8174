using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Wijkwerk.Core.Audit;

/// <summary>
/// Links each event to the one before it with a keyed hash. Changing, inserting or removing an event
/// breaks every link after it; the key comes from the store's data key, so nobody without the
/// passphrase can rebuild a consistent chain.
/// </summary>
public static class AuditChain
{
    public static byte[] Genesis { get; } = new byte[32];

    public static byte[] Link(byte[] key, byte[] previousHash, AuditEvent e)
    {
        var canonical = string.Join('\n',
            e.Seq.ToString(CultureInfo.InvariantCulture),
            e.Type.ToString(),
            e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            e.ClientId?.ToString() ?? "",
            e.WorkerId.ToString(),
            e.Role,
            e.DeviceId.ToString(),
            e.Outcome.ToString(),
            e.Detail);
        var body = Encoding.UTF8.GetBytes(canonical);
        var input = new byte[previousHash.Length + body.Length];
        previousHash.CopyTo(input, 0);
        body.CopyTo(input, previousHash.Length);
        return HMACSHA256.HashData(key, input);
    }
}
