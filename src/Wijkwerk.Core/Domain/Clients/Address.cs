using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Clients;

/// <summary>A Dutch address as the BAG keys it: postcode, house number and an optional addition.</summary>
public sealed record Address(Postcode Postcode, int HouseNumber, string Addition)
{
    public const int MaxHouseNumber = 99999;
    public const int MaxAdditionLength = 6;

    public static Parsed<Address> Create(string? postcode, string? houseNumber, string? addition)
    {
        var (code, number, extra) = Parts(postcode, houseNumber, addition);
        if (!code.IsValid)
            return code.Problem;
        if (!number.IsValid)
            return number.Problem;
        if (!extra.IsValid)
            return extra.Problem;
        return Parsed<Address>.Ok(new Address(code.Value, number.Value, extra.Value));
    }

    /// <summary>Every problem with the three parts, so a form can show them all at once.</summary>
    public static IReadOnlyList<Problem> Check(string? postcode, string? houseNumber, string? addition)
    {
        var (code, number, extra) = Parts(postcode, houseNumber, addition);
        return new[] { code.Problem, number.Problem, extra.Problem }.OfType<Problem>().ToList();
    }

    private static (Parsed<Postcode> Code, Parsed<int> Number, Parsed<string> Extra) Parts(string? postcode, string? houseNumber, string? addition)
    {
        var code = Postcode.Parse(postcode);
        var numberText = (houseNumber ?? "").Trim();
        var number = numberText.Length == 0
            ? Parsed<int>.Fail("huisnummer", TextId.FieldRequired)
            : int.TryParse(numberText, out var n) && n is >= 1 and <= MaxHouseNumber
                ? Parsed<int>.Ok(n)
                : Parsed<int>.Fail("huisnummer", TextId.HouseNumberShape, MaxHouseNumber);
        var extraText = (addition ?? "").Trim();
        var extra = extraText.Length > MaxAdditionLength || !extraText.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ' ')
            ? Parsed<string>.Fail("toevoeging", TextId.AdditionShape, MaxAdditionLength)
            : Parsed<string>.Ok(extraText.ToUpperInvariant());
        return (code, number, extra);
    }

    public string HouseNumberText => Addition.Length == 0 ? HouseNumber.ToString() : $"{HouseNumber} {Addition}";

    public override string ToString() => $"{Postcode} {HouseNumberText}";
}
