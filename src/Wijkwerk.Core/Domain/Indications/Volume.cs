using System.Globalization;
using System.Text.RegularExpressions;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Indications;

/// <summary>
/// iWmo omvang: amount + unit + frequency, e.g. 3 hours per week. With the euro unit the amount is in
/// cents (as iWmo itself does); every other unit takes whole numbers (iWmo rule IV042). A part of an hour,
/// as in "2,5 uur per week", is therefore kept as whole minutes (150 minutes per week): minute is iWmo's
/// smallest unit of time, so the municipal system takes the value over as it is, old rows keep reading the
/// same, and the server's check of whole amounts holds. It is shown the way it was typed, with the minutes
/// beside it ("2,5 uur (150 minuten) per week").
/// </summary>
/// <param name="EnteredIn">
/// For an amount kept in minutes, the unit of time it was typed in ("0,5" uur, "1,5" dagdeel, or minutes
/// themselves), so it reads back in that unit. Null where the amount is in the unit it was typed in, and on
/// rows from before the unit was kept: those minutes read back as hours when only a part of an hour explains them.
/// </param>
public sealed partial record Volume(long Amount, VolumeUnit Unit, VolumeFrequency Frequency, VolumeUnit? EnteredIn = null)
{
    public const long MaxWholeAmount = 100_000;
    public const long MaxCents = 1_000_000_000;
    private const int MinutesPerHour = 60;
    private const int HundredthsPerUnit = 100;

    /// <summary>
    /// Reads the amount the way a person types it: a whole number; for time also a decimal with a comma or a
    /// point ("2,5" hours becomes 150 minutes); for euros an amount like 1.250,00.
    /// </summary>
    public static Parsed<Volume> Parse(string? text, VolumeUnit unit, VolumeFrequency frequency)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Parsed<Volume>.Fail("omvang", TextId.FieldRequired);
        if (unit == VolumeUnit.Euro)
        {
            var money = Money.Parse(text, "omvang");
            if (!money.IsValid)
                return money.Problem;
            if (money.Value.Cents <= 0)
                return Parsed<Volume>.Fail("omvang", TextId.VolumeAmountShape);
            return money.Value.Cents > MaxCents
                ? Parsed<Volume>.Fail("omvang", TextId.VolumeTooLarge, new Money(MaxCents).ToString())
                : Parsed<Volume>.Ok(new Volume(money.Value.Cents, unit, frequency));
        }

        var typed = text.Trim();
        if (!Decimal().IsMatch(typed)
            || !decimal.TryParse(typed.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            return Parsed<Volume>.Fail("omvang", TextId.VolumeAmountShape);
        if (decimal.Truncate(amount) == amount)
        {
            return amount > MaxWholeAmount
                ? Parsed<Volume>.Fail("omvang", TextId.VolumeTooLarge, MaxWholeAmount)
                : Parsed<Volume>.Ok(new Volume((long)amount, unit, frequency, unit == VolumeUnit.Minute ? VolumeUnit.Minute : null));
        }

        if (unit.Minutes() is not { } unitMinutes)
            return Parsed<Volume>.Fail("omvang", TextId.VolumeWholePieces);
        var minutes = amount * unitMinutes;
        if (decimal.Truncate(minutes) != minutes)
        {
            var rounded = ((long)Math.Max(1, decimal.Round(minutes))).ToString(CultureInfo.InvariantCulture);
            return Parsed<Volume>.Fail("omvang", TextId.VolumeWholeMinutes, rounded);
        }

        return minutes > MaxWholeAmount
            ? Parsed<Volume>.Fail("omvang", TextId.VolumeTooLarge, new Count(MaxWholeAmount, Noun.Minute))
            : Parsed<Volume>.Ok(new Volume((long)minutes, VolumeUnit.Minute, frequency, unit));
    }

    /// <summary>
    /// The amount and unit as typed: minutes in the unit they were entered in ("0,5" uur is 30 minutes). On a row
    /// from before that unit was kept, minutes that only a part of an hour explains (150) read back as hours
    /// ("2,5"), since whole hours were kept as hours; everything else as stored.
    /// </summary>
    public (string Amount, VolumeUnit Unit) AsTyped() =>
        Unit == VolumeUnit.Euro
            ? ((Amount / 100m).ToString("0.00", Dutch), Unit)
            : TypedTimeUnit() is { } typed
                ? (InUnit(typed).ToString("0.##", Dutch), typed)
                : (Amount.ToString(CultureInfo.InvariantCulture), Unit);

    private static CultureInfo Dutch => CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The unit of time other than minutes that these minutes were typed in; null when they read as stored.</summary>
    private VolumeUnit? TypedTimeUnit() =>
        Unit != VolumeUnit.Minute ? null
        : EnteredIn is { } entered ? (entered != VolumeUnit.Minute && entered.Minutes() is not null ? entered : null)
        : IsPartOfAnHourOver60 ? VolumeUnit.Hour
        : null;

    // A whole number of hundredths of an hour (a multiple of 3 minutes) over an hour, not a whole number of hours.
    private bool IsPartOfAnHourOver60 => Amount > MinutesPerHour && Amount % MinutesPerHour != 0 && Amount % 3 == 0;

    private decimal InUnit(VolumeUnit timeUnit) => Amount / (decimal)timeUnit.Minutes()!.Value;

    [GeneratedRegex(@"^[0-9]{1,7}([.,][0-9]{1,2})?$")]
    private static partial Regex Decimal();

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
        if (EnteredIn is { } entered && !FitsEnteredUnit(entered))
            yield return new Problem("eenheid", TextId.VolumeEnteredUnitMismatch, entered);
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

    /// <summary>
    /// Only minutes are kept for another unit, and only as many as that unit with at most two decimals makes
    /// (what <see cref="Parse"/> accepts), so the amount reads back exactly as typed.
    /// </summary>
    private bool FitsEnteredUnit(VolumeUnit entered) =>
        Unit == VolumeUnit.Minute && entered.Minutes() is { } unitMinutes && Amount * HundredthsPerUnit % unitMinutes == 0;

    /// <summary>
    /// "3 uur per week", "2,5 uur (150 minuten) per week", "0,5 dagdeel (120 minuten) per week",
    /// "€ 1.250,00 totaal binnen geldigheidsduur".
    /// </summary>
    public string Show(Lang lang)
    {
        var amount = Unit == VolumeUnit.Euro
            ? new Money(Amount).ToString()
            : $"{Amount.ToString(CultureInfo.InvariantCulture)} {EnumTexts.Counted(Unit, Amount, lang)}";
        if (TypedTimeUnit() is { } typed)
        {
            var inUnit = InUnit(typed);
            amount = $"{inUnit.ToString("0.##", lang == Lang.En ? CultureInfo.InvariantCulture : Dutch)} {EnumTexts.Counted(typed, UnitCount(inUnit, lang), lang)} ({amount})";
        }

        return $"{amount} {EnumTexts.Name(Frequency, lang)}";
    }

    // Dutch counts a part of one in the singular ("0,5 dagdeel"), English in the plural ("0.5 hours").
    private static long UnitCount(decimal amount, Lang lang) => amount == 1 || (lang != Lang.En && amount < 1) ? 1 : 2;
}
