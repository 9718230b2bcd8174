using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Tui.Cli;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.App;

/// <summary>Starts the full-screen app on the real console and gives the terminal back as it was, whatever happens.</summary>
public static class AppHost
{
    public const string AutoLockVariable = "WIJKWERK_AUTOLOCK_MINUTES";

    /// <param name="unlocking">The store being unlocked, or null to ask for the passphrase on the unlock screen.</param>
    public static int Run(CliContext context, string storePath, StoreUnlock? unlocking, bool noColorFlag)
    {
        var options = new AppOptions(context.Lang, ColorModeDetector.Detect(noColorFlag, Environment.GetEnvironmentVariable), AutoLock());
        using var terminal = new ConsoleTerminal();
        var loop = new UiLoop(terminal, context.Clock, context.Lang == Lang.En ? TooSmallMessage.English : TooSmallMessage.Dutch, options.ColorMode);
        // The log, the terminal and the loop were set up while the key was being derived; a refused store is said
        // on the normal screen, before the app takes it over.
        LocalStore? store = null;
        if (unlocking?.Wait(context) is { } opened)
        {
            if (opened.Store is null)
                return context.Fail(opened.Error!);
            store = opened.Store;
        }

        terminal.EnterFullScreen();

        using var app = new WijkwerkApp(loop, options, context.Clock, storePath, store, log: context.Log);
        app.Start();
        // The log's first line costs some 40 ms (its file, its templates): posted, it is written just after the
        // first frame instead of before it.
        loop.Post(() => context.Log.Information("App started"));
        loop.Run();
        terminal.Restore();
        context.Log.Information("App stopped");
        if (app.WipedMessage is { } wiped)
            return context.Fail(wiped);
        return ExitCodes.Success;
    }

    // Configurable for a team's policy; never longer than a working day.
    private static TimeSpan AutoLock() =>
        int.TryParse(Environment.GetEnvironmentVariable(AutoLockVariable), out var minutes) && minutes is > 0 and <= 480
            ? TimeSpan.FromMinutes(minutes)
            : AppOptions.DefaultAutoLock;
}
