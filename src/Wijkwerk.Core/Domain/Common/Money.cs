using System.Globalization;
using System.Text.RegularExpressions;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Common;

/// <summary>An amount in euro cents. Shown the Dutch way: <c>€ 1.234,56</c>.</summary>
public readonly partial record struct Money(long Cents) : IComparable<Money>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static Money Zero => new(0);

    public static Money FromEuros(long euros) => new(checked(euros * 100));

    public static Money operator +(Money a, Money b) => new(checked(a.Cents + b.Cents));

    public static Money operator -(Money a, Money b) => new(checked(a.Cents - b.Cents));

    public int CompareTo(Money other) => Cents.CompareTo(other.Cents);

    /// <summary>Accepts <c>1.234,56</c>, <c>€ 12,50</c>, <c>12</c> and <c>-3,5</c>; a point alone before two digits is a decimal point.</summary>
    public static Parsed<Money> Parse(string? text, string field = "bedrag")
    {
        var s = (text ?? "").Replace("€", "").Replace(" ", "").Trim();
        if (s.Length == 0)
            return Parsed<Money>.Fail(field, TextId.FieldRequired);
        if (!s.Contains(',') && s.Count(c => c == '.') == 1 && s.Length - s.IndexOf('.') - 1 is 1 or 2)
            s = s.Replace('.', ',');
        // decimal.TryParse ignores where group separators stand: "1.2.3" would be € 123 and "1..2" € 12.
        var whole = s.Split(',')[0];
        if (whole.Contains('.') && !ThousandsGrouping().IsMatch(whole))
            return Parsed<Money>.Fail(field, TextId.MoneyShape);
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, Dutch, out var euros))
            return Parsed<Money>.Fail(field, TextId.MoneyShape);
        // Range first: euros * 100 overflows decimal itself for the largest amounts a person can type.
        if (euros is > long.MaxValue / 100m or < long.MinValue / 100m)
            return Parsed<Money>.Fail(field, TextId.MoneyShape);
        var cents = euros * 100;
        if (cents != decimal.Truncate(cents))
            return Parsed<Money>.Fail(field, TextId.MoneyShape);
        return Parsed<Money>.Ok(new Money((long)cents));
    }

    public override string ToString()
    {
        var sign = Cents < 0 ? "-" : "";
        return $"€ {sign}{(Math.Abs((decimal)Cents) / 100m).ToString("#,##0.00", Dutch)}";
    }

    [GeneratedRegex(@"^[+-]?[0-9]{1,3}(\.[0-9]{3})+$")]
    private static partial Regex ThousandsGrouping();
}
