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
        var code = Postcode.Parse(postcode);
        if (!code.IsValid)
            return code.Problem;
        var numberText = (houseNumber ?? "").Trim();
        if (numberText.Length == 0)
            return Parsed<Address>.Fail("huisnummer", TextId.FieldRequired);
        if (!int.TryParse(numberText, out var number) || number is < 1 or > MaxHouseNumber)
            return Parsed<Address>.Fail("huisnummer", TextId.HouseNumberShape, MaxHouseNumber);
        var extra = (addition ?? "").Trim();
        if (extra.Length > MaxAdditionLength || !extra.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ' '))
            return Parsed<Address>.Fail("toevoeging", TextId.AdditionShape, MaxAdditionLength);
        return Parsed<Address>.Ok(new Address(code.Value, number, extra.ToUpperInvariant()));
    }

    public string HouseNumberText => Addition.Length == 0 ? HouseNumber.ToString() : $"{HouseNumber} {Addition}";

    public override string ToString() => $"{Postcode} {HouseNumberText}";
}
