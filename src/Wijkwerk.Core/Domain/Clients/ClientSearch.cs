using System.Globalization;
using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Clients;

/// <summary>
/// The filter of the client list: every word typed must match the name, the postcode or the birth
/// date. Accents and case are ignored, so "jose" finds José; "1234ab" finds 1234 AB.
/// </summary>
public static class ClientSearch
{
    public static Func<Client, bool> Matching(string query) => Matching(query, Haystack);

    /// <param name="searchText">The folded text a client is searched in, e.g. from <see cref="SearchTexts"/>.</param>
    public static Func<Client, bool> Matching(string query, Func<Client, string> searchText)
    {
        var words = Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return _ => true;
        return client =>
        {
            var haystack = searchText(client);
            return words.All(w => haystack.Contains(w, StringComparison.Ordinal));
        };
    }

    /// <summary>
    /// Every listed client's search text, folded once when the list loads, so a keystroke in a filter over
    /// thousands of clients only compares strings.
    /// </summary>
    public static Func<Client, string> SearchTexts(IEnumerable<Client> clients)
    {
        var texts = clients.ToDictionary<Client, Client, string>(c => c, Haystack, ReferenceEqualityComparer.Instance);
        return client => texts.TryGetValue(client, out var text) ? text : Haystack(client);
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
        // Most names and postcodes are plain ASCII: there are no accents to strip, only letters to lower.
        if (System.Text.Ascii.IsValid(text))
            return text.ToLowerInvariant();
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var kept = decomposed.Where(ch => CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).ToLowerInvariant();
    }
}
