using System.Globalization;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Patterns;

namespace Wijkwerk.Core.Storage;

/// <summary>
/// Reads one row's columns by name, opening sealed ones with the store's key. A bottleneck tag is read as the tag it
/// resolves to in the admin's list (<paramref name="tags"/>, read once per query and only when a tag is read).
/// </summary>
internal readonly struct RowReader(LocalStore store, string table, SqliteDataReader reader, ColumnOrdinals ordinals, Lazy<BottleneckTagList> tags)
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

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

    public DateTimeOffset Instant(string column) => ParseInstant(Text(column));

    public DateTimeOffset? NullableInstant(string column) => NullableText(column) is { } text ? ParseInstant(text) : null;

    public static string FormatInstant(DateTimeOffset instant) => instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>The instant as <see cref="FormatInstant(DateTimeOffset)"/> writes it, as UTF-8 into <paramref name="utf8"/> (<see cref="LongestInstant"/> long); its length.</summary>
    public static int FormatInstant(DateTimeOffset instant, Span<byte> utf8) =>
        instant.UtcDateTime.TryFormat(utf8, out var length, InstantFormat, CultureInfo.InvariantCulture) ? length : throw new ArgumentException("The buffer is too short for an instant.", nameof(utf8));

    /// <summary>The longest instant <see cref="FormatInstant(DateTimeOffset)"/> writes ("2026-12-04T15:02:48.1234567Z").</summary>
    public const int LongestInstant = 28;

    private const string InstantFormat = "O";

    // Everything this program writes is in the round-trip form, which parses several times faster than the general
    // parser; a value in another form (written by hand or by an older version) still reads.
    private static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, Utc, out var instant)
            ? instant
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, Utc);
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
