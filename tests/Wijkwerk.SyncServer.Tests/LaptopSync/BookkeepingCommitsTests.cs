using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// A sync's own commits on the laptop do not wait for the disk one by one (synchronous=NORMAL, LocalStore.BookkeepingCommits),
/// and once the sync ends, whether it converged or failed halfway, what the worker types commits waiting for the disk again
/// (FULL) on that connection; so do the changes a scope repair queues, and the push that sends them. A real laptop store
/// and sync engine against a real SQLite server store.
/// </summary>
public sealed class BookkeepingCommitsTests : IAsyncLifetime
{
    private const long Normal = 1, Full = 2;
    private readonly SqliteKind _kind = new();
    private ISyncStore _server = null!;
    private StoreLaptop _anna = null!;

    public async Task InitializeAsync()
    {
        _server = await _kind.OpenAsync();
        _anna = (await StoreLaptop.Noord(_server, "Anna"))[0];
    }

    public async Task DisposeAsync()
    {
        _anna.Dispose();
        await _kind.DisposeAsync();
    }

    [Fact]
    public async Task DuringASync_TheLaptopsCommitsDoNotWaitForTheDisk_Afterwards_TheyDoAgain()
    {
        _anna.NewClient("Geertje");
        var watching = new SyncModeTransport(new StoreTransport(_server, _anna.Device), _anna.Store);
        Assert.Equal(Full, SyncMode(_anna.Store));

        var report = await new SyncEngine(_anna.Store, watching).Run();

        Assert.True(report.Converged);
        Assert.NotEmpty(watching.Seen);
        Assert.All(watching.Seen, mode => Assert.Equal(Normal, mode));
        Assert.Equal(Full, SyncMode(_anna.Store));
    }

    [Fact]
    public async Task ASyncThatFailsHalfway_LeavesTheLaptopsCommitsWaitingForTheDisk()
    {
        _anna.NewClient("Geertje");
        var failing = new SyncModeTransport(new StoreTransport(_server, _anna.Device), _anna.Store) { FailPull = true };

        await Assert.ThrowsAsync<SyncTransportException>(() => new SyncEngine(_anna.Store, failing).Run());

        Assert.NotEmpty(failing.Seen);
        Assert.All(failing.Seen, mode => Assert.Equal(Normal, mode));
        Assert.Equal(Full, SyncMode(_anna.Store));
        _anna.NewClient("Hendrik");
        Assert.Equal(2, _anna.Clients().Count);
    }

    [Fact]
    public async Task ASyncThatRepairs_SendsWhatTheRepairQueued_WithCommitsThatWaitForTheDisk()
    {
        _anna.NewClient("Geertje");
        Assert.True((await _anna.Sync(_server)).Converged);
        // The server loses the client's row and its sums behind its back, as a restore from an older copy would, and starts
        // again on it (a running instance would hold the sums it read before for up to a minute, ScopeSumsCache).
        await _kind.ExecAsync("DELETE FROM rows; DELETE FROM client_sums;");
        _server = await _kind.OpenAsync();

        var watching = new SyncModeTransport(new StoreTransport(_server, _anna.Device), _anna.Store);
        var report = await new SyncEngine(_anna.Store, watching).Run();

        Assert.Equal(1, report.Repair?.Requeued);
        Assert.True(report.Converged);
        Assert.Equal(Normal, watching.Seen[0]);
        Assert.Equal([Full], watching.Pushed);
        Assert.Equal(Full, SyncMode(_anna.Store));
    }

    private static long SyncMode(LocalStore store)
    {
        using var command = new SqliteCommand("PRAGMA synchronous;", store.Connection);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Notes the laptop connection's synchronous mode as each push and pull goes out; can fail the first pull.</summary>
    private sealed class SyncModeTransport(ISyncTransport inner, LocalStore laptop) : PassThroughTransport(inner)
    {
        public List<long> Seen { get; } = [];

        /// <summary>The modes seen as pushes went out.</summary>
        public List<long> Pushed { get; } = [];

        private bool _pulled;

        public bool FailPull { get; init; }

        public override Task<PushResponse> Push(string token, PushRequest request, CancellationToken cancel)
        {
            Seen.Add(SyncMode(laptop));
            Pushed.Add(SyncMode(laptop));
            return base.Push(token, request, cancel);
        }

        // Only a sync's first pull is asked for on the engine's own thread: later ones go while it writes, and must not use its connection.
        public override Task<PullResponse> Pull(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel)
        {
            if (!_pulled)
                Seen.Add(SyncMode(laptop));
            _pulled = true;
            return FailPull
                ? throw new SyncTransportException(HttpSyncTransport.Unreachable, "De server is niet bereikbaar.")
                : base.Pull(token, after, limit, referenceVersion, namesHeld, cancel);
        }
    }
}
