namespace Wijkwerk.Core.Domain.Retention;

/// <summary>A provision the municipality decided (granted or adjusted): from its first day, for so many months, or open-ended.</summary>
public sealed record DecidedProvision(DateOnly Start, int? DurationMonths)
{
    /// <summary>The first day without the provision; null while it runs open-ended.</summary>
    public DateOnly? EndsOn => DurationMonths is { } months ? Start.AddMonths(months) : null;
}

/// <summary>What the retention schedule reads of one client's Wmo file: the decided provisions and the Dutch day of the last change.</summary>
public sealed record FileHistory(IReadOnlyList<DecidedProvision> Provisions, DateOnly LastActivity);

/// <summary>
/// The municipal retention schedule (selectielijst): a client's Wmo file may be destroyed 15 years after the last
/// provision ended, or 5 years after its last activity when there never was a provision; the access log 5 years
/// after each entry. All days are Dutch days; "on the day" counts as expired.
/// </summary>
public static class RetentionRules
{
    public const int YearsAfterProvision = 15;
    public const int YearsWithoutProvision = 5;
    public const int AuditYears = 5;

    /// <summary>
    /// The first day the file may be destroyed; null while a provision runs open-ended. Work on a file after its
    /// provisions ended keeps it at least as long as a file without a provision would be kept: the schedule
    /// counts from the end of the file, and a file someone still works on has not ended.
    /// </summary>
    public static DateOnly? FileExpiresOn(FileHistory file)
    {
        var byActivity = file.LastActivity.AddYears(YearsWithoutProvision);
        if (file.Provisions.Count == 0)
            return byActivity;
        if (file.Provisions.Any(p => p.EndsOn is null))
            return null;
        var byProvision = file.Provisions.Max(p => p.EndsOn!.Value).AddYears(YearsAfterProvision);
        return byProvision > byActivity ? byProvision : byActivity;
    }

    public static bool FileExpired(FileHistory file, DateOnly today) => FileExpiresOn(file) is { } expires && today >= expires;

    public static bool AuditExpired(DateOnly entryDay, DateOnly today) => today >= entryDay.AddYears(AuditYears);

    /// <summary>
    /// The first day whose access-log entries are still kept, so a store can purge by one comparison. Searched
    /// from the estimate rather than computed, because adding years to 29 February is not undone by subtracting them.
    /// </summary>
    public static DateOnly AuditKeptFrom(DateOnly today)
    {
        var day = today.AddYears(-AuditYears);
        while (!AuditExpired(day.AddDays(-1), today))
            day = day.AddDays(-1);
        while (AuditExpired(day, today))
            day = day.AddDays(1);
        return day;
    }
}
