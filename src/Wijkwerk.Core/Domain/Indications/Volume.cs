using System.Globalization;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Indications;

/// <summary>
/// iWmo omvang: amount + unit + frequency, e.g. 3 hours per week. With the euro unit the amount is in
/// cents (as iWmo itself does); every other unit takes whole numbers.
/// </summary>
public sealed record Volume(long Amount, VolumeUnit Unit, VolumeFrequency Frequency)
{
    public const long MaxWholeAmount = 100_000;
    public const long MaxCents = 1_000_000_000;

    /// <summary>Reads the amount the way a person types it: a whole number, or for euros an amount like 1.250,00.</summary>
    public static Parsed<long> ParseAmount(string? text, VolumeUnit unit)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Parsed<long>.Fail("omvang", TextId.FieldRequired);
        if (unit == VolumeUnit.Euro)
        {
            var money = Money.Parse(text, "omvang");
            if (!money.IsValid)
                return money.Problem;
            if (money.Value.Cents <= 0)
                return Parsed<long>.Fail("omvang", TextId.VolumeAmountShape);
            return money.Value.Cents > MaxCents
                ? Parsed<long>.Fail("omvang", TextId.VolumeTooLarge, new Money(MaxCents).ToString())
                : Parsed<long>.Ok(money.Value.Cents);
        }

        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            return Parsed<long>.Fail("omvang", TextId.VolumeAmountShape);
        return amount > MaxWholeAmount
            ? Parsed<long>.Fail("omvang", TextId.VolumeTooLarge, MaxWholeAmount)
            : Parsed<long>.Ok(amount);
    }

    /// <summary>
    /// Whether unit and frequency fit together and with the category: time cannot exceed the period it is
    /// counted in, aids are supplied once, and a total needs a validity to be a total of.
    /// </summary>
    public IEnumerable<Problem> Check(ProductCategory category, int? durationMonths)
    {
        var limit = Unit == VolumeUnit.Euro ? MaxCents : MaxWholeAmount;
        if (Amount <= 0)
            yield return new Problem("omvang", TextId.VolumeAmountShape);
        else if (Amount > limit)
            yield return new Problem("omvang", TextId.VolumeTooLarge, Unit == VolumeUnit.Euro ? new Money(limit).ToString() : limit);
        if (!Enum.IsDefined(Unit))
            yield return new Problem("eenheid", TextId.UnknownCode, Unit);
        if (!Enum.IsDefined(Frequency))
            yield return new Problem("frequentie", TextId.UnknownCode, Frequency);
        if (!Enum.IsDefined(Unit) || !Enum.IsDefined(Frequency))
            yield break;

        if (category.IsAid() && (Unit is not (VolumeUnit.Pieces or VolumeUnit.Euro) || Frequency != VolumeFrequency.TotalWithinValidity))
            yield return new Problem("eenheid", TextId.VolumeAidUnitFrequency, category);
        if (Frequency == VolumeFrequency.TotalWithinValidity && durationMonths is null)
            yield return new Problem("duur", TextId.VolumeTotalNeedsDuration);

        var period = Frequency.Minutes() ?? (durationMonths is { } months ? months * 31L * 24 * 60 : null);
        if (Unit.Minutes() is { } unitMinutes && period is { } periodMinutes && Amount > 0 && Amount <= limit && Amount * unitMinutes > periodMinutes)
            yield return new Problem("frequentie", TextId.VolumeExceedsPeriod, this);
    }

    /// <summary>"3 uur per week", "€ 1.250,00 totaal binnen geldigheidsduur".</summary>
    public string Show(Lang lang)
    {
        var amount = Unit == VolumeUnit.Euro
            ? new Money(Amount).ToString()
            : $"{Amount.ToString(CultureInfo.InvariantCulture)} {EnumTexts.Counted(Unit, Amount, lang)}";
        return $"{amount} {EnumTexts.Name(Frequency, lang)}";
    }
}
