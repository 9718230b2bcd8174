using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Wijkwerk.Core.Storage;

/// <summary>Reads one row's columns by name, opening sealed ones with the store's key.</summary>
internal readonly struct RowReader(LocalStore store, string table, SqliteDataReader reader)
{
    public string Id => reader.GetString(reader.GetOrdinal("id"));

    public string Text(string column) => reader.GetString(reader.GetOrdinal(column));

    public string? NullableText(string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public long Integer(string column) => reader.GetInt64(reader.GetOrdinal(column));

    public string Secret(string column) => store.Fields.Decrypt((byte[])reader[column], table, column, Id);

    public DateTimeOffset Instant(string column) => ParseInstant(Text(column));

    public DateTimeOffset? NullableInstant(string column) => NullableText(column) is { } text ? ParseInstant(text) : null;

    public static string FormatInstant(DateTimeOffset instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
