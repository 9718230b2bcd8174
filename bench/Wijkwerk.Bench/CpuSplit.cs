using System.Diagnostics;

namespace Wijkwerk.Bench;

/// <summary>The server process a figure is taken of, and whether its store is PostgreSQL (whose processes then count too).</summary>
internal sealed record MeasuredServer(Process Process, bool Postgres);

/// <summary>
/// Processor time the server process, PostgreSQL's processes on this machine (when the server's store is PostgreSQL) and
/// this process (the laptops) used since it was made. Every laptop of a run shares this machine's cores with the server
/// and the database, where real laptops each have their own: the split tells how much of a figure is whose work.
/// </summary>
internal sealed class CpuSplit
{
    private const string PostgresProcessName = "postgres";
    private readonly MeasuredServer _server;
    private readonly TimeSpan _serverStart;
    private readonly TimeSpan _laptopsStart;
    private readonly Dictionary<int, TimeSpan>? _databaseStart;
    private readonly int[] _collectionsStart = Collections();
    private readonly long _allocatedStart = GC.GetTotalAllocatedBytes();

    public CpuSplit(MeasuredServer server)
    {
        _server = server;
        server.Process.Refresh();
        _serverStart = server.Process.TotalProcessorTime;
        _laptopsStart = Process.GetCurrentProcess().TotalProcessorTime;
        _databaseStart = server.Postgres ? DatabaseTimes() : null;
    }

    /// <summary>The server's processor time since this split was made.</summary>
    private TimeSpan Server
    {
        get
        {
            _server.Process.Refresh();
            return _server.Process.TotalProcessorTime - _serverStart;
        }
    }

    /// <summary>The server's processor time, then PostgreSQL's when its store is PostgreSQL.</summary>
    public string ServerAndDatabase => $"server {Server.TotalSeconds:F2} s{Database()}";

    /// <remarks>
    /// The laptops' collections of each generation and the bytes they allocated tell a figure slowed by this process's own
    /// garbage collection, which a real laptop, syncing alone, does not share with others.
    /// </remarks>
    public override string ToString() =>
        $"processor time: {ServerAndDatabase}, laptops {(Process.GetCurrentProcess().TotalProcessorTime - _laptopsStart).TotalSeconds:F2} s " +
        $"(collections by generation {string.Join("/", Collections().Select((c, g) => c - _collectionsStart[g]))}, " +
        $"{(GC.GetTotalAllocatedBytes() - _allocatedStart) / 1024 / 1024} MB allocated)";

    private static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    /// <summary>
    /// PostgreSQL's share: every process named postgres on this machine (the server's connections are processes of their
    /// own), each counted from where it stood when the split was made, or from nothing when it started since. One that
    /// ended meanwhile is missed; the server's connections stay open in its pool through a figure.
    /// </summary>
    private string Database()
    {
        if (_databaseStart is null)
            return "";
        if (_databaseStart.Count == 0)
            return ", PostgreSQL not counted (no postgres process on this machine)";
        var used = DatabaseTimes().Sum(p => (p.Value - _databaseStart.GetValueOrDefault(p.Key)).TotalSeconds);
        return $", PostgreSQL {used:F2} s";
    }

    /// <summary>
    /// By the kernel's name of each process (<c>/proc/PID/comm</c>): PostgreSQL rewrites its processes' command lines
    /// ("postgres: user database address idle"), from which .NET takes a process's name.
    /// </summary>
    private static Dictionary<int, TimeSpan> DatabaseTimes()
    {
        var times = new Dictionary<int, TimeSpan>();
        if (!Directory.Exists("/proc"))
            return times;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var id))
                continue;
            try
            {
                if (File.ReadAllText(Path.Combine(folder, "comm")).TrimEnd() != PostgresProcessName)
                    continue;
                using var process = Process.GetProcessById(id);
                times[id] = process.TotalProcessorTime;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // It ended between the listing and the reading: it is missed, as one that ends later is.
            }
        }

        return times;
    }
}
