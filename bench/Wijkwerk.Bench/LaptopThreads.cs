namespace Wijkwerk.Bench;

/// <summary>
/// A thread ready for each of many in-process laptops while they sync at once. Each stands for a machine of its own, with
/// threads of its own for its store's work, which blocks (SQLite's statements, and the disk at a sync's last commit). In one
/// process they share its thread pool, which starts with a thread per core and adds about two a second while work waits:
/// the syncs of a burst then queued for the bench's threads, not for the server. The laptops still share the processor and
/// the disk with the server and PostgreSQL.
/// </summary>
internal sealed class LaptopThreads : IDisposable
{
    private readonly int _workers;
    private readonly int _completions;

    private LaptopThreads(int laptops)
    {
        ThreadPool.GetMinThreads(out _workers, out _completions);
        ThreadPool.SetMinThreads(Math.Max(_workers, laptops + 2 * Environment.ProcessorCount), _completions);
    }

    public static LaptopThreads Ready(int laptops) => new(laptops);

    public void Dispose() => ThreadPool.SetMinThreads(_workers, _completions);
}
