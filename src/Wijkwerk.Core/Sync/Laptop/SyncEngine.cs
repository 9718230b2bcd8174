using System.Net;
using System.Threading.Channels;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Sync.Laptop;

/// <summary>
/// One sync: push the outbox in batches, upload the audit log the server has not confirmed, then pull pages after the anchor until the server has no more,
/// then compare the scope checksum. Pushing first means the pull brings back the server's verdict on
/// this laptop's own edits. Loops are bounded so a misbehaving server cannot keep the laptop busy.
/// </summary>
public sealed class SyncEngine(LocalStore store, ISyncTransport transport)
{
    private const int MaxRounds = 10_000;

    /// <summary>
    /// Pages asked for beyond the one being written. Two let the server read one while the laptop receives another; the
    /// laptop then holds three pages at most.
    /// </summary>
    private const int PagesAhead = 2;

    /// <summary>Pushes on their way at once when the server takes them in turn: it reads one while it writes the other.</summary>
    private const int PushesOnTheirWay = 2;
    private readonly LocalSync _local = new(store);

    public int PushBatchSize { get; init; } = SyncProtocol.MaxMutationsPerPush;

    public int PullPageSize { get; init; } = SyncProtocol.MaxPullPageSize;

    public int AuditBatchSize { get; init; } = SyncProtocol.MaxAuditEventsPerUpload;

    /// <summary>
    /// One sync; a laptop that then does not match the server's scope by value, with nothing pending, re-reads
    /// its scope (<see cref="ScopeRepair"/>) and syncs once more, which also pushes what the repair queued; not when the
    /// server said its sums hold changes it has not served yet (they come with a later sync).
    /// </summary>
    public async Task<SyncReport> Run(IProgress<SyncProgress>? progress = null, CancellationToken cancel = default)
    {
        SyncReport first;
        using (store.BookkeepingCommits())
            first = await Once(progress, fullCheck: false, cancel);
        // Waits for the disk, and takes the sync's commits before it there with it.
        _local.MarkSynced();
        if (first.Converged || first.HeldBack || store.PendingChanges() > 0 || await Repair(cancel) is not { } repair)
            return first;
        // Not as bookkeeping: a repair queues changes of the laptop's own, numbered as the server answers them, which a
        // power cut must not undo once they are sent (the number would be given again to a later change).
        var second = await Once(progress, fullCheck: true, cancel);
        _local.MarkSynced();
        return new SyncReport(
            first.Pushed + second.Pushed, first.Accepted + second.Accepted, first.Conflicts + second.Conflicts, first.Refused + second.Refused,
            first.Pulled + second.Pulled + repair.Rewritten, first.Removed + second.Removed + repair.Removed, second.Converged, second.ScopeCount)
        {
            AuditUploaded = first.AuditUploaded + second.AuditUploaded,
            SetAside = first.SetAside + second.SetAside,
            Repair = repair,
            HeldBack = second.HeldBack,
        };
    }

    /// <summary>The whole scope again from anchor 0, in one bounded pass; null when the server kept sending pages.</summary>
    private async Task<ScopeRepairReport?> Repair(CancellationToken cancel)
    {
        var token = _local.Token()!;
        var repair = new ScopeRepair(store);
        long after = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var page = await transport.Pull(token, after, PullPageSize, cancel);
            repair.Apply(page);
            after = page.NextAnchor;
            if (!page.HasMore)
                return repair.Finish(after);
        }

