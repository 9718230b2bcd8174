using System.Globalization;
using Wijkwerk.Core.Domain.Visits;

namespace Wijkwerk.Core.Sync.Rules;

/// <summary>A column whose text is not what the row writer puts there.</summary>
internal sealed class ColumnException(string column, Exception? inner) : Exception(column, inner)
{
    public string Column { get; } = column;
}

/// <summary>Reads the column texts of a stored or pushed row back into values; a text of the wrong shape throws <see cref="ColumnException"/> naming the column.</summary>
internal sealed class ColumnReader(IReadOnlyDictionary<string, string?> row)
{
    public bool Has(string column) => !string.IsNullOrEmpty(row.GetValueOrDefault(column));

    public string Text(string column) => row.GetValueOrDefault(column) ?? "";

    public T Enum<T>(string column)
        where T : struct, System.Enum =>
        RowRules.TryEnum<T>(Text(column), out var value) ? value : throw new ColumnException(column, null);

    public T? OptionalEnum<T>(string column)
        where T : struct, System.Enum =>
        Has(column) ? Enum<T>(column) : null;

    public long Long(string column) =>
        long.TryParse(Text(column), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw new ColumnException(column, null);

    public int? OptionalInt(string column) =>
        !Has(column) ? null
        : int.TryParse(Text(column), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw new ColumnException(column, null);

    public bool Flag(string column) => Text(column) switch
    {
        "1" => true,
        "0" => false,
        _ => throw new ColumnException(column, null),
    };

    public DateOnly Date(string column) =>
        DateOnly.TryParseExact(Text(column), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : throw new ColumnException(column, null);

    public DateOnly? OptionalDate(string column) => Has(column) ? Date(column) : null;

    public DateTimeOffset Instant(string column) =>
        DateTimeOffset.TryParse(Text(column), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new ColumnException(column, null);

    public DateTimeOffset? OptionalInstant(string column) => Has(column) ? Instant(column) : null;

    public System.Guid Guid(string column) => System.Guid.TryParse(Text(column), out var id) ? id : throw new ColumnException(column, null);

    public ZrmAssessment? Zrm(string column)
    {
        try
        {
            return ZrmText.Read(Text(column));
        }
        catch (FormatException e)
        {
            throw new ColumnException(column, e);
        }
    }
}
