using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Clients;

/// <summary>
/// A Dutch name: first name, optional prefix (<c>van der</c>) and surname. Lists sort on the surname
/// without its prefix, as Dutch registers do.
/// </summary>
public sealed record PersonName
{
    public const int MaxPartLength = 100;

    private static readonly HashSet<string> PrefixWords = new(StringComparer.Ordinal)
    {
        "van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "op", "von", "la", "le", "du", "d'", "el", "al", "da", "dos",
    };

    private PersonName(string firstName, string prefix, string surname)
    {
        FirstName = firstName;
        Prefix = prefix;
        Surname = surname;
    }

    /// <summary>Dutch alphabetical order for <see cref="SortForm"/>, whatever the machine's own culture.</summary>
    public static StringComparer DutchOrder { get; } = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);

    public string FirstName { get; }

    public string Prefix { get; }

    public string Surname { get; }

    public string Full => Prefix.Length == 0 ? $"{FirstName} {Surname}" : $"{FirstName} {Prefix} {Surname}";

    /// <summary><c>Berg, Anna van der</c>: the form used in lists.</summary>
    public string SortForm => Prefix.Length == 0 ? $"{Surname}, {FirstName}" : $"{Surname}, {FirstName} {Prefix}";

    public static Parsed<PersonName> Create(string? firstName, string? prefix, string? surname)
    {
        var problems = Check(firstName, prefix, surname);
        if (problems.Count > 0)
            return problems[0];
        return Parsed<PersonName>.Ok(new PersonName(Normalise(firstName), Normalise(prefix), Normalise(surname)));
    }

    /// <summary>Every problem with the parts, first name first, so a form can show them all at once.</summary>
    public static IReadOnlyList<Problem> Check(string? firstName, string? prefix, string? surname)
    {
        var first = Normalise(firstName);
        var last = Normalise(surname);
        var pre = Normalise(prefix);
        var problems = new List<Problem>();
        if (first.Length == 0)
            problems.Add(new Problem("voornaam", TextId.FieldRequired));
        else if (first.Length > MaxPartLength)
            problems.Add(new Problem("voornaam", TextId.TooLong, MaxPartLength));
        if (last.Length == 0)
            problems.Add(new Problem("achternaam", TextId.FieldRequired));
        else if (last.Length + pre.Length > MaxPartLength)
            problems.Add(new Problem("achternaam", TextId.TooLong, MaxPartLength));
        return problems;
    }

    /// <summary>Splits a surname as written (<c>van der Berg</c>) into its prefix and the surname proper.</summary>
    public static Parsed<PersonName> FromFullSurname(string? firstName, string? fullSurname)
    {
        var (prefix, surname) = SplitSurname(fullSurname);
        return Create(firstName, prefix, surname);
    }

    /// <summary><c>van der Berg</c> → (<c>van der</c>, <c>Berg</c>); a lone word stays the surname.</summary>
    public static (string Prefix, string Surname) SplitSurname(string? fullSurname)
    {
        var words = Normalise(fullSurname).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var prefixLength = 0;
        while (prefixLength < words.Length - 1 && PrefixWords.Contains(words[prefixLength]))
            prefixLength++;
        return (string.Join(' ', words[..prefixLength]), string.Join(' ', words[prefixLength..]));
    }

    private static string Normalise(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
