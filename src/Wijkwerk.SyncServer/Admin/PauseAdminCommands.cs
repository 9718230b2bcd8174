using System.Globalization;
using Wijkwerk.SyncServer.Store;
using static Wijkwerk.SyncServer.Admin.AdminCommands;

namespace Wijkwerk.SyncServer.Admin;

/// <summary>
/// Issue 14: the administrator sets how long a pause may run. Reference data: setting it raises the version, so every
/// laptop judges new pauses and extensions by the same maximum as the server after its next pull.
/// </summary>
public static class PauseAdminCommands
{
    /// <summary>A pause of more than a year is no pause; the municipality decides within that.</summary>
    public const int MaxWeeksLimit = 52;

    public static Task<int> Set(StoreOptions options, string maxWeeks)
    {
        if (!int.TryParse(maxWeeks.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) || weeks is < 1 or > MaxWeeksLimit)
            return Fail(BadInput, $"--max-weeks: '{maxWeeks}' is geen geldig aantal weken; geef een geheel getal van 1 tot en met {MaxWeeksLimit}, zoals 8.");
        return Run(options, async store =>
        {
            var set = await store.SetPauseSettingsAsync(weeks, DateTimeOffset.UtcNow);
            Console.WriteLine($"Een pauze duurt voortaan hoogstens {set.MaximumWeeks} weken; laptops krijgen dit bij hun volgende synchronisatie.");
            return 0;
        });
    }

    public static Task<int> Show(StoreOptions options) => RunOnExisting(options, async store =>
    {
        var settings = await store.PauseSettingsAsync();
        Console.WriteLine($"Een pauze duurt hoogstens {settings.MaximumWeeks} weken.");
        return 0;
    });
}
