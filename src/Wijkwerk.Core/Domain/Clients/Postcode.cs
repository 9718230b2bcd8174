using System.Text.RegularExpressions;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Clients;

/// <summary>A Dutch postcode, always held as <c>1234 AB</c>.</summary>
public readonly partial record struct Postcode
{
    // PostNL never issues the letter pairs SA, SD and SS, and no postcode starts with 0.
    private static readonly HashSet<string> UnusedLetterPairs = ["SA", "SD", "SS"];

    private Postcode(string value) => Value = value;

    public string Value { get; }

    public static Parsed<Postcode> Parse(string? text, string field = "postcode")
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
            return Parsed<Postcode>.Fail(field, TextId.FieldRequired);
        var match = Shape().Match(trimmed);
        if (!match.Success)
            return Parsed<Postcode>.Fail(field, TextId.PostcodeShape);
        var letters = match.Groups["letters"].Value.ToUpperInvariant();
        if (UnusedLetterPairs.Contains(letters))
            return Parsed<Postcode>.Fail(field, TextId.PostcodeLettersUnused, letters);
        return Parsed<Postcode>.Ok(new Postcode($"{match.Groups["digits"].Value} {letters}"));
    }

    public override string ToString() => Value;

    [GeneratedRegex(@"^(?<digits>[1-9][0-9]{3}) ?(?<letters>[A-Za-z]{2})$")]
    private static partial Regex Shape();
}
