using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Clients;

/// <summary>
/// A phone number: Dutch numbers held as ten digits starting with 0 (from 06…, +316… or 00316…),
/// foreign numbers as + followed by 8 to 15 digits.
/// </summary>
public readonly record struct PhoneNumber
{
    private PhoneNumber(string value) => Value = value;

    public string Value { get; }

    public static Parsed<PhoneNumber> Parse(string? text, string field = "telefoon")
    {
        var raw = (text ?? "").Trim();
        if (raw.Length == 0)
            return Parsed<PhoneNumber>.Fail(field, TextId.FieldRequired);
        var compact = new string(raw.Where(c => c is not (' ' or '-' or '(' or ')' or '.')).ToArray());
        if (compact.StartsWith("00", StringComparison.Ordinal))
            compact = "+" + compact[2..];
        if (compact.StartsWith("+31", StringComparison.Ordinal))
            compact = "0" + compact[3..];

        // Only one leading +: TrimStart would let "++32…" through and store it with both.
        var digits = compact.StartsWith('+') ? compact[1..] : compact;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            return Parsed<PhoneNumber>.Fail(field, TextId.PhoneShape);
        var valid = compact[0] == '+'
            ? digits.Length is >= 8 and <= 15
            : compact.Length == 10 && compact[0] == '0' && compact[1] != '0';
        return valid
            ? Parsed<PhoneNumber>.Ok(new PhoneNumber(compact))
            : Parsed<PhoneNumber>.Fail(field, TextId.PhoneShape);
    }

    public override string ToString() => Value;
}
