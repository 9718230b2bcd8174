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

    /// <summary>The server's processor time since this split was made.</summary>
    public TimeSpan Server
    {
        get
        {
            _server.Refresh();
            return _server.TotalProcessorTime - _serverStart;
        }
    }

    public override string ToString() =>
        $"processor time: server {Server.TotalSeconds:F2} s, laptops {(Process.GetCurrentProcess().TotalProcessorTime - _laptopsStart).TotalSeconds:F2} s";
}
