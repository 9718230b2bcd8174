using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// A pull of many pages leaves copying the laptop's log back into its file to a connection beside the writer from the
/// second page on (LocalStore.CheckpointsBeside); a pull of one page, and the laptop after any sync, whole or failed halfway,
/// copy it on their own commits as SQLite does. A real laptop store and sync engine against a real SQLite server store.
/// </summary>
public sealed class CheckpointsBesideSyncTests : IAsyncLifetime
{
    /// <summary>The laptop's own copying: at the log SQLite's default 1,000 pages of 4,096 bytes come to, 250 of a new store's pages.</summary>
    private const long Own = 250, Beside = 0;
    private readonly SqliteKind _kind = new();
    private ISyncStore _server = null!;
    private StoreLaptop _anna = null!;
    private StoreLaptop _bram = null!;

    public async Task InitializeAsync()
    {
        _server = await _kind.OpenAsync();
        (_anna, _bram) = await StoreLaptop.Noord(_server, "Anna", "Bram") is [var a, var b] ? (a, b) : throw new InvalidOperationException();
        foreach (var name in new[] { "Geertje", "Hendrik", "Ilse", "Joost", "Karin" })
            _bram.NewClient(name);
        Assert.True((await _bram.Sync(_server)).Converged);
    }

    public async Task DisposeAsync()
    {
        _anna.Dispose();
        _bram.Dispose();
        await _kind.DisposeAsync();
    }

    [Fact]
    public async Task APullOfManyPages_CopiesTheLogBesideTheWriterFromTheSecondPageOn_AndNotAfterwards()
    {
        var seen = new CheckpointModes(_anna.Store);

        var report = await new SyncEngine(_anna.Store, new StoreTransport(_server, _anna.Device)) { PullPageSize = 2 }.Run(seen);

        Assert.True(report.Converged);
        Assert.True(seen.Modes.Count >= 3, $"pages seen: {seen.Modes.Count}");
        Assert.Equal(Own, seen.Modes[0]);
        Assert.All(seen.Modes.Skip(1), mode => Assert.Equal(Beside, mode));
        Assert.Equal(Own, CheckpointMode(_anna.Store));
        Assert.Equal(5, _anna.Clients().Count);
    }

    [Fact]
    public async Task APullOfOnePage_LeavesTheCopyToTheCommits()
    {
        var seen = new CheckpointModes(_anna.Store);

        Assert.True((await new SyncEngine(_anna.Store, new StoreTransport(_server, _anna.Device)).Run(seen)).Converged);

        Assert.NotEmpty(seen.Modes);
        Assert.All(seen.Modes, mode => Assert.Equal(Own, mode));
    }

    [Fact]
    public async Task APullThatFailsHalfway_LeavesTheLaptopCopyingItsLogItself()
    {
        var failing = new FailingThirdPull(new StoreTransport(_server, _anna.Device));

        await Assert.ThrowsAsync<SyncTransportException>(() => new SyncEngine(_anna.Store, failing) { PullPageSize = 2 }.Run());

        Assert.Equal(Own, CheckpointMode(_anna.Store));
        _anna.NewClient("Lotte");
        Assert.Contains(_anna.Clients(), c => c.Name.FirstName == "Lotte");
    }

    private static long CheckpointMode(LocalStore store)
    {
        using var command = new SqliteCommand("PRAGMA wal_autocheckpoint;", store.Connection);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Notes, on the writer's own thread as each pulled page is written, at how many pages its commits copy the log.</summary>
    private sealed class CheckpointModes(LocalStore store) : IProgress<SyncProgress>
    {
        public List<long> Modes { get; } = [];

        public void Report(SyncProgress value)
        {
            if (value.Phase == "pull")
                Modes.Add(CheckpointMode(store));
        }
    }

    /// <summary>Serves the first two pages and fails the third.</summary>
    private sealed class FailingThirdPull(ISyncTransport inner) : PassThroughTransport(inner)
    {
        private int _pulls;

        public override Task<PullResponse> Pull(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel) =>
            Interlocked.Increment(ref _pulls) == 3
                ? throw new SyncTransportException(HttpSyncTransport.Unreachable, "De server is niet bereikbaar.")
                : base.Pull(token, after, limit, referenceVersion, namesHeld, cancel);
    }
}
