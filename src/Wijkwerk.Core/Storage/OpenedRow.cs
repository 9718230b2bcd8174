using System.Text.Json;

namespace Wijkwerk.Core.Storage;

/// <summary>
/// A record as a form opened it: the row version and every column's value as text. A save made later
/// (after a background pull, or from a draft restored days after a crash) changes only the columns the
/// person changed since then, and tells the server this version as their base, so a colleague's change
/// synced in meanwhile is kept or, on the same field, becomes a conflict.
/// </summary>
public sealed record OpenedRow(long Version, IReadOnlyDictionary<string, string?> Columns)
{
    /// <summary>How a form keeps it in its draft, to save against it after a crash.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, LocalJson.Default.OpenedRow);

    public static OpenedRow? FromJson(string json) => JsonSerializer.Deserialize(json, LocalJson.Default.OpenedRow);

    internal static OpenedRow Of(TableRow row, long version) =>
        new(version, row.Columns.ToDictionary(c => c, row.Text, StringComparer.Ordinal));

    /// <summary>
    /// The row as it is now with the columns the person changed since opening taken from <paramref name="edited"/>.
    /// </summary>
    internal TableRow ChangesOnto(TableRow current, TableRow edited)
    {
        foreach (var column in edited.Columns.Where(c => edited.Text(c) != Columns.GetValueOrDefault(c)).ToList())
            current.Take(edited, column);
        return current;
    }
}
