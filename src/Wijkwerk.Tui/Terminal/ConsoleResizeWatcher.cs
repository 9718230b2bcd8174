using System.Runtime.InteropServices;

namespace Wijkwerk.Tui.Terminal;

/// <summary>
/// Calls back when the console window changes size. Unix has SIGWINCH; Windows has no resize signal
/// (microsoft/terminal#305), so there the size is polled.
/// </summary>
internal sealed class ConsoleResizeWatcher : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // The runtime refreshes its cached window size from its own SIGWINCH handler, which may run after ours.
    private static readonly TimeSpan SignalSettleDelay = TimeSpan.FromMilliseconds(50);

    private readonly Action _check;
    private readonly Timer _timer;
    private readonly PosixSignalRegistration? _signal;

    public ConsoleResizeWatcher(Action check)
    {
        _check = check;
        if (OperatingSystem.IsWindows())
        {
            _timer = new Timer(_ => _check(), null, PollInterval, PollInterval);
        }
        else
        {
            _timer = new Timer(_ => _check(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _signal = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, OnSignal);
        }
    }

    public void Dispose()
    {
        _signal?.Dispose();
        _timer.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        _check();
        _timer.Change(SignalSettleDelay, Timeout.InfiniteTimeSpan);
    }
}
