using Wijkwerk.Core.Storage;

namespace Wijkwerk.Tui.Cli;

/// <summary>
/// A store being opened in the background. The key derivation is slow on purpose, so it starts before the log, the
/// terminal and the app are set up, and runs beside them; whoever needs the store waits for it.
/// </summary>
public sealed class StoreUnlock
{
    private readonly Task<LocalStore> _opening;

    private StoreUnlock(Task<LocalStore> opening) => _opening = opening;

    public static StoreUnlock Begin(string path, string passphrase, TimeProvider clock) =>
        new(Task.Run(() => LocalStore.Open(path, passphrase, clock)));

    public static StoreUnlock Done(LocalStore store) => new(Task.FromResult(store));

    /// <summary>The open store, or the message a refused file (wrong passphrase, damaged, newer, locked) gets.</summary>
    public StoreOpener.Opened Wait(CliContext context)
    {
        try
        {
            return new StoreOpener.Opened(_opening.GetAwaiter().GetResult(), null);
        }
        catch (StoreException e)
        {
            context.Log.Warning("Store refused: {Problem}", e.Problem);
            return new StoreOpener.Opened(null, e.Describe(context.Lang));
        }
    }
}
