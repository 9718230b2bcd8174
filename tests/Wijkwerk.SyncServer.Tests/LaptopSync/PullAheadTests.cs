using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// The laptop asks for the next page while it writes the one before: each request carries the anchor that writing the
/// page before stores, a failure on either side leaves the anchor at the last page written, and the next sync catches up.
/// A real laptop store and sync engine against a real SQLite server store, through a transport that watches the calls.
/// </summary>
public sealed class PullAheadTests : IAsyncLifetime
{
    private const int Clients = 7;
    private readonly SqliteKind _kind = new();
    private ISyncStore _server = null!;
    private StoreLaptop _anna = null!;
    private StoreLaptop _bram = null!;

    public async Task InitializeAsync()
    {
        _server = await _kind.OpenAsync();
        var laptops = await StoreLaptop.Noord(_server, "Anna", "Bram");
        (_anna, _bram) = (laptops[0], laptops[1]);
        // One push per client, so each is its own group in the feed and pages of two hold two clients.
        for (var i = 0; i < Clients; i++)
        {
            _anna.NewClient("Klant" + i);
            Assert.True((await _anna.Sync(_server)).Converged);
        }
    }

    public async Task DisposeAsync()
    {
        _anna.Dispose();
        _bram.Dispose();
        await _kind.DisposeAsync();
    }

    [Fact]
    public async Task EachPageAfterTheFirst_IsAskedForBeforeThePageBeforeIsWritten_FromTheAnchorThatPageStores()
    {
        var watching = new WatchingTransport(new StoreTransport(_server, _bram.Device), AnchorOf(_bram));

        var report = await new SyncEngine(_bram.Store, watching) { PullPageSize = 2 }.Run();

        Assert.True(report.Converged);
        Assert.Equal(Clients, _bram.Clients().Count);
        Assert.True(watching.Pulls.Count >= 4, $"{watching.Pulls.Count} pulls");
        Assert.Equal(0, watching.Pulls[0].After);
        for (var i = 1; i < watching.Pulls.Count; i++)
        {
            Assert.Equal(watching.Answers[i - 1].NextAnchor, watching.Pulls[i].After);
            // Asked for while the laptop still held the anchor from before the previous page.
            Assert.Equal(i == 1 ? 0 : watching.Answers[i - 2].NextAnchor, watching.Pulls[i].StoredAnchor);
        }
    }

    [Fact]
    public async Task AServerThatFailsOnAPageAskedForAhead_EndsTheSync_AfterThePageBeforeIsWritten_AndTheNextSyncCatchesUp()
    {
        var watching = new WatchingTransport(new StoreTransport(_server, _bram.Device), AnchorOf(_bram)) { FailPull = 3 };

        await Assert.ThrowsAsync<SyncTransportException>(() => new SyncEngine(_bram.Store, watching) { PullPageSize = 2 }.Run());

        Assert.Equal(watching.Answers[1].NextAnchor, AnchorOf(_bram)());
        Assert.Equal(4, _bram.Clients().Count);
        var caughtUp = await new SyncEngine(_bram.Store, new StoreTransport(_server, _bram.Device)) { PullPageSize = 2 }.Run();
        Assert.True(caughtUp.Converged);
        Assert.Equal(Clients, _bram.Clients().Count);
    }

    [Fact]
    public async Task APageThatCannotBeWritten_EndsTheSync_ThePageAskedForAheadIsCancelled_AndTheAnchorStaysAtThePageBefore()
    {
        var watching = new WatchingTransport(new StoreTransport(_server, _bram.Device), AnchorOf(_bram))
        {
            // The second page holds a row without columns ("columns": null from a broken server); the third is asked for
            // while the laptop tries to write it, and its answer waits until the sync gives it up.
            Alter = (number, page) => number == 2 ? page with { Changes = [page.Changes[0] with { Columns = null! }, .. page.Changes.Skip(1)] } : page,
            OnPull = (number, cancel) => number == 3 ? Task.Delay(TimeSpan.FromMinutes(1), cancel) : Task.CompletedTask,
        };

        await Assert.ThrowsAsync<NullReferenceException>(() => new SyncEngine(_bram.Store, watching) { PullPageSize = 2 }.Run());

        Assert.Contains(3, watching.Cancelled);
        Assert.Equal(watching.Answers[0].NextAnchor, AnchorOf(_bram)());
        Assert.Equal(2, _bram.Clients().Count);
        var caughtUp = await new SyncEngine(_bram.Store, new StoreTransport(_server, _bram.Device)).Run();
        Assert.True(caughtUp.Converged);
        Assert.Equal(Clients, _bram.Clients().Count);
    }

    private static Func<long> AnchorOf(StoreLaptop laptop) => () => new LocalSync(laptop.Store).Settings().Anchor;

    /// <summary>Passes every call on and notes each pull: its anchor, the laptop's stored anchor at that moment, and the answer.</summary>
    private sealed class WatchingTransport(ISyncTransport inner, Func<long> storedAnchor) : ISyncTransport
    {
        public List<(long After, long StoredAnchor)> Pulls { get; } = [];

        public List<PullResponse> Answers { get; } = [];

        public HashSet<int> Cancelled { get; } = [];

        /// <summary>The pull (counting from 1) that fails as an unreachable server would.</summary>
        public int? FailPull { get; init; }

        /// <summary>What the laptop receives instead of a pull's (counting from 1) answer.</summary>
        public Func<int, PullResponse, PullResponse>? Alter { get; init; }

        /// <summary>Starts when a pull (counting from 1) is asked for; the pull is passed on once it ends.</summary>
        public Func<int, CancellationToken, Task>? OnPull { get; init; }

        public Task<EnrolResponse> Enrol(EnrolRequest request, CancellationToken cancel) => inner.Enrol(request, cancel);

        public Task<PushResponse> Push(string token, PushRequest request, CancellationToken cancel) => inner.Push(token, request, cancel);

        public Task<PullResponse> Pull(string token, long after, int limit, CancellationToken cancel) => Pull(token, after, limit, 0, null, cancel);

        public async Task<PullResponse> Pull(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel)
        {
            Pulls.Add((after, storedAnchor()));
            var number = Pulls.Count;
            // The hook starts before this call returns to the engine, as the call itself would.
            var hook = OnPull?.Invoke(number, cancel) ?? Task.CompletedTask;
            await Task.Yield();
            if (number == FailPull)
                throw new SyncTransportException("unreachable", "De server is niet bereikbaar.");
            try
            {
                await hook;
            }
            catch (OperationCanceledException)
            {
                Cancelled.Add(number);
                throw;
            }

            var answer = await inner.Pull(token, after, limit, referenceVersion, namesHeld, cancel);
            Answers.Add(answer);
            answer = Alter?.Invoke(number, answer) ?? answer;
            return answer;
        }

        public Task<AuditUploadResponse> UploadAudit(string token, AuditUploadRequest request, CancellationToken cancel) => inner.UploadAudit(token, request, cancel);
    }
}
