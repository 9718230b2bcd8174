using System.Globalization;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Patterns;

namespace Wijkwerk.Core.Storage;

/// <summary>
/// Reads one row's columns by name, opening sealed ones with the store's key. A bottleneck tag is read as the tag it
/// resolves to in the admin's list (<paramref name="tags"/>, read once per query and only when a tag is read).
/// </summary>
internal readonly struct RowReader(LocalStore store, string table, SqliteDataReader reader, ColumnOrdinals ordinals, Lazy<BottleneckTagList> tags)
{
    public string Id => reader.GetString(ordinals["id"]);

    public string Text(string column) => reader.GetString(ordinals[column]);

    public string? NullableText(string column)
    {
        var ordinal = ordinals[column];
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    /// <summary>The tag as every laptop shows, exports and counts it: through the admin's merges; "" when none was given.</summary>
    public string Tag(string column) => NullableText(column) is { } tag ? tags.Value.Show(tag) : "";

    public long Integer(string column) => reader.GetInt64(ordinals[column]);

    public string Secret(string column) => store.Fields.Decrypt((byte[])reader[ordinals[column]], table, column, Id);

    public DateTimeOffset Instant(string column) => InstantText.Read(Text(column));

    public DateTimeOffset? NullableInstant(string column) => NullableText(column) is { } text ? InstantText.Read(text) : null;
}

/// <summary>
/// A result's column positions by name, looked up once per query: the reader's own lookup compares the names of
/// every column on each call, which cost more than reading the values when a list of thousands of rows was read.
/// </summary>
internal sealed class ColumnOrdinals
{
    private readonly Dictionary<string, int> _byName;

    public ColumnOrdinals(SqliteDataReader reader)
    {
        _byName = new Dictionary<string, int>(reader.FieldCount, StringComparer.OrdinalIgnoreCase);
        for (var i = reader.FieldCount - 1; i >= 0; i--)
            _byName[reader.GetName(i)] = i;
    }

    public int this[string column] =>
        _byName.TryGetValue(column, out var ordinal) ? ordinal : throw new IndexOutOfRangeException($"No column {column} in this result.");
}
