using System.Globalization;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// Where a first pull (<see cref="SqlSyncStore"/>, "first pull") stands, as the negative anchor the laptop sends back: the
/// first 15 hex digits of the last client a page delivered. The laptop keeps one number as its anchor, and a client id
/// does not fit in it; the clients a page delivers are therefore always every client of the scope up to and including
/// that prefix, so the next page starts at the first client whose prefix is higher. Ids share a prefix more often than
/// its length suggests: the app's ids are time-ordered (UUID version 7), so of those made in one millisecond the 15 digits
/// differ in the last two only. The stored ids are <see cref="Guid"/>s written in lower case (<c>"D"</c>), ordered byte by
/// byte in both stores, so the order of their prefixes is the order of the ids.
/// </summary>
public static class FirstPullCursor
{
    /// <summary>The 15 hex digits with their dashes: "xxxxxxxx-xxxx-xxx".</summary>
    private const int PrefixLength = 17;

    /// <summary>A character above every hex digit: a prefix followed by it lies above every id with that prefix.</summary>
    public const string AboveHex = "g";

    /// <summary>The lowest anchor a first pull hands out: the prefix of all f's.</summary>
    public const long MinAnchor = -(1L << 60);

    /// <summary>The anchor after a page whose last client is <paramref name="clientId"/>.</summary>
    public static long After(string clientId)
    {
        var digits = Prefix(clientId).Replace("-", "", StringComparison.Ordinal);
        return -long.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) - 1;
    }

    /// <summary>
    /// The lowest client id the page after <paramref name="anchor"/> may start at (bytewise): the anchor's prefix followed by
    /// <see cref="AboveHex"/>, so that every id with that prefix lies below it and every id with a higher prefix above.
    /// </summary>
    public static string From(long anchor)
    {
        if (anchor is >= 0 or < MinAnchor)
            throw new ArgumentOutOfRangeException(nameof(anchor), anchor, "Not an anchor of a first pull.");
        var digits = (-anchor - 1).ToString("x15", CultureInfo.InvariantCulture);
        return $"{digits[..8]}-{digits[8..12]}-{digits[12..]}{AboveHex}";
    }

    /// <summary>The lowest client id the page after the one that ended with <paramref name="clientId"/> may start at: as <see cref="From"/> of its anchor.</summary>
    public static string Above(string clientId) => Prefix(clientId) + AboveHex;

    /// <summary>The part of a client id that <see cref="After"/> keeps.</summary>
    public static string Prefix(string clientId) => clientId[..PrefixLength];

    /// <summary>Where the clients sharing the prefix of <paramref name="ids"/>[<paramref name="at"/>] begin, in ids in order.</summary>
    public static int PrefixStart(IReadOnlyList<string> ids, int at)
    {
        var prefix = Prefix(ids[at]);
        while (at > 0 && Prefix(ids[at - 1]) == prefix)
            at--;
        return at;
    }

    /// <summary>Just past the clients sharing the prefix of <paramref name="ids"/>[<paramref name="at"/>], in ids in order.</summary>
    public static int PrefixEnd(IReadOnlyList<string> ids, int at)
    {
        var prefix = Prefix(ids[at]);
        while (at < ids.Count && Prefix(ids[at]) == prefix)
            at++;
        return at;
    }
}
