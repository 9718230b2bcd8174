using System.Globalization;

namespace Wijkwerk.Core.Domain.Common;

/// <summary>Instants as the stores keep them as text: UTC in the round-trip form, <c>2026-03-14T09:30:00.0000000Z</c>.</summary>
public static class InstantText
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    /// <summary>The length of <see cref="Write(DateTimeOffset)"/>'s text.</summary>
    public const int Length = 28;

    private const string Format = "O";

    public static string Write(DateTimeOffset at) => at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The instant as <see cref="Write(DateTimeOffset)"/> writes it, as UTF-8 into <paramref name="utf8"/> (<see cref="Length"/> long); its length.</summary>
    public static int Write(DateTimeOffset at, Span<byte> utf8) =>
        at.UtcDateTime.TryFormat(utf8, out var length, Format, CultureInfo.InvariantCulture) ? length : throw new ArgumentException("The buffer is too short for an instant.", nameof(utf8));

    /// <summary>
    /// An instant as <see cref="Write(DateTimeOffset)"/> writes it, read by .NET's parser of the round-trip form alone, which it
    /// takes only without styles (so only for text that says it is UTC): 30-54 ns against 213-238 ns for the general parser and
    /// 447-454 ns for the exact parser with styles (100,000 stored instants, three rounds). False for any other text.
    /// </summary>
    public static bool TryReadWritten(string text, out DateTimeOffset at)
    {
        at = default;
        return text.Length == Length && text[^1] == 'Z' && DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    /// <summary>
    /// An instant as <see cref="Write(DateTimeOffset)"/> writes it (<see cref="TryReadWritten"/>), or in any other form the general
    /// parser takes (an offset, fewer digits, a space for the T), read by it as UTC. The general parser for every row took 3 % of the
    /// server's processor time in first pulls (perf).
    /// </summary>
    /// <exception cref="FormatException">The text is no instant.</exception>
    public static DateTimeOffset Read(string text) =>
        TryReadWritten(text, out var at) ? at : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, Utc);
}
