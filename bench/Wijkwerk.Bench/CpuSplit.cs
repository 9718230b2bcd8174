using System.Diagnostics;

namespace Wijkwerk.Bench;

/// <summary>
/// Processor time the server process and this process (the laptops) used since it was made. Every laptop of a run
/// shares this machine's cores with the server, where real laptops each have their own: the split tells how much of
/// a figure is the server's work.
/// </summary>
internal sealed class CpuSplit
{
    private readonly Process _server;
    private readonly TimeSpan _serverStart;
    private readonly TimeSpan _laptopsStart;

    public CpuSplit(Process server)
    {
        _server = server;
        server.Refresh();
        _serverStart = server.TotalProcessorTime;
        _laptopsStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public override string ToString()
    {
        _server.Refresh();
        return $"processor time: server {(_server.TotalProcessorTime - _serverStart).TotalSeconds:F2} s, laptops {(Process.GetCurrentProcess().TotalProcessorTime - _laptopsStart).TotalSeconds:F2} s";
    }
}
