using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Clients;

/// <summary>A burgerservicenummer that passes the elfproef. Never logged, never put in free text.</summary>
public readonly record struct Bsn
{
    private static readonly int[] Weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];

    private Bsn(string digits) => Digits = digits;

    public string Digits { get; }

    public static Parsed<Bsn> Parse(string? text, string field = "bsn")
    {
        // People copy a BSN as 1234.56.782 or with spaces; the separators carry no meaning.
        var digits = new string((text ?? "").Where(c => c is not (' ' or '.' or '-')).ToArray());
        if (digits.Length == 0)
            return Parsed<Bsn>.Fail(field, TextId.FieldRequired);
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
            return Parsed<Bsn>.Fail(field, TextId.BsnShape);
        if (!PassesElevenTest(digits))
            return Parsed<Bsn>.Fail(field, TextId.BsnElevenTest);
        return Parsed<Bsn>.Ok(new Bsn(digits));
    }

    /// <summary>Weights 9..2 and −1; the weighted sum is a non-zero multiple of 11.</summary>
    public static bool PassesElevenTest(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += (nineDigits[i] - '0') * Weights[i];
        return sum != 0 && sum % 11 == 0;
    }

    /// <summary>Shown on screen only with all but the last three digits hidden.</summary>
    public string Masked => "******" + Digits[6..];

    public override string ToString() => Masked;
}
