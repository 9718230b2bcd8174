using System.Diagnostics;

namespace Wijkwerk.Bench;

/// <summary>
/// The highest working set of this process while it lives, sampled every 10 ms on a thread of its own:
/// the end of a sync shows what it kept, not what it needed on the way (a page held beside its JSON).
/// </summary>
public sealed class PeakWorkingSet : IDisposable
{
    private readonly Thread _sampler;
    private volatile bool _stopped;
    private long _peak;

    public PeakWorkingSet()
    {
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
        using var process = Process.GetCurrentProcess();
        while (!_stopped)
        {
            process.Refresh();
            if (process.WorkingSet64 > Interlocked.Read(ref _peak))
                Interlocked.Exchange(ref _peak, process.WorkingSet64);
            Thread.Sleep(10);
        }
    }
}
