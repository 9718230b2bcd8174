using System.Diagnostics;

namespace Wijkwerk.Bench;

/// <summary>
/// The highest working set of a process (by default this one) while it lives, sampled every 10 ms on a thread of its own:
/// the end of a sync shows what it kept, not what it needed on the way (a page held beside its JSON). Another process
/// is read by the kernel's own high-water mark, so only its last 10 ms can escape the figure.
/// </summary>
public sealed class PeakWorkingSet : IDisposable
{
    private readonly Thread _sampler;
    private readonly Process? _other;
    private volatile bool _stopped;
    private long _peak;

    public PeakWorkingSet(Process? other = null)
    {
        _other = other;
        _sampler = new Thread(Sample) { IsBackground = true, Name = "peak working set" };
        _sampler.Start();
    }

    /// <summary>Stops sampling and answers the peak in bytes.</summary>
    public long Stop()
    {
        _stopped = true;
        _sampler.Join();
        return Interlocked.Read(ref _peak);
    }

    public void Dispose()
    {
        if (!_stopped)
            Stop();
    }

    private void Sample()
    {
        using var current = _other is null ? Process.GetCurrentProcess() : null;
        var process = _other ?? current!;
        while (!_stopped)
        {
            try
            {
                process.Refresh();
                var now = _other is null ? process.WorkingSet64 : process.PeakWorkingSet64;
                if (now > Interlocked.Read(ref _peak))
                    Interlocked.Exchange(ref _peak, now);
            }
            catch (InvalidOperationException)
            {
                return; // the other process has ended: its figure is the last one read
            }

            Thread.Sleep(10);
        }
    }
}
