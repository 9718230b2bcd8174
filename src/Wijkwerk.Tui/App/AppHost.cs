using Wijkwerk.Core.Storage;
using Wijkwerk.Tui.Cli;

namespace Wijkwerk.Tui.App;

/// <summary>Starts the full-screen app on an unlocked store.</summary>
public static class AppHost
{
    public static int Run(CliContext context, LocalStore store)
    {
        context.Out.WriteLine($"{store.Clients.Count()} / {store.PendingChanges()}");
        return ExitCodes.Success;
    }
}
