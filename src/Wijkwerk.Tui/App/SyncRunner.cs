using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.App;

/// <summary>
/// Runs a sync (F5) off the UI thread on a second connection to the store, and reports progress and the
/// outcome back through the UI loop, so the screen stays responsive and is only touched from its thread.
/// </summary>
public sealed class SyncRunner(UiLoop loop, Func<Uri, ISyncTransport> transport)
{
    public bool IsRunning { get; private set; }

    public SyncProgress? Progress { get; private set; }

    /// <summary>Starts a sync unless one runs; the callbacks run on the UI thread.</summary>
    public bool Start(LocalStore store, Action<SyncReport> done, Action<SyncTransportException> failed)
    {
        if (IsRunning || new LocalSync(store).Settings().Server is not { } server)
            return false;
        IsRunning = true;
        Progress = null;
        var worker = store.OpenAnother();
        var progress = new Reporter(p => loop.Post(() => Progress = p));
        _ = Task.Run(async () =>
        {
            try
            {
                using (worker)
                {
                    var report = await new SyncEngine(worker, transport(server)).Run(progress);
                    loop.Post(() => Finish(() => done(report)));
                }
            }
            catch (SyncTransportException e)
            {
                loop.Post(() => Finish(() => failed(e)));
            }
        });
        return true;
    }

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
