using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
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
    public static uint Of(string table, Guid rowId, long version, IReadOnlyDictionary<string, string?> values)
    {
        // A loop, not Select(...).ToArray(), which took a delegate and a growing buffer for each row: a push counts every row
        // it writes this way, on the server as it stores it and on the laptop as it records the answer.
        var columns = SyncSchema.ColumnsOf(table);
        var ordered = new string?[columns.Count];
        for (var i = 0; i < ordered.Length; i++)
            ordered[i] = values.GetValueOrDefault(columns[i]);
        return Of(table, rowId, version, ordered);
    }

    /// <param name="values">The row's values in <see cref="SyncSchema.ColumnsOf"/> order.</param>
    public static uint Of(string table, Guid rowId, long version, IReadOnlyList<string?> values)
    {
        var addedLater = SyncSchema.Find(table)?.AddedLater;
        var columns = addedLater is null ? null : SyncSchema.ColumnsOf(table);
        var most = Encoding.UTF8.GetMaxByteCount(table.Length) + 64;
        for (var i = 0; i < values.Count; i++)
            most += Encoding.UTF8.GetMaxByteCount(values[i]?.Length ?? 0) + 16;

        // The canonical form is written as UTF-8 straight into one buffer: built as a string first, every row counted
        // allocated its text twice over, and a first sync counts 100,000.
        var rented = most > 1024 ? ArrayPool<byte>.Shared.Rent(most) : null;
        Span<byte> text = rented ?? stackalloc byte[1024];
        var at = Encoding.UTF8.GetBytes(table, text);
        text[at++] = (byte)'\n';
        rowId.TryFormat(text[at..], out var written, "D");
        at += written;
        text[at++] = (byte)'\n';
        version.TryFormat(text[at..], out written, provider: CultureInfo.InvariantCulture);
        at += written;
        for (var i = 0; i < values.Count; i++)
        {
            // Length-prefixed (in UTF-16 characters), so no value can imitate a column boundary.
            var canonical = values[i] ?? "";
            if (canonical.Length == 0 && columns is not null && i < columns.Count && addedLater!.Contains(columns[i]))
                continue;
            text[at++] = (byte)'\n';
            canonical.Length.TryFormat(text[at..], out written, provider: CultureInfo.InvariantCulture);
            at += written;
            text[at++] = (byte)':';
            at += Encoding.UTF8.GetBytes(canonical, text[at..]);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(text[..at], hash);
        // The values are personal data opened for this count: wiped before the buffer goes back to the pool.
        CryptographicOperations.ZeroMemory(text[..at]);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
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
