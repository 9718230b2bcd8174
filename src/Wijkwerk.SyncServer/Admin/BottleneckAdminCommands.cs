using System.Globalization;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.SyncServer.Store;
using static Wijkwerk.SyncServer.Admin.AdminCommands;

namespace Wijkwerk.SyncServer.Admin;

/// <summary>
/// Issue 14: the administrator keeps the list of bottleneck tags. Workers propose tags by typing them offline; the admin
/// accepts a proposal or merges it into a tag of the list, and every laptop follows with its next pull (rows keep what
/// was typed and are shown under the tag it went into).
/// </summary>
public static class BottleneckAdminCommands
{
    public static Task<int> Add(StoreOptions options, string label) => Run(options, async store =>
    {
        var added = await store.AddBottleneckAsync(label, DateTimeOffset.UtcNow);
        Console.WriteLine($"Knelpunt '{added}' staat in de lijst; de laptops kennen het na hun volgende synchronisatie.");
        return 0;
    });

    public static Task<int> Accept(StoreOptions options, string label) => Run(options, async store =>
    {
        var accepted = await store.AcceptBottleneckAsync(label, DateTimeOffset.UtcNow);
        Console.WriteLine($"Voorstel '{accepted}' opgenomen in de lijst.");
        return 0;
    });

    public static Task<int> Merge(StoreOptions options, string from, string into) => Run(options, async store =>
    {
        var (merged, target) = await store.MergeBottleneckAsync(from, into, DateTimeOffset.UtcNow);
        Console.WriteLine($"Knelpunt '{merged}' samengevoegd met '{target}': zijn rijen tellen voortaan mee onder '{target}', op elke laptop na de volgende synchronisatie.");
        return 0;
    });

    /// <summary>One tag a line: label, state, rows typed with it (and counted under it through merges), who proposed it when.</summary>
    public static Task<int> List(StoreOptions options) => RunOnExisting(options, async store =>
    {
        var tags = await store.ListBottlenecksAsync();
        if (tags.Count == 0)
            Console.WriteLine("Nog geen knelpunten; voeg er een toe met 'admin bottleneck add NAAM'.");
        foreach (var t in tags)
        {
            var state = t.State switch
            {
                BottleneckState.Proposed => "voorgesteld",
                BottleneckState.Merged => $"samengevoegd met '{t.MergedInto}'",
                _ => "in de lijst",
            };
            var rows = t.RowsCounted > t.Rows ? $"{Rows(t.Rows)} (met samengevoegde {t.RowsCounted})" : Rows(t.Rows);
            var origin = t.ProposedBy is { } by ? $"voorgesteld door {by}" : "toegevoegd door beheerder";
            Console.WriteLine($"{t.Label}\t{state}\t{rows}\t{origin} op {t.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        }

        return 0;
    });

    private static string Rows(int count) => count == 1 ? "1 rij" : $"{count} rijen";
}
