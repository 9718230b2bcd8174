using System.Globalization;
using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Indications.Reports;

public enum PeriodKind
{
    Month,
    Quarter,
}

/// <summary>
/// A calendar month or quarter of the Dutch calendar. An instant belongs to the period of its day in
/// Amsterdam, so a decision at 23:30 UTC on the last of the month counts in the next month, as the
/// consultant who took it experienced it.
/// </summary>
public readonly record struct ReportPeriod(PeriodKind Kind, int Year, int Number) : IComparable<ReportPeriod>
{
    public static ReportPeriod Of(DateOnly day, PeriodKind kind) =>
        new(kind, day.Year, kind == PeriodKind.Month ? day.Month : (day.Month + 2) / 3);

    public static ReportPeriod Of(DateTimeOffset instant, PeriodKind kind) =>
        Of(AmsterdamTime.DayOf(instant), kind);

    public DateOnly First => new(Year, Kind == PeriodKind.Month ? Number : (Number * 3) - 2, 1);

    public DateOnly Last => First.AddMonths(Kind == PeriodKind.Month ? 1 : 3).AddDays(-1);

    /// <summary>"2026-03" or "2026-Q1": the same in every language, sortable, and what the export writes.</summary>
    public string Code => Kind == PeriodKind.Month
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Number:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-Q{Number}");

    public int CompareTo(ReportPeriod other) => (Kind, Year, Number).CompareTo((other.Kind, other.Year, other.Number));

    public override string ToString() => Code;
}
