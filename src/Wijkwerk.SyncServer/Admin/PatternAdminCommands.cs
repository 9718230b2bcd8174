using System.Globalization;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;
using static Wijkwerk.SyncServer.Admin.AdminCommands;

namespace Wijkwerk.SyncServer.Admin;

/// <summary>
/// Issue 14 item 2: the administrator sets when a tag becomes a pattern (distinct clients within months), detects by
/// hand (the server also detects after every push that stores tagged rows), and lists every pattern of every team.
/// </summary>
public static class PatternAdminCommands
{
    private const int MaxClients = 1000;
    private const int MaxWindowMonths = 120;

    /// <summary>With neither option: shows the settings as they are.</summary>
    public static Task<int> Settings(StoreOptions options, string? minClients, string? windowMonths)
    {
        int? clients = null, months = null;
        if (minClients is not null && (clients = Number(minClients, MaxClients)) is null)
            return Fail(BadInput, $"--min-clients: '{minClients}' is geen aantal; geef een geheel getal van 1 tot en met {MaxClients}, zoals 4.");
        if (windowMonths is not null && (months = Number(windowMonths, MaxWindowMonths)) is null)
            return Fail(BadInput, $"--window-months: '{windowMonths}' is geen aantal maanden; geef een geheel getal van 1 tot en met {MaxWindowMonths}, zoals 12.");
        return Run(options, async store =>
        {
            var current = await store.PatternSettingsAsync();
            if (clients is null && months is null)
            {
                Console.WriteLine(Describe(current));
                return 0;
            }

            var settings = new PatternSettings(clients ?? current.MinimumClients, months ?? current.WindowMonths);
            var run = await store.SetPatternSettingsAsync(settings, DateTimeOffset.UtcNow);
            Console.WriteLine(Describe(settings));
            Console.WriteLine(Outcome(run));
            return 0;
        });
    }

    public static Task<int> Detect(StoreOptions options) => RunOnExisting(options, async store =>
    {
        Console.WriteLine(Outcome(await store.DetectPatternsAsync(DateTimeOffset.UtcNow)));
        return 0;
    });

    /// <summary>Every pattern, newest first, with its figures and steps: counts and money, never a client.</summary>
    public static Task<int> List(StoreOptions options) => RunOnExisting(options, async store =>
    {
        var patterns = await store.ListPatternsAsync();
        if (patterns.Count == 0)
            Console.WriteLine($"Nog geen patronen. {Describe(await store.PatternSettingsAsync())}");
        foreach (var p in patterns)
        {
            Console.WriteLine(string.Join('\t',
                p.Id, p.TagKey, EnumTexts.Name(p.State, Lang.Nl), $"{p.Cases} zaken", $"{p.Clients} cliënten", p.Spent.ToString(),
                $"{DateText.Show(p.FirstCase)} t/m {DateText.Show(p.LastCase)}", $"teams: {Joined(p.Teams)}"));
            Console.WriteLine($"  budgetten: {Joined(p.BySource.Select(s => $"{PatternSources.Label(s.Name, Lang.Nl)} {s.Cases}× {s.Spent}"))}");
            Console.WriteLine($"  afdelingen: {Joined(p.ByDepartment.Select(s => $"{s.Name} {s.Cases}×"))}");
            foreach (var step in p.Steps)
            {
                var fix = step.Fix is { } f ? $" — {f.What} (wie: {f.Who}, uiterlijk {DateText.Show(f.By)})" : "";
                Console.WriteLine($"  {AmsterdamTime.ShowDateTime(step.At)}\t{EnumTexts.Name(step.To, Lang.Nl)}\tdoor {step.By}{fix}{(step.Reason.Length > 0 ? " — " + step.Reason : "")}");
            }
        }

        return 0;
    });

    private static string Joined(IEnumerable<string> items) => items.Any() ? string.Join(", ", items) : "(geen)";

    private static int? Number(string text, int max) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max ? n : null;

    private static string Describe(PatternSettings s) =>
        $"Een patroon ontstaat bij {s.MinimumClients} verschillende cliënten met dezelfde knelpunttag binnen {s.WindowMonths} maanden.";

    private static string Outcome(PatternRun run) => $"Patronen gedetecteerd: {run.Raised} nieuw, {run.Updated} bijgewerkt.";
}
