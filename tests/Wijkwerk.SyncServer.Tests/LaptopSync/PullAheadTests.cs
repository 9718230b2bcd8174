using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// The laptop asks for the next pages while it writes the one before, each as soon as the page before told its head (over
/// HTTP its headers) and at most two ahead: each request carries the anchor the page before ends at, a failure on either
/// side leaves the anchor at the last page written, and the next sync catches up.
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
    public async Task EachPageAfterTheFirst_IsAskedForFromTheAnchorThePageBeforeEnds_NeverMoreThanTwoPagesAheadOfTheOneWritten()
    {
        var written = new PagesWritten();
        var watching = new WatchingTransport(new StoreTransport(_server, _bram.Device), written.Count);

        var report = await new SyncEngine(_bram.Store, watching) { PullPageSize = 2 }.Run(written);

        Assert.True(report.Converged);
        Assert.Equal(Clients, _bram.Clients().Count);
        Assert.True(watching.Pulls.Count >= 4, $"{watching.Pulls.Count} pulls");
        Assert.Equal(0, watching.Pulls[0].After);
        for (var i = 1; i < watching.Pulls.Count; i++)
        {
            Assert.Equal(watching.Answer(i).NextAnchor, watching.Pulls[i].After);
            // Pull i + 1 (counting from 1) is asked for with at most two pages before it not yet written.
            Assert.InRange(watching.Pulls[i].Written, i - 2, i);
        }
    }

    [Fact]
    public async Task PagesAreAskedFor_AsSoonAsTheHeadBeforeIsKnown_WhileTheirRowsAreStillUnderWay_UpToTwoAhead()
    {
        var written = new PagesWritten();
        var watching = new WatchingTransport(new StoreTransport(_server, _bram.Device), written.Count) { HoldRows = _ => true };

        var sync = new SyncEngine(_bram.Store, watching) { PullPageSize = 2 }.Run(written);
        await watching.AskedFor(3);
        // Page 1's rows have not come: pages 2 and 3 are asked for, page 4 waits for room.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var whileHeld = (watching.Pulls.Count, written.Count());
        watching.Release(1);
        await watching.AskedFor(4);
        var afterFirst = watching.Pulls[3].Written;
        watching.ReleaseAll();
        var report = await sync;

        Assert.Equal((3, 0), whileHeld);
        Assert.Equal(1, afterFirst);
        Assert.True(report.Converged);
        Assert.Equal(Clients, _bram.Clients().Count);
    }

    [Fact]
    public async Task APageThatSaysOtherwiseThanItsHead_EndsTheSync_WithoutWritingIt_AndTheNextSyncCatchesUp()
    {
        var watching = new WatchingTransport(new StoreTransport(_server, _bram.Device), () => 0)
        {
            // The second page ends one group further than its head said: the pull after it was asked from the head's anchor.
            Alter = (number, page) => number == 2 ? page with { NextAnchor = page.NextAnchor + 1 } : page,
        };

        var failure = await Assert.ThrowsAsync<SyncTransportException>(() => new SyncEngine(_bram.Store, watching) { PullPageSize = 2 }.Run());

        Assert.Equal(ProblemCodes.InvalidRequest, failure.Code);
        Assert.Equal(watching.Answer(1).NextAnchor, AnchorOf(_bram)());
        Assert.Equal(2, _bram.Clients().Count);
        var caughtUp = await new SyncEngine(_bram.Store, new StoreTransport(_server, _bram.Device)) { PullPageSize = 2 }.Run();
        Assert.True(caughtUp.Converged);
        Assert.Equal(Clients, _bram.Clients().Count);
    }

    [Fact]
    public async Task AServerThatFailsOnAPageAskedForAhead_EndsTheSync_AfterThePagesBeforeAreWritten_AndTheNextSyncCatchesUp()
    {
        var watching = new WatchingTransport(new StoreTransport(_server, _bram.Device), () => 0) { FailPull = 3 };

        await Assert.ThrowsAsync<SyncTransportException>(() => new SyncEngine(_bram.Store, watching) { PullPageSize = 2 }.Run());

        Assert.Equal(watching.Answer(2).NextAnchor, AnchorOf(_bram)());
        Assert.Equal(4, _bram.Clients().Count);
        var caughtUp = await new SyncEngine(_bram.Store, new StoreTransport(_server, _bram.Device)) { PullPageSize = 2 }.Run();
        Assert.True(caughtUp.Converged);
        Assert.Equal(Clients, _bram.Clients().Count);
    }

    [Fact]
    public async Task APageThatCannotBeWritten_EndsTheSync_ThePagesAskedForAheadAreCancelled_AndTheAnchorStaysAtThePageBefore()
    {
        var watching = new WatchingTransport(new StoreTransport(_server, _bram.Device), () => 0)
        {
            // The second page holds a row without columns ("columns": null from a broken server), and comes only once the
            // third is asked for; the third's answer waits until the sync gives it up.
            Alter = (number, page) => number == 2 ? page with { Changes = [page.Changes[0] with { Columns = null! }, .. page.Changes.Skip(1)] } : page,
            OnPull = (number, cancel) => number == 3 ? Task.Delay(TimeSpan.FromMinutes(1), cancel) : Task.CompletedTask,
            HoldRows = number => number == 2,
        };

        var sync = new SyncEngine(_bram.Store, watching) { PullPageSize = 2 }.Run();
        await watching.AskedFor(3);
        watching.Release(2);
        await Assert.ThrowsAsync<NullReferenceException>(() => sync);

        Assert.Contains(3, watching.Cancelled);
        Assert.Equal(watching.Answer(1).NextAnchor, AnchorOf(_bram)());
        Assert.Equal(2, _bram.Clients().Count);
        var caughtUp = await new SyncEngine(_bram.Store, new StoreTransport(_server, _bram.Device)).Run();
        Assert.True(caughtUp.Converged);
        Assert.Equal(Clients, _bram.Clients().Count);
    }

    private static Func<long> AnchorOf(StoreLaptop laptop) => () => new LocalSync(laptop.Store).Settings().Anchor;

    /// <summary>Counts the pages the engine has written (its pull progress, reported once a page is written), from any thread.</summary>
    private sealed class PagesWritten : IProgress<SyncProgress>
    {
        private int _count;

        public int Count() => Volatile.Read(ref _count);

        public void Report(SyncProgress value)
        {
            if (value.Phase == "pull")
                Interlocked.Increment(ref _count);
        }
    }

    /// <summary>
    /// Passes every call on and notes each pull: its anchor, how many pages were written when it was asked for, and the
    /// answer. Pulls are asked for on a thread of the engine's own while it writes, so nothing here reads the laptop's store.
    /// </summary>
    private sealed class WatchingTransport(ISyncTransport inner, Func<int> written) : ISyncTransport
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<int, PullResponse> _answers = [];
        private readonly Dictionary<int, TaskCompletionSource> _held = [];
        private readonly List<(long After, int Written)> _pulls = [];
        private bool _allReleased;

        public IReadOnlyList<(long After, int Written)> Pulls
        {
            get
            {
                lock (_lock)
                    return [.. _pulls];
            }
        }

        public HashSet<int> Cancelled { get; } = [];

        /// <summary>The pull (counting from 1) that fails as an unreachable server would.</summary>
        public int? FailPull { get; init; }

        /// <summary>What the laptop receives instead of a pull's (counting from 1) answer.</summary>
        public Func<int, PullResponse, PullResponse>? Alter { get; init; }

        /// <summary>Starts when a pull (counting from 1) is asked for; the pull is passed on once it ends.</summary>
        public Func<int, CancellationToken, Task>? OnPull { get; init; }

        /// <summary>
        /// The pulls (counting from 1) whose head comes at once and whose rows only once released (<see cref="Release"/>),
        /// as headers come before a body.
        /// </summary>
        public Func<int, bool> HoldRows { get; init; } = _ => false;

        /// <summary>The server's answer to a pull (counting from 1), before any change by <see cref="Alter"/>.</summary>
        public PullResponse Answer(int number)
        {
            lock (_lock)
                return _answers[number];
        }

        public async Task AskedFor(int pulls)
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (Pulls.Count < pulls)
                await Task.Delay(10, patience.Token);
        }

        public void Release(int number) => Held(number).TrySetResult();

        public void ReleaseAll()
        {
            lock (_lock)
            {
                _allReleased = true;
                foreach (var held in _held.Values)
                    held.TrySetResult();
            }
        }

        public Task<EnrolResponse> Enrol(EnrolRequest request, CancellationToken cancel) => inner.Enrol(request, cancel);

        public Task<PushResponse> Push(string token, PushRequest request, CancellationToken cancel) => inner.Push(token, request, cancel);

        public Task<PullResponse> Pull(string token, long after, int limit, CancellationToken cancel) => Pull(token, after, limit, 0, null, cancel);

        public Task<PullResponse> Pull(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel) =>
            PullAhead(token, after, limit, referenceVersion, namesHeld, cancel).Page;

        public PullCall PullAhead(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel)
        {
            int number;
            lock (_lock)
            {
                _pulls.Add((after, written()));
                number = _pulls.Count;
            }

            // The head is the server's own, so an answer changed by Alter may say otherwise than its head.
            var answer = Answered(number, token, after, limit, referenceVersion, namesHeld, cancel);
            return new PullCall(HeadOf(answer), HoldRows(number) ? RowsOf(number, answer, cancel) : SentOf(answer));
        }

        public Task<AuditUploadResponse> UploadAudit(string token, AuditUploadRequest request, CancellationToken cancel) => inner.UploadAudit(token, request, cancel);

        private async Task<(PullResponse Server, PullResponse Sent)> Answered(int number, string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel)
        {
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
                lock (_lock)
                    Cancelled.Add(number);
                throw;
            }

            var answer = await inner.Pull(token, after, limit, referenceVersion, namesHeld, cancel);
            lock (_lock)
                _answers[number] = answer;
            return (answer, Alter?.Invoke(number, answer) ?? answer);
        }

        private static async Task<PageHead> HeadOf(Task<(PullResponse Server, PullResponse Sent)> answer) => PageHead.Of((await answer).Server);

        private static async Task<PullResponse> SentOf(Task<(PullResponse Server, PullResponse Sent)> answer) => (await answer).Sent;

        private async Task<PullResponse> RowsOf(int number, Task<(PullResponse Server, PullResponse Sent)> answer, CancellationToken cancel)
        {
            await Held(number).Task.WaitAsync(cancel);
            return await SentOf(answer);
        }

        private TaskCompletionSource Held(int number)
        {
            lock (_lock)
            {
                if (!_held.TryGetValue(number, out var held))
                {
                    _held[number] = held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    if (_allReleased)
                        held.TrySetResult();
                }

                return held;
            }
        }
    }
}
