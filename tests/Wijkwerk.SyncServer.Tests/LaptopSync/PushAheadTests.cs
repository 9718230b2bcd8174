using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// The laptop sends its next push before it records the answer to the one before, and reads its next audit events while
/// the server stores the ones before: an answer lost on the way or a part of a batch not confirmed loses nothing and
/// stores nothing twice. A real laptop store and sync engine against a real SQLite server store, through a transport
/// that watches the calls.
/// </summary>
public sealed class PushAheadTests : IAsyncLifetime
{
    private const int Clients = 7;
    private readonly SqliteKind _kind = new();
    private ISyncStore _server = null!;
    private StoreLaptop _anna = null!;

    public async Task InitializeAsync()
    {
        _server = await _kind.OpenAsync();
        _anna = (await StoreLaptop.Noord(_server, "Anna"))[0];
        for (var i = 0; i < Clients; i++)
            _anna.NewClient("Klant" + i);
    }

    public async Task DisposeAsync()
    {
        _anna.Dispose();
        await _kind.DisposeAsync();
    }

    [Fact]
    public async Task EachPushAfterTheFirst_IsSentBeforeTheAnswerBeforeIsRecorded()
    {
        var watching = new WatchingTransport(new StoreTransport(_server, _anna.Device), PendingRows(_anna));

        var report = await new SyncEngine(_anna.Store, watching) { PushBatchSize = 2 }.Run();

        Assert.True(report.Converged);
        Assert.Equal([2, 2, 2, 1], watching.Pushes.Select(p => p.Rows.Count));
        for (var i = 1; i < watching.Pushes.Count; i++)
            Assert.Superset(watching.Pushes[i - 1].Rows.ToHashSet(), watching.Pushes[i].PendingWhenSent.ToHashSet());
        Assert.Empty(new LocalSync(_anna.Store).Pending(100));
        Assert.Equal(Clients, (await ServerClients()).Count);
    }

    [Fact]
    public async Task APushSentAheadWhoseAnswerIsLost_EndsTheSync_AfterTheAnswerBeforeIsRecorded_AndTheNextSyncStoresNothingTwice()
    {
        var watching = new WatchingTransport(new StoreTransport(_server, _anna.Device), PendingRows(_anna)) { LosePushAnswer = 3 };

        await Assert.ThrowsAsync<SyncTransportException>(() => new SyncEngine(_anna.Store, watching) { PushBatchSize = 2 }.Run());

        // The first two answers are recorded; the third batch reached the server, its answer did not reach the laptop, and
        // the last client was never sent.
        Assert.Equal(3, watching.Pushes.Count);
        var pending = new LocalSync(_anna.Store).Pending(100).Select(p => p.Mutation.RowId).ToHashSet();
        Assert.Equal(3, pending.Count);
        Assert.Superset(watching.Pushes[2].Rows.ToHashSet(), pending);
        Assert.Equal(6, (await ServerClients()).Count);

        var again = new WatchingTransport(new StoreTransport(_server, _anna.Device), PendingRows(_anna));
        var report = await new SyncEngine(_anna.Store, again) { PushBatchSize = 2 }.Run();

        Assert.True(report.Converged);
        Assert.Equal(watching.Pushes[2].MutationIds, again.Pushes[0].MutationIds);
        Assert.Equal(3, report.Accepted);
        Assert.All(await ServerClients(), c => Assert.Equal(1, c.Version));
        Assert.Equal(Clients, (await ServerClients()).Count);
        Assert.Empty(new LocalSync(_anna.Store).Pending(100));
    }

