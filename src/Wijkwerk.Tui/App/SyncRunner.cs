using Serilog;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Tui.Cli;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.App;

/// <summary>
/// Runs a sync (F5) off the UI thread on a second connection to the store, and reports progress and the
/// outcome back through the UI loop, so the screen stays responsive and is only touched from its thread.
/// Every sync ends in exactly one callback, whatever goes wrong, so F5 always works again afterwards.
/// </summary>
public sealed class SyncRunner(UiLoop loop, Func<Uri, ISyncTransport> transport, ILogger log)
{
    public bool IsRunning { get; private set; }

    public SyncProgress? Progress { get; private set; }

    /// <summary>Starts a sync unless one runs; the callbacks run on the UI thread.</summary>
    /// <param name="failed">The server said no or could not be reached; a revoked laptop's own audit events have been uploaded by then.</param>
    /// <param name="broke">Anything else went wrong (a row the store cannot take, a bug); it is in the log.</param>
    public bool Start(LocalStore store, Action<SyncReport> done, Action<SyncTransportException> failed, Action broke)
    {
        if (IsRunning || new LocalSync(store).Settings().Server is not { } server)
            return false;
        IsRunning = true;
        Progress = null;
        var progress = new Reporter(p => loop.Post(() => Progress = p));
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
            var outcome = await Run(worker, server, progress, done, failed, broke);
            loop.Post(() => Finish(outcome));
        });
        return true;
    }

    /// <summary>The sync itself; the worker connection is closed before the outcome reaches the UI, which may wipe the file.</summary>
    private async Task<Action> Run(LocalStore worker, Uri server, IProgress<SyncProgress> progress, Action<SyncReport> done, Action<SyncTransportException> failed, Action broke)
    {
        try
        {
            using (worker)
            {
                var sync = transport(server);
                try
                {
                    var report = await new SyncEngine(worker, sync).Run(progress);
                    return () => done(report);
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
            log.Warning("Background sync failed: {Code} {Status}", e.Code, e.Status);
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
        report();
    }

    /// <summary>Forwards progress as it happens; Progress&lt;T&gt; would need a synchronisation context the UI loop does not have.</summary>
    private sealed class Reporter(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }
}
