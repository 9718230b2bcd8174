using System.Globalization;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Common;

/// <summary>Dates as people type them here: <c>dd-mm-jjjj</c> on screen, <c>yyyy-mm-dd</c> in files.</summary>
public static class DateText
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy"];

    public static Parsed<DateOnly> Parse(string? text, string field)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
            return Parsed<DateOnly>.Fail(field, TextId.FieldRequired);
        return DateOnly.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Parsed<DateOnly>.Ok(date)
            : Parsed<DateOnly>.Fail(field, TextId.DateShape, trimmed);
    }

    public static string Show(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