        return null;
    }

    /// <param name="fullCheck">Count every row for the scope check, not only the rows this sync touched (after a repair).</param>
    private async Task<SyncReport> Once(IProgress<SyncProgress>? progress, bool fullCheck, CancellationToken cancel)
    {
        var token = _local.Token() ?? throw new SyncTransportException(ProblemCodes.Unauthorized, "Deze laptop is niet aangemeld; gebruik eerst 'wijkwerk login'.");
        var (pushed, accepted, conflicts, refused, audited) = await PushAll(token, progress, cancel);
        audited += await UploadAudit(token, cancel);

        var (pulled, removed, setAside, last) = await PullAll(token, progress, cancel);
        var (count, checksum) = _local.Scope(full: fullCheck);
        var heldBack = last is { ScopeHeldBack: true };
        var converged = last is not null && !heldBack && store.PendingChanges() == 0 && count == last.ScopeCount && checksum == last.ScopeChecksum;
        return new SyncReport(pushed, accepted, conflicts, refused, pulled, removed, converged, count) { AuditUploaded = audited, SetAside = setAside, HeldBack = heldBack };
    }

    /// <summary>
    /// Pulls and applies pages until the server has no more. Pages are asked for ahead of the one being written, each as soon
    /// as the answer before it told its head (<see cref="PageHead"/>: over HTTP its headers, before its rows), and at most
    /// <see cref="PagesAhead"/> of them: the server reads one page while the laptop reads and seals the one before and writes
    /// the one before that. A page that fails to apply ends the sync as before, and the pages asked for ahead are dropped unread.
    /// After a page that says more follow, the log is copied back into the file beside the writer (<see cref="LocalStore.CheckpointsBeside"/>)
    /// and the sealer works out the rows' shares of the scope checksum (<see cref="PageSealer.CountWith"/>).
    /// </summary>
    private async Task<(int Pulled, int Removed, int SetAside, PullResponse? Last)> PullAll(string token, IProgress<SyncProgress>? progress, CancellationToken cancel)
    {
        int pulled = 0, removed = 0, setAside = 0;
        PullResponse? last = null;
        using var sealer = new PageSealer(store);
        using var ahead = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var asked = Channel.CreateBounded<AskedPage>(new BoundedChannelOptions(PagesAhead) { SingleReader = true, SingleWriter = true });
        var asking = Ask(token, (_local.Settings().Anchor, store.Reference.Version, _local.NamesHeld()), sealer, asked.Writer, ahead.Token);
        IDisposable? checkpointsBeside = null;
        try
        {
            await foreach (var call in asked.Reader.ReadAllAsync(cancel))
            {
                var (page, seals) = await call.Page;
                // The next page was asked for by this page's head: a page that says otherwise would leave a gap or a repeat behind.
                if (await call.Head != PageHead.Of(page))
                    throw new SyncTransportException(ProblemCodes.InvalidRequest, "De server gaf een pagina die niet overeenkomt met wat hij erover vooraf meldde.");
                var applied = _local.Apply(page, seals);
                pulled += applied.Applied;
                removed += applied.Removed;
                setAside += applied.SetAside;
                last = page;
                progress?.Report(new SyncProgress("pull", pulled + removed, null));
                // A pull of many pages (a first sync) writes the log past 1,000 pages again and again: it is copied back beside the
                // writer, not by its commits; and the rows' shares of the scope checksum are worked out as their pages arrive.
                if (page.HasMore && checkpointsBeside is null)
                {
                    checkpointsBeside = store.CheckpointsBeside();
                    sealer.CountWith(_local.Forms);
                }
            }
        }
        finally
        {
            checkpointsBeside?.Dispose();
            await ahead.CancelAsync();
            await Settle(asking);
            while (asked.Reader.TryRead(out var dropped))
                await Settle(dropped.Page);
        }

        return (pulled, removed, setAside, last);
    }

    /// <summary>
    /// Asks for pages from <paramref name="start"/> on (the laptop's anchor, reference version and names, as the first pull
    /// says them), each once the one before told its head and there is room ahead, until a head says no more follow. A
    /// failure ends the asking; the page it struck fails too, or, for a call that never got under way, the channel ends
    /// with the failure, so the writer meets it either way.
    /// </summary>
    private async Task Ask(string token, (long After, long Reference, string? Names) start, PageSealer sealer, ChannelWriter<AskedPage> pages, CancellationToken cancel)
    {
        var (after, reference, names) = start;
        try
        {
            for (var round = 0; round < MaxRounds && await pages.WaitToWriteAsync(cancel); round++)
            {
                var call = transport.PullAhead(token, after, PullPageSize, reference, names, cancel);
                pages.TryWrite(new AskedPage(call.Head, Sealed(sealer, call.Page)));
                var head = await call.Head;
                if (!head.HasMore)
                    break;
                (after, reference, names) = (head.NextAnchor, head.ReferenceVersion ?? reference, head.Names ?? names);
            }

            pages.TryComplete();
        }
        catch (Exception e)
        {
            pages.TryComplete(e);
        }
    }

    /// <summary>A page asked for: its head, then its rows with their secret values sealed.</summary>
    private sealed record AskedPage(Task<PageHead> Head, Task<(PullResponse Page, PageSeals Seals)> Page);

    /// <summary>
    /// A page with its secret values sealed as soon as it arrives, on the thread that received it, while the page before is
    /// still being written (a first sync of 100,000 rows in the bench, median of five interleaved runs: 3.08 s against 4.06 s sealing as it wrote).
    /// </summary>
    private static async Task<(PullResponse Page, PageSeals Seals)> Sealed(PageSealer sealer, Task<PullResponse> pull)
    {
        var page = await pull.ConfigureAwait(false);
        return (page, sealer.Seal(page));
    }

    /// <summary>
    /// Pushes the outbox in batches. The next batch is read while the server works on the one before (rows after that
    /// one's, which its answer does not touch), and sent as soon as the answer before it came, before that answer is
    /// recorded. Once a server's answer said it takes pushes in turn (<see cref="PushResponse.InTurn"/>), the next batch goes
    /// without waiting for that answer too, naming the push before it (<see cref="PushRequest.Follows"/>): the server reads it
    /// while it writes the one before, and applies it only after that one. With none on its way, the push names the last one
    /// answered, so that it waits for its turn on the server instead of finding the device busy with the push sent just
    /// behind it. A push that comes out of turn (the push it follows did not reach the server in time), or that finds the device
    /// busy with the push after it, applied nothing, nor did any push after it: they go again, the first of them alone, then in turn again. A
    /// server instance of an older release, which does not know the path, is sent the rest of the sync one push at a time.
    /// A push the server finds too large (a release that took fewer mutations a push, or a proxy on the way that takes fewer
    /// bytes) applied nothing, nor did any push after it: the rest of the sync goes in pushes half as large, as often as it takes.
    /// Once the batches after those sent run out with nothing on its way, the outbox is read whole again, for an edit typed
    /// meanwhile on a row already sent.
    /// </summary>
    private async Task<(int Pushed, int Accepted, int Conflicts, int Refused, int Audited)> PushAll(string token, IProgress<SyncProgress>? progress, CancellationToken cancel)
    {
        int pushed = 0, accepted = 0, conflicts = 0, refused = 0, audited = 0;
        var total = (int)store.PendingChanges();
        var audit = new AuditWithPushes(_local, AuditBatchSize);
        var onTheirWay = new Queue<SentPush>();
        var (inTurn, oneAtATime) = (false, false);
        var batchSize = PushBatchSize;
        Guid? answered = null;
        var next = PushBody.Fit(_local.Pending(batchSize));
        // A batch read goes as soon as nothing is on its way, or, in turn, while fewer than PushesOnTheirWay are, naming the last.
        bool MaySend() => next.Count > 0 && (onTheirWay.Count == 0 || inTurn && onTheirWay.Count < PushesOnTheirWay);
        void SendNext() => onTheirWay.Enqueue(Send(token, next, audit, inTurn ? onTheirWay.LastOrDefault()?.Id ?? answered : null, cancel));

        for (var round = 0; round < MaxRounds && (next.Count > 0 || onTheirWay.Count > 0);)
        {
            if (MaySend())
            {
                SendNext();
                next = await ReadAhead(onTheirWay, batchSize);
                continue;
            }

            round++;
            var sent = onTheirWay.Dequeue();
            PushResponse? response;
            IReadOnlyList<AuditRecord> carried;
            try
            {
                (response, carried) = await sent.Answer;
            }
            catch (SyncTransportException e) when (e.Code == ProblemCodes.OutOfTurn || e.Code == ProblemCodes.Busy && onTheirWay.Count > 0
                                                   || e.Status == (int)HttpStatusCode.RequestEntityTooLarge && sent.Batch.Count > 1)
            {
                // Every push after it names the one before it, so none of those was applied either. With nothing on its way, the
                // outbox is read whole again below, and its oldest rows are this push's; after a push too large, in smaller batches.
                await SettleAll(onTheirWay);
                audit.Unanswered();
                (inTurn, oneAtATime) = (false, oneAtATime || e.Status == (int)HttpStatusCode.NotFound);
                if (e.Status == (int)HttpStatusCode.RequestEntityTooLarge)
                    batchSize = sent.Batch.Count / 2;
                (next, response, carried) = ([], null, []);
            }
            catch (Exception)
            {
                await SettleAll(onTheirWay);
                throw;
            }

            if (response is not null)
            {
                inTurn = response.InTurn && !oneAtATime;
                answered = sent.Id;
                // Sent before this answer is recorded, so the server applies it meanwhile; safe because it holds none of this
                // batch's rows, whose versions and outbox entries are all that recording the answer changes.
                if (round < MaxRounds && MaySend())
                {
                    SendNext();
                    next = [];
                }

                try
                {
                    _local.Record(sent.Batch, response);
                    audited += audit.Answered(carried, response);
                    pushed += sent.Batch.Count;
                    accepted += response.Results.Count(r => r.Status == SyncProtocol.Results.Accepted);
                    conflicts += response.Results.Count(r => r.Status == SyncProtocol.Results.Conflict);
                    refused += response.Results.Count(r => r.Status == SyncProtocol.Results.Refused);
                    progress?.Report(new SyncProgress("push", pushed, total));
                }
                catch (Exception) when (onTheirWay.Count > 0)
                {
                    // Their answers go unrecorded too: the next sync sends these batches again, and the server answers a mutation
                    // it applied before with its first answer instead of applying it twice.
                    await SettleAll(onTheirWay);
                    throw;
                }
            }

            if (next.Count == 0)
                next = await ReadAhead(onTheirWay, batchSize);
        }

        // Only when the rounds ran out: their answers go unrecorded, and the next sync sends those batches again.
        await SettleAll(onTheirWay);
        return (pushed, accepted, conflicts, refused, audited);
    }

    /// <summary>
    /// The batch after the last one on its way (rows whose oldest entry comes after that batch's), read while the pushes are on
    /// their way; with none on its way, the whole outbox. When the read fails, the answers on their way are recorded first
    /// (the server may hold their batches already), then the failure ends the sync.
    /// </summary>
    private async Task<IReadOnlyList<PendingMutation>> ReadAhead(Queue<SentPush> onTheirWay, int batchSize)
    {
        try
        {
            return PushBody.Fit(_local.Pending(batchSize, after: onTheirWay.LastOrDefault()?.Batch.Max(b => b.FirstSeq) ?? 0));
        }
        catch (Exception)
        {
            try
            {
                while (onTheirWay.TryDequeue(out var sent))
                    _local.Record(sent.Batch, (await sent.Answer).Response);
            }
            finally
            {
                await SettleAll(onTheirWay);
            }

            throw;
        }
    }

    /// <summary>A push on its way: its batch, and its answer with the audit events it carried.</summary>
    private sealed record SentPush(IReadOnlyList<PendingMutation> Batch, Guid Id, Task<(PushResponse Response, IReadOnlyList<AuditRecord> Carried)> Answer);

    private SentPush Send(string token, IReadOnlyList<PendingMutation> batch, AuditWithPushes audit, Guid? follows, CancellationToken cancel)
    {
        var id = Guid.NewGuid();
        return new SentPush(batch, id, Push(token, batch, audit, id, follows, cancel));
    }

    // Awaited here so that a transport failing before it returns a task, or the audit events failing to be read, fails the
    // task instead: the answer before is then still recorded by the caller. The audit events are read before the push goes,
    // with the events after them still local, as many as the body has room for beside the mutations.
    private async Task<(PushResponse Response, IReadOnlyList<AuditRecord> Carried)> Push(
        string token, IReadOnlyList<PendingMutation> batch, AuditWithPushes audit, Guid id, Guid? follows, CancellationToken cancel)
    {
        var carried = audit.Next(PushBody.Room(batch));
        var request = new PushRequest([.. batch.Select(b => b.Mutation)]) { Audit = carried.Count > 0 ? carried : null, Id = id, Follows = follows };
        return (await transport.Push(token, request, cancel), carried);
    }

    private static async Task SettleAll(Queue<SentPush> onTheirWay)
    {
        while (onTheirWay.TryDequeue(out var sent))
            await Settle(sent.Answer);
    }

    /// <summary>A call whose answer will not be recorded: waited for, whatever it meets, so nothing is left running.</summary>
    private static async Task Settle(Task call)
    {
        try
        {
            await call;
        }
        catch (Exception)
        {
            // The sync already ends with the failure that stopped it.
        }
    }

    /// <summary>
    /// A revoked laptop's last call before it wipes itself: the server still takes the device's own
    /// access-log events (append-only), so the NEN 7513 log of who saw what stays complete.
    /// </summary>
    public async Task<int> UploadAuditBeforeWipe(CancellationToken cancel = default) =>
        _local.Token() is { } token ? await UploadAudit(token, cancel) : 0;

    /// <summary>
    /// Sends the audit events the server has not confirmed, in batches, and remembers the highest seq it
    /// confirms. A batch that arrives twice (an answer lost on the way) is stored once by the server. A
    /// server that does not know the audit path yet (404) is left alone: the events wait for the next sync.
    /// </summary>
    private async Task<int> UploadAudit(string token, CancellationToken cancel)
    {
        var sent = 0;
        var batch = AuditBatch(null);
        for (var round = 0; round < MaxRounds && batch.Count > 0; round++)
        {
            var sending = transport.UploadAudit(token, new AuditUploadRequest(batch), cancel);
            // The events after this batch are read while the server stores it; they are sent only once it confirmed all of it.
            IReadOnlyList<AuditRecord> next;
            try
            {
                next = AuditBatch(batch[^1].Seq);
            }
            catch (Exception)
            {
                // Its confirmation goes unrecorded: the next sync sends the batch again, which the server stores once.
                await Settle(sending);
                throw;
            }

            AuditUploadResponse response;
            try
            {
                response = await sending;
            }
            catch (SyncTransportException e) when (e.Status == 404)
            {
                break;
            }

            var before = _local.AuditConfirmed();
            _local.ConfirmAudit(Math.Min(response.HighestSeq, batch[^1].Seq));
            sent += batch.Count;
            var confirmed = _local.AuditConfirmed();
            if (confirmed <= before)
                break; // no progress: do not loop on a server that will not take these
            batch = confirmed == batch[^1].Seq ? next : AuditBatch(null);
        }

        return sent;
    }

    /// <summary>The next audit events to upload, as many as one request's body holds (see <see cref="SyncProtocol.MaxPushBodyBytes"/>).</summary>
    private IReadOnlyList<AuditRecord> AuditBatch(long? after) =>
        PushBody.Fit(_local.PendingAudit(AuditBatchSize, after), SyncProtocol.MaxPushBodyBytes);
}
