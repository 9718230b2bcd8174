using System.Globalization;

namespace Wijkwerk.Core.Domain.Common;

/// <summary>Instants as the stores keep them as text: UTC in the round-trip form, <c>2026-03-14T09:30:00.0000000Z</c>.</summary>
public static class InstantText
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    public static string Write(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// An instant in the round-trip form, read by the parser of that form alone; any other form the general parser takes
    /// (an offset, fewer digits, a space for the T), read by it. The general parser for every row took 3 % of the server's
    /// processor time in first pulls (perf).
    /// </summary>
    /// <exception cref="FormatException">The text is no instant.</exception>
    public static DateTimeOffset Read(string text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, Utc, out var at) ? at : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, Utc);
}