    [Fact]
    public async Task AnAnswerThatCannotBeRecorded_WhileTheNextPushIsOnItsWay_EndsTheSyncOnceThatPushIsAnswered_AndNothingIsAppliedTwice()
    {
        var watching = new WatchingTransport(new StoreTransport(_server, _anna.Device), PendingRows(_anna))
        {
            // Sent while the answer to the second push is about to be recorded: from now on the outbox cannot be cleared.
            OnPush = number =>
            {
                if (number == 3)
                    Exec("CREATE TEMP TRIGGER full_disk BEFORE DELETE ON outbox BEGIN SELECT RAISE(ABORT, 'schijf vol'); END;");
            },
            SlowAnswer = 3,
        };

        await Assert.ThrowsAsync<SqliteException>(() => new SyncEngine(_anna.Store, watching) { PushBatchSize = 2 }.Run());

        Assert.Equal(3, watching.Pushes.Count);
        Assert.Equal(3, watching.Answered);
        // The first answer is recorded; the second and third batches reached the server without their answers recorded.
        Assert.Equal(5, new LocalSync(_anna.Store).Pending(100).Count);
        Assert.Equal(6, (await ServerClients()).Count);
        Exec("DROP TRIGGER full_disk;");

        var again = new WatchingTransport(new StoreTransport(_server, _anna.Device), PendingRows(_anna));
        var report = await new SyncEngine(_anna.Store, again) { PushBatchSize = 2 }.Run();

        Assert.True(report.Converged);
        Assert.Equal(watching.Pushes[1].MutationIds.Concat(watching.Pushes[2].MutationIds), again.Pushes.Take(2).SelectMany(p => p.MutationIds));
        Assert.All(await ServerClients(), c => Assert.Equal(1, c.Version));
        Assert.Equal(Clients, (await ServerClients()).Count);
        Assert.Empty(new LocalSync(_anna.Store).Pending(100));
    }

    [Fact]
    public async Task AuditEventsReadAhead_AreNotSentWhenTheServerConfirmsOnlyPartOfABatch_AndEveryEventIsStoredOnce()
    {
        var local = OwnEvents();
        Assert.True(local.Count >= 5, $"{local.Count} events");
        // An older server, which does not store events that come with a push: they all go by the audit upload.
        var watching = new WatchingTransport(new StoreTransport(_server, _anna.Device), PendingRows(_anna)) { ConfirmOnlyFirstOfUpload = 2, OlderServer = true };

        var report = await new SyncEngine(_anna.Store, watching) { AuditBatchSize = 3 }.Run();

        Assert.True(report.Converged);
        var uploads = watching.Uploads;
        // The second batch was stored only in part: the third batch starts at the first event the server did not confirm.
        Assert.Equal(uploads[1][1], uploads[2][0]);
        Assert.Equal(local, uploads.SelectMany(u => u).Distinct().Order());
        Assert.Equal(local, await StoredSeqs());
        Assert.Equal(local[^1], new LocalSync(_anna.Store).AuditConfirmed());
    }

