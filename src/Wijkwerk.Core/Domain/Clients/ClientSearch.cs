using System.Globalization;
using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Clients;

/// <summary>
/// The filter of the client list: every word typed must match the name, the postcode or the birth
/// date. Accents and case are ignored, so "jose" finds José; "1234ab" finds 1234 AB.
/// </summary>
public static class ClientSearch
{
    public static Func<Client, bool> Matching(string query)
    {
        var words = Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return _ => true;
        return client =>
        {
            var haystack = Haystack(client);
            return words.All(w => haystack.Contains(w, StringComparison.Ordinal));
        };
    }

    private static string Haystack(Client c) => Fold(string.Join(' ',
        c.Name.Full,
        c.Address.Postcode.Value,
        c.Address.Postcode.Value.Replace(" ", ""),
        DateText.Show(c.BirthDate),
        DateText.Iso(c.BirthDate)));

    /// <summary>Lower case without accents: the form every list filter compares in.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var kept = decomposed.Where(ch => CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).ToLowerInvariant();
    }
}
