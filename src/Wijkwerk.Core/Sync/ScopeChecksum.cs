using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Wijkwerk.Core.Sync;

/// <summary>
/// An additive checksum of a set of rows (PowerSync's idea): the sum, modulo 2³², of the first four
/// bytes of SHA-256 over each row's table, id and version. Order does not matter, so the server and a
/// laptop can compare their sets without sending them.
/// </summary>
public static class ScopeChecksum
{
    public static uint Of(string table, Guid rowId, long version)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{table}\n{rowId}\n{version}"), hash);
        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }

    public static uint Sum(IEnumerable<(string Table, Guid RowId, long Version)> rows)
    {
        uint sum = 0;
        foreach (var (table, id, version) in rows)
            sum = unchecked(sum + Of(table, id, version));
        return sum;
    }
}