    [Fact]
    public async Task AuditEventsGoWithThePushes_EachCarryingTheBatchAfterTheOneBefore_AndNoUploadIsLeftToDo()
    {
        var local = OwnEvents();
        var watching = new WatchingTransport(new StoreTransport(_server, _anna.Device), PendingRows(_anna));

        var report = await new SyncEngine(_anna.Store, watching) { PushBatchSize = 2, AuditBatchSize = 2 }.Run();

        Assert.True(report.Converged);
        Assert.Equal(4, watching.Pushes.Count);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => local.Skip(2 * i).Take(2).ToList()), watching.PushedAudit);
        Assert.Equal(local.Skip(8), watching.Uploads.SelectMany(u => u));
        Assert.Equal(local.Count, report.AuditUploaded);
        Assert.Equal(local, await StoredSeqs());
        Assert.Equal(local[^1], new LocalSync(_anna.Store).AuditConfirmed());
    }

    [Fact]
    public async Task APushWhoseEventsTheServerDidNotStore_StopsTheEventsOfTheRest_AndTheUploadSendsFromTheFirstNotStored_EachStoredOnce()
    {
        var local = OwnEvents();
        Assert.True(local.Count >= 6, $"{local.Count} events");
        var watching = new WatchingTransport(new StoreTransport(_server, _anna.Device), PendingRows(_anna)) { DropAuditOfPush = 2 };

        var report = await new SyncEngine(_anna.Store, watching) { PushBatchSize = 2, AuditBatchSize = 2 }.Run();

        Assert.True(report.Converged);
        // The third push left before the second's answer said its events were not stored: it carried the next two, which the
        // server stored but the laptop does not count as delivered, as the events before them were not.
        Assert.Equal([local[..2], local[2..4], local[4..6], []], watching.PushedAudit);
        Assert.Equal(local[2..], watching.Uploads.SelectMany(u => u));
        Assert.Equal(local, await StoredSeqs());
        Assert.Equal(local[^1], new LocalSync(_anna.Store).AuditConfirmed());
    }

    private List<long> OwnEvents() =>
        [.. AuditLog.Read(_anna.Store).Where(e => e.DeviceId == _anna.Store.Identity.DeviceId).Select(e => e.Seq).Order()];

    private async Task<List<RowChange>> ServerClients() =>
        [.. (await _server.PullAsync(_anna.Device, 0, SyncProtocol.MaxPullPageSize, DateTimeOffset.UtcNow)).Changes.Where(c => c.Table == "clients")];

    private void Exec(string sql)
    {
        using var command = _anna.Store.Command(sql);
        command.ExecuteNonQuery();
    }

    private async Task<List<long>> StoredSeqs()
    {
        var seqs = new List<long>();
        foreach (var client in _anna.Clients())
            seqs.AddRange((await _server.ClientAuditAsync(client.Id.Value)).Where(e => e.Source == "laptop").Select(e => e.Seq!.Value));
        return [.. seqs.Order()];
    }

    private static Func<IReadOnlyList<Guid>> PendingRows(StoreLaptop laptop) => () => [.. new LocalSync(laptop.Store).Pending(100).Select(p => p.Mutation.RowId)];

    /// <summary>Passes every call on and notes each push (its rows, and the rows still waiting in the outbox as it is sent) and each audit upload.</summary>
    private sealed class WatchingTransport(ISyncTransport inner, Func<IReadOnlyList<Guid>> pendingRows) : ISyncTransport
    {
        public List<(IReadOnlyList<Guid> Rows, IReadOnlyList<long> MutationIds, IReadOnlyList<Guid> PendingWhenSent)> Pushes { get; } = [];

        /// <summary>Pushes the server answered.</summary>
        public int Answered { get; private set; }

        /// <summary>The push (counting from 1) whose answer takes half a second to come back.</summary>
        public int? SlowAnswer { get; init; }

        /// <summary>Runs as a push (counting from 1) is sent, before the server sees it.</summary>
        public Action<int>? OnPush { get; init; }

        public List<IReadOnlyList<long>> Uploads { get; } = [];

        /// <summary>The push (counting from 1) that the server applies and whose answer is then lost.</summary>
        public int? LosePushAnswer { get; init; }

        /// <summary>The audit upload (counting from 1) of which the server stores only the first event.</summary>
        public int? ConfirmOnlyFirstOfUpload { get; init; }

        public Task<EnrolResponse> Enrol(EnrolRequest request, CancellationToken cancel) => inner.Enrol(request, cancel);

        /// <summary>The audit seqs each push carried.</summary>
        public List<IReadOnlyList<long>> PushedAudit { get; } = [];

        /// <summary>Answers as a server of the release before: events that come with a push are not stored, and not answered.</summary>
        public bool OlderServer { get; init; }

        /// <summary>The push (counting from 1) whose events do not reach the server: it stores none and answers none.</summary>
        public int? DropAuditOfPush { get; init; }

        public async Task<PushResponse> Push(string token, PushRequest request, CancellationToken cancel)
        {
            Pushes.Add(([.. request.Mutations.Select(m => m.RowId)], [.. request.Mutations.Select(m => m.MutationId)], pendingRows()));
            PushedAudit.Add([.. (request.Audit ?? []).Select(e => e.Seq)]);
            var number = Pushes.Count;
            OnPush?.Invoke(number);
            await Task.Yield();
            var answer = OlderServer || number == DropAuditOfPush
                ? await inner.Push(token, request with { Audit = null }, cancel) with { AuditHeld = null }
                : await inner.Push(token, request, cancel);
            if (number == SlowAnswer)
                await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
            Answered++;
            if (number == LosePushAnswer)
                throw new SyncTransportException("unreachable", "De verbinding viel weg.");
            return answer;
        }

        public Task<PullResponse> Pull(string token, long after, int limit, CancellationToken cancel) => inner.Pull(token, after, limit, cancel);

        public Task<PullResponse> Pull(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel) =>
            inner.Pull(token, after, limit, referenceVersion, namesHeld, cancel);

        public async Task<AuditUploadResponse> UploadAudit(string token, AuditUploadRequest request, CancellationToken cancel)
        {
            Uploads.Add([.. request.Events.Select(e => e.Seq)]);
            await Task.Yield();
            return Uploads.Count == ConfirmOnlyFirstOfUpload
                ? await inner.UploadAudit(token, request with { Events = [request.Events[0]] }, cancel)
                : await inner.UploadAudit(token, request, cancel);
        }
    }
}
