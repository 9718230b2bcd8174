using System.Globalization;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Retention;
using Wijkwerk.Core.Localization;
using Wijkwerk.SyncServer.Store;
using static Wijkwerk.SyncServer.Admin.AdminCommands;

namespace Wijkwerk.SyncServer.Admin;

/// <summary>
/// Issue 15 item 7: <c>admin retention purge [--dry-run]</c>. <see cref="RetentionRules"/> judges each client's file and
/// the access log by the Dutch day; the store turns the expired files into tombstones. The output is the record of
/// what went: client ids and counts per kind, never a name or a value.
/// </summary>
public static class RetentionAdminCommands
{
    public static Task<int> Purge(StoreOptions options, bool dryRun, TimeProvider clock) => RunOnExisting(options, async store =>
    {
        var today = AmsterdamTime.Today(clock);
        var expired = (await store.ClientFilesAsync()).Where(f => RetentionRules.FileExpired(f.History, today)).Select(f => f.ClientId).ToList();
        var keptFrom = RetentionRules.AuditKeptFrom(today);
        var before = AmsterdamTime.StartOf(keptFrom);
        var files = dryRun ? await store.CountClientRowsAsync(expired) : await store.PurgeClientsAsync(expired, clock.GetUtcNow());
        var audit = dryRun ? await store.CountAuditBeforeAsync(before) : await store.PurgeAuditBeforeAsync(before);

        Console.WriteLine(Texts.Format(TextId.RetentionHeader, Lang.Nl, Iso(today)));
        Console.WriteLine(Texts.Format(dryRun ? TextId.RetentionFilesExpired : TextId.RetentionFilesPurged, Lang.Nl, files.Count));
        foreach (var file in files)
            Console.WriteLine(Texts.Format(TextId.RetentionClientLine, Lang.Nl, file.ClientId, PerKind(file.PerKind)));
        if (files.Count > 0)
        {
            var totals = files.SelectMany(f => f.PerKind).GroupBy(k => k.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(k => k.Value));
            Console.WriteLine(Texts.Format(TextId.RetentionKinds, Lang.Nl, PerKind(totals)));
        }

        Console.WriteLine(Texts.Format(dryRun ? TextId.RetentionAuditExpired : TextId.RetentionAuditPurged, Lang.Nl, Iso(keptFrom), audit.LaptopEvents, audit.Transfers));
        if (dryRun)
            Console.WriteLine(Texts.Get(TextId.RetentionDryRun, Lang.Nl));
        return 0;
    });

    private static string PerKind(IReadOnlyDictionary<string, int> perKind) =>
        string.Join(", ", perKind.Select(k => k.Key + " " + k.Value.ToString(CultureInfo.InvariantCulture)));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
