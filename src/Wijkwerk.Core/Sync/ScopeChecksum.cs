using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Wijkwerk.Core.Sync;

/// <summary>
/// An additive checksum of a set of rows (PowerSync's idea): the sum, modulo 2³², of the first four
/// bytes of SHA-256 over each row's canonical form. Order does not matter, so the server and a laptop
/// can compare their sets without sending them.
///
/// The canonical form is the table, id and version and then every synced value of the row, in
/// <see cref="SyncSchema.ColumnsOf"/> order, so two copies of a row that differ in a value at the same
/// version differ in their sums. A missing value, null and "" count the same: the laptop seals a null
/// secret as "", and the server stores what was pushed. A column added to a table later counts only when it
/// holds a value, so every row stored before it came keeps the sum the server stored for it.
/// </summary>
public static class ScopeChecksum
{
    public static uint Of(string table, Guid rowId, long version, IReadOnlyDictionary<string, string?> values) =>
        Of(table, rowId, version, SyncSchema.ColumnsOf(table).Select(values.GetValueOrDefault).ToArray());

    /// <param name="values">The row's values in <see cref="SyncSchema.ColumnsOf"/> order.</param>
    public static uint Of(string table, Guid rowId, long version, IReadOnlyList<string?> values)
    {
        var text = new StringBuilder(256).Append(table).Append('\n').Append(rowId.ToString("D")).Append('\n').Append(version);
        var addedLater = SyncSchema.Find(table)?.AddedLater;
        var columns = addedLater is null ? null : SyncSchema.ColumnsOf(table);
        for (var i = 0; i < values.Count; i++)
        {
            // Length-prefixed, so no value can imitate a column boundary.
            var canonical = values[i] ?? "";
            if (canonical.Length == 0 && columns is not null && i < columns.Count && addedLater!.Contains(columns[i]))
                continue;
            text.Append('\n').Append(canonical.Length).Append(':').Append(canonical);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }

    public static uint Sum(IEnumerable<uint> rowSums)
    {
        uint sum = 0;
        foreach (var rowSum in rowSums)
            sum = unchecked(sum + rowSum);
        return sum;
    }
}
