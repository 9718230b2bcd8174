using FsCheck;
using FsCheck.Fluent;
using Wijkwerk.Core.Domain.Retention;

namespace Wijkwerk.Core.Tests.Domain.Retention;

/// <summary>
/// Issue 15 item 7: the retention schedule on its boundaries, one day before, on and after the day a file or an
/// access-log entry expires, for arbitrary days (leap days included), provisions and activity.
/// </summary>
public class RetentionRulesTests
{
    private static readonly Gen<DateOnly> Days = Gen.Choose(0, 40 * 366).Select(d => new DateOnly(2000, 1, 1).AddDays(d));

    [Fact]
    public void FileWithoutProvision_ExpiresFiveYearsAfterItsLastActivity()
    {
        var file = new FileHistory([], new DateOnly(2020, 3, 15));
        Assert.False(RetentionRules.FileExpired(file, new DateOnly(2025, 3, 14)));
        Assert.True(RetentionRules.FileExpired(file, new DateOnly(2025, 3, 15)));
        Assert.True(RetentionRules.FileExpired(file, new DateOnly(2025, 3, 16)));
    }

    [Fact]
    public void FileWithProvision_ExpiresFifteenYearsAfterTheLastProvisionEnded_NotAfterTheFirst()
    {
        // The later provision ends on 2011-07-01 (six months from 2011-01-01); its first day without it counts.
        var file = new FileHistory([new DecidedProvision(new DateOnly(2005, 1, 1), 12), new DecidedProvision(new DateOnly(2011, 1, 1), 6)], new DateOnly(2011, 2, 1));
        Assert.Equal(new DateOnly(2026, 7, 1), RetentionRules.FileExpiresOn(file));
        Assert.False(RetentionRules.FileExpired(file, new DateOnly(2026, 6, 30)));
        Assert.True(RetentionRules.FileExpired(file, new DateOnly(2026, 7, 1)));
        Assert.True(RetentionRules.FileExpired(file, new DateOnly(2026, 7, 2)));
    }

    [Fact]
    public void FileWithAnOpenEndedProvision_NeverExpires()
    {
        var file = new FileHistory([new DecidedProvision(new DateOnly(1990, 1, 1), null), new DecidedProvision(new DateOnly(1991, 1, 1), 1)], new DateOnly(1991, 1, 1));
        Assert.Null(RetentionRules.FileExpiresOn(file));
        Assert.False(RetentionRules.FileExpired(file, new DateOnly(2100, 1, 1)));
    }

    [Fact]
    public void WorkOnAFileLongAfterItsProvisionEnded_KeepsItFiveYearsFromThatWork()
    {
        var file = new FileHistory([new DecidedProvision(new DateOnly(2000, 1, 1), 12)], new DateOnly(2013, 5, 1));
        Assert.Equal(new DateOnly(2018, 5, 1), RetentionRules.FileExpiresOn(file));
        Assert.False(RetentionRules.FileExpired(file, new DateOnly(2018, 4, 30)));
    }

    [Fact]
    public void Property_FileWithoutProvision_KeptTheDayBefore_ExpiredOnAndAfter()
    {
        Prop.ForAll(Days.ToArbitrary(), last =>
        {
            var file = new FileHistory([], last);
            var on = last.AddYears(RetentionRules.YearsWithoutProvision);
            return !RetentionRules.FileExpired(file, on.AddDays(-1)) && RetentionRules.FileExpired(file, on) && RetentionRules.FileExpired(file, on.AddDays(1));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Property_FileWithEndedProvisions_KeptUntilFifteenYearsAfterTheLastEnd_ExpiredOnAndAfter()
    {
        var cases =
            from count in Gen.Choose(1, 4)
            from starts in Gen.ArrayOf(Days, count)
            from months in Gen.ArrayOf(Gen.Choose(1, 120), starts.Length)
            from lag in Gen.Choose(0, 3650)
            select (Provisions: starts.Zip(months, (s, m) => new DecidedProvision(s, m)).ToList(), Lag: lag);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var lastEnd = c.Provisions.Max(p => p.EndsOn!.Value);
            var file = new FileHistory(c.Provisions, lastEnd.AddDays(c.Lag - 3650));
            var on = lastEnd.AddYears(RetentionRules.YearsAfterProvision);
            return RetentionRules.FileExpiresOn(file) == on
                && !RetentionRules.FileExpired(file, on.AddDays(-1)) && RetentionRules.FileExpired(file, on) && RetentionRules.FileExpired(file, on.AddDays(1));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Property_AccessLogEntry_KeptTheDayBeforeFiveYears_ExpiredOnAndAfter()
    {
        Prop.ForAll(Days.ToArbitrary(), day =>
        {
            var on = day.AddYears(RetentionRules.AuditYears);
            return !RetentionRules.AuditExpired(day, on.AddDays(-1)) && RetentionRules.AuditExpired(day, on) && RetentionRules.AuditExpired(day, on.AddDays(1));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Property_AuditKeptFrom_SplitsTheDaysExactlyAsAuditExpiredJudgesThem()
    {
        Prop.ForAll(Days.ToArbitrary(), today =>
        {
            var keptFrom = RetentionRules.AuditKeptFrom(today);
            return RetentionRules.AuditExpired(keptFrom.AddDays(-1), today) && !RetentionRules.AuditExpired(keptFrom, today);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void AuditKeptFrom_AroundALeapDaysAnniversary_ExpiresTheLeapDayWithTheDayBefore()
    {
        // 2020-02-29 plus five years is 2025-02-28, so on that day both 28 and 29 February 2020 have expired;
        // subtracting five years from the day (2020-02-28) would keep the leap day's entries a day too long.
        Assert.Equal(new DateOnly(2020, 3, 1), RetentionRules.AuditKeptFrom(new DateOnly(2025, 2, 28)));
        Assert.Equal(new DateOnly(2020, 2, 28), RetentionRules.AuditKeptFrom(new DateOnly(2025, 2, 27)));
    }
}
