using Serilog;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Tui.Cli;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.App;

/// <summary>
/// Runs a sync (F5) or a connection check off the UI thread on a second connection to the store, and reports progress and the
/// outcome back through the UI loop, so the screen stays responsive and is only touched from its thread.
/// Every sync ends in exactly one callback, whatever goes wrong, so F5 always works again afterwards.
/// </summary>
public sealed class SyncRunner(UiLoop loop, Func<Uri, ISyncTransport> transport, ILogger log)
{
    /// <summary>How long a connection check may wait for the server before the laptop counts as offline.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    /// <summary>True while a sync (F5) runs; a connection check does not count.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>True while a sync or a connection check talks to the server; only one does at a time.</summary>
    public bool IsBusy { get; private set; }

    public SyncProgress? Progress { get; private set; }

    /// <summary>Starts a sync unless one runs; the callbacks run on the UI thread.</summary>
    /// <param name="failed">The server said no or could not be reached; a revoked laptop's own audit events have been uploaded by then.</param>
    /// <param name="broke">Anything else went wrong (a row the store cannot take, a bug); it is in the log.</param>
    public bool Start(LocalStore store, Action<SyncReport> done, Action<SyncTransportException> failed, Action broke)
    {
        if (IsBusy || new LocalSync(store).Settings().Server is null)
            return false;
        IsRunning = true;
        Progress = null;
        var progress = new Reporter(p => loop.Post(() => Progress = p));
        return Begin(store, async (worker, sync) =>
        {
            var report = await new SyncEngine(worker, sync).Run(progress);
            return () => done(report);
        }, failed, broke);
    }

    /// <summary>
    /// Asks the server, with this laptop's token, for a page of nothing: proves the server answers and still
    /// knows this laptop, so the status line can say online, and a revoke arrives while the app is open without
    /// waiting for F5. No client's data travels for it.
    /// </summary>
    public bool Check(LocalStore store, Action reachable, Action<SyncTransportException> failed, Action broke)
    {
        if (IsBusy || new LocalSync(store).Settings().Server is null)
            return false;
        return Begin(store, async (worker, sync) =>
        {
            var local = new LocalSync(worker);
            using var timeout = new CancellationTokenSource(CheckTimeout);
            try
            {
                await sync.Pull(local.Token() ?? "", local.Settings().Anchor, SyncProtocol.CheckOnlyLimit, timeout.Token);
            }
            catch (OperationCanceledException e)
            {
                throw new SyncTransportException(HttpSyncTransport.Unreachable, "De server antwoordde niet op tijd.", null, e);
            }

            return reachable;
        }, failed, broke);
    }

    private bool Begin(LocalStore store, Func<LocalStore, ISyncTransport, Task<Action>> talk, Action<SyncTransportException> failed, Action broke)
    {
        var server = new LocalSync(store).Settings().Server!;
        IsBusy = true;
        LocalStore worker;
        try
        {
            worker = store.OpenAnother();
        }
        catch (Exception e)
        {
            LogBroke(e);
            loop.Post(() => Finish(broke));
            return true;
        }

        _ = Task.Run(async () =>
        {
            var outcome = await Run(worker, server, talk, failed, broke);
            loop.Post(() => Finish(outcome));
        });
        return true;
    }

    /// <summary>The talk with the server; the worker connection is closed before the outcome reaches the UI, which may wipe the file.</summary>
    private async Task<Action> Run(LocalStore worker, Uri server, Func<LocalStore, ISyncTransport, Task<Action>> talk, Action<SyncTransportException> failed, Action broke)
    {
        try
        {
            using (worker)
            {
                var sync = transport(server);
                try
                {
                    return await talk(worker, sync);
                }
                catch (SyncTransportException e) when (e.IsRevoked)
                {
                    await RevokedLaptop.UploadAuditBeforeWipe(worker, sync, log);
                    return () => failed(e);
                }
            }
        }
        catch (SyncTransportException e)
        {
            log.Warning("Talking to the server failed: {Code} {Status}", e.Code, e.Status);
            return () => failed(e);
        }
        catch (Exception e)
        {
            LogBroke(e);
            return broke;
        }
    }

    // Type, code and stack only: an exception message can quote a value from a row.
    private void LogBroke(Exception e) =>
        log.Error("Background sync broke off with {ExceptionType} {ErrorCode} at {StackTrace}",
            e.GetType().Name, (e as Microsoft.Data.Sqlite.SqliteException)?.SqliteErrorCode, e.StackTrace);

    private void Finish(Action report)
    {
        IsRunning = false;
        IsBusy = false;
        report();
    }

    /// <summary>Forwards progress as it happens; Progress&lt;T&gt; would need a synchronisation context the UI loop does not have.</summary>
    private sealed class Reporter(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }
}
