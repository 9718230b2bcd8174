using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// Once the server says it takes pushes in turn, a laptop sends the next push before the answer to the one before: the
/// server reads it while it writes that one, and applies it only after it. A push that gets there first waits for the one
/// it follows, a moment at most; when that one still does not come, it applies nothing and goes again, after which the
/// pushes go in turn again. A server instance without the path is sent the rest one at a time. The real server over real
/// HTTP, rows whose client travels in the push before them, and the laptop's access log riding along.
/// </summary>
public sealed class PushInTurnSyncTests
{
    private const int Clients = 12;
    private const int Batch = 5;

    [Fact]
    public async Task AnUpload_HasTwoPushesOnTheirWay_AndEveryRowLandsOnce_AfterTheClientItBelongsTo()
    {
        using var team = await Team.Noord("Anna", "Bram");
        var anna = ClientsWithSignals(team);
        // Each answer comes a little late, as from a server further away: the next push is always on its way by then. A push
        // in turn leaves a moment after the laptop sends it, as behind the push before it on a real network: sent back to
        // back, the two are authenticated side by side, and under load the one in turn could get there first (that case is
        // the next test's).
        using var watching = new TurnWatchingHandler { AnswerDelay = TimeSpan.FromMilliseconds(200), InTurnDelay = TimeSpan.FromMilliseconds(50) };

        var report = await anna.Sync(watching, Batch, new Recording(watching));

        AllTaken(report);
        Assert.Equal(SyncProtocol.PushPath, watching.Pushes[0].Path);
        Assert.Contains(watching.Pushes, p => p.Path == SyncProtocol.PushInTurnPath);
        Assert.All(watching.Pushes, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Equal(2, watching.MostOnTheirWay);
        // From the fourth push on, each leaves as the answer two pushes before it comes, before that answer is recorded.
        Assert.True(watching.Pushes.Count >= 5);
        Assert.All(Enumerable.Range(4, watching.Pushes.Count - 3), k =>
            Assert.True(watching.Events.IndexOf($"sent {k}") < watching.Events.IndexOf($"recorded {k - 2}"), string.Join(", ", watching.Events)));
        await AllArrived(team, anna);
    }

    [Fact]
    public async Task APushThatGetsThereBeforeThePushItFollows_AppliesNothing_AndGoesAgainAfterIt_ThenPushesGoInTurnAgain()
    {
        using var team = await Team.Noord("Anna", "Bram");
        var anna = ClientsWithSignals(team);
        // The second push is sent as soon as the first is answered, the third in turn behind it: held back, the second
        // reaches the server after the third.
        using var watching = new TurnWatchingHandler { HoldPush = 2 };

        var report = await anna.Sync(watching, Batch);

        AllTaken(report);
        Assert.Equal((SyncProtocol.PushInTurnPath, HttpStatusCode.Conflict), (watching.Pushes[2].Path, watching.Pushes[2].Status));
        AfterTheLastRefusedInTurnAgain(watching);
        await AllArrived(team, anna);
    }

    [Fact]
    public async Task APushSentWithNoneOnItsWay_WaitsForItsTurn_WhileThePushBehindItHoldsTheDevice_ThenThatOneIsAppliedAfterIt()
    {
        using var team = await Team.Noord("Anna", "Bram");
        var anna = ClientsWithSignals(team);
        // The third push reaches the server first and takes the device's turn while its body is on its way; the second,
        // sent before it with none on its way, gets there a second later. Had it not named the push answered before it, it
        // would hear that the device is busy; had the third not waited for it once it found itself out of turn, the third
        // and the one sent behind it would go again.
        using var watching = new TurnWatchingHandler { HoldPush = 2, Hold = TimeSpan.FromSeconds(1), SlowBodyPush = 3 };

        var report = await anna.Sync(watching, Batch);

        AllTaken(report);
        Assert.Equal([SyncProtocol.PushPath, SyncProtocol.PushInTurnPath, SyncProtocol.PushInTurnPath], watching.Pushes.Take(3).Select(p => p.Path));
        Assert.All(watching.Pushes, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        await AllArrived(team, anna);
    }

    [Fact]
    public async Task APushInTurnThatGetsThereBeforeThePushItFollows_GivesItTheGraceToArrive_AndIsAppliedAfterIt()
    {
        var grace = TimeSpan.FromSeconds(5);
        using var team = await Team.Noord(new SyncWorld(new Dictionary<string, string> { ["Wijkwerk__InTurnGraceMilliseconds"] = $"{grace.TotalMilliseconds}" }), "Anna", "Bram");
        var anna = ClientsWithSignals(team);
        // The second push leaves a second late: the third, sent behind it, is there first, finds itself out of turn with no
        // request of the device waiting, and gives the second its grace to arrive.
        using var watching = new TurnWatchingHandler { HoldPush = 2, Hold = TimeSpan.FromSeconds(1) };

        var report = await anna.Sync(watching, Batch);

        AllTaken(report);
        Assert.Equal(SyncProtocol.PushInTurnPath, watching.Pushes[2].Path);
        Assert.All(watching.Pushes, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.True(watching.Pushes[2].Answered >= grace, $"the third push was answered after {watching.Pushes[2].Answered}, before the grace ended");
        await AllArrived(team, anna);
    }

    [Fact]
    public async Task AServerInstanceWithoutTheInTurnPath_IsSentEveryPushAgainOneAtATime()
    {
        using var team = await Team.Noord("Anna", "Bram");
        var anna = ClientsWithSignals(team);
        using var watching = new TurnWatchingHandler { WithoutInTurnPath = true };

        var report = await anna.Sync(watching, Batch);

        AllTaken(report);
        AfterTheLastInTurnOnlyPlainPushes(watching, HttpStatusCode.NotFound);
        await AllArrived(team, anna);
    }

    [Fact]
    public async Task APushAServerFindsTooLarge_AppliedNothing_AndTheRestOfTheSyncGoesInPushesHalfAsLarge()
    {
        using var team = await Team.Noord("Anna", "Bram");
        var anna = ClientsWithSignals(team);
        // A server of a release that took fewer mutations a push than this laptop sends: batches of 5, one at most.
        using var watching = new TurnWatchingHandler { MostMutations = 1 };

        var report = await anna.Sync(watching, Batch);

        AllTaken(report);
        // Halved twice, from 5 to 2 to 1; then every push was taken, one mutation each, in turn again.
        var seen = watching.Pushes.Select(p => $"{p.Mutations}: {(int?)p.Status}").ToList();
        Assert.Equal([$"{Batch}: 413", "2: 413", .. Enumerable.Repeat("1: 200", 2 * Clients)], seen);
        Assert.Contains(watching.Pushes, p => p.Path == SyncProtocol.PushInTurnPath);
        await AllArrived(team, anna);
    }

    /// <summary>
    /// After the last push answered out of turn, every push was taken, the first of them alone on the plain path; and after
    /// the first answered so, pushes went in turn again and were taken.
    /// </summary>
    private static void AfterTheLastRefusedInTurnAgain(TurnWatchingHandler watching)
    {
        var seen = string.Join(", ", watching.Pushes.Select(p => $"{p.Path} {p.Status}"));
        var after = watching.Pushes.Skip(watching.Pushes.FindLastIndex(p => p.Status == HttpStatusCode.Conflict) + 1).ToList();
        Assert.True(after.Count > 0, seen);
        Assert.All(after, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Equal(SyncProtocol.PushPath, after[0].Path);
        Assert.True(
            watching.Pushes.Skip(watching.Pushes.FindIndex(p => p.Status == HttpStatusCode.Conflict)).Any(p => (p.Path, p.Status) == (SyncProtocol.PushInTurnPath, HttpStatusCode.OK)),
            seen);
    }

    /// <summary>Every push in turn met <paramref name="refused"/> (there was one); every push sent after the last of them went alone, on the plain path, and was taken.</summary>
    private static void AfterTheLastInTurnOnlyPlainPushes(TurnWatchingHandler watching, HttpStatusCode refused)
    {
        var inTurn = watching.Pushes.FindAll(p => p.Path == SyncProtocol.PushInTurnPath);
        Assert.NotEmpty(inTurn);
        Assert.All(inTurn, p => Assert.Equal(refused, p.Status));
        var after = watching.Pushes.Skip(watching.Pushes.LastIndexOf(inTurn[^1]) + 1).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, p => Assert.Equal((SyncProtocol.PushPath, HttpStatusCode.OK), (p.Path, p.Status)));
    }

    /// <summary>Anna's clients, each followed by a signal about it: a batch of five often ends between a client and its signal.</summary>
    private static Laptop ClientsWithSignals(Team team)
    {
        var anna = team.Laptops[0];
        anna.Store.Batch(() =>
        {
            for (var i = 0; i < Clients; i++)
            {
                var client = anna.NewClient("Naam" + i, "Achternaam" + i);
                anna.Store.Signals.Add(Signal.Report(
                    Id<Signal>.New(team.World.Clock), client.Id, SignalSource.Pharmacy, null, "Vergeet medicatie " + i, [LifeDomain.FittingSupport],
                    Urgency.Normal, new ConsentBasis(true, ""), null, team.World.Clock.GetUtcNow()).Value);
            }
        });
        Assert.NotEmpty(new LocalSync(anna.Store).PendingAudit(1000));
        return anna;
    }

    /// <summary>Every row of Anna's accepted, none in conflict or refused, and her laptop matches the server.</summary>
    private static void AllTaken(SyncReport report)
    {
        Assert.Equal((2 * Clients, 0, 0), (report.Accepted, report.Conflicts, report.Refused));
        Assert.True(report.Converged);
    }

    /// <summary>Nothing left on Anna's laptop, her access log included, and Bram in her team receives every row.</summary>
    private static async Task AllArrived(Team team, Laptop anna)
    {
        Assert.Equal(0, anna.Store.PendingChanges());
        Assert.Empty(new LocalSync(anna.Store).PendingAudit(1000, new LocalSync(anna.Store).AuditConfirmed()));
        var bram = team.Laptops[1];
        Assert.True((await bram.Sync()).Converged);
        Assert.Equal(anna.Clients().Select(c => c.Id.ToString()).Order(), bram.Clients().Select(c => c.Id.ToString()).Order());
        Assert.Equal(Clients, bram.Store.Signals.Open().Count);
    }

    /// <summary>Notes each push's answer recorded on the laptop (its progress report, made as it is recorded) beside the pushes sent.</summary>
    private sealed class Recording(TurnWatchingHandler watching) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value)
        {
            if (value.Phase == "push")
                watching.Recorded();
        }
    }

    /// <summary>A push as the handler saw it, in the order sent: its path, and its answer once it came.</summary>
    private sealed class PushSeen(string path, int mutations)
    {
        public string Path { get; } = path;

        public int Mutations { get; } = mutations;

        public HttpStatusCode? Status { get; set; }

        /// <summary>How long after it was sent its answer came.</summary>
        public TimeSpan Answered { get; set; }
    }

    /// <summary>Real HTTP that notes each push's path and answer and how many were on their way at once; it can hold one push back, or play a server instance without the in-turn path or one that takes fewer mutations a push.</summary>
    private sealed class TurnWatchingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private readonly Lock _lock = new();
        private int _onTheirWay;
        private int _recorded;
        private Task _left = Task.CompletedTask;

        /// <summary>The push (1 for the first) held back for <see cref="Hold"/> before it leaves.</summary>
        public int HoldPush { get; init; }

        public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(2);

        /// <summary>The push whose body leaves three seconds after its head, so that the server waits for it with the request under way.</summary>
        public int SlowBodyPush { get; init; }

        /// <summary>How long each push's answer is held back once it came.</summary>
        public TimeSpan AnswerDelay { get; init; }

        /// <summary>How long each push in turn leaves after the push before it left.</summary>
        public TimeSpan InTurnDelay { get; init; }

        public bool WithoutInTurnPath { get; init; }

        /// <summary>A push of more mutations is answered as a server of a release that took no more: 413, nothing applied.</summary>
        public int MostMutations { get; init; } = int.MaxValue;

        public List<PushSeen> Pushes { get; } = [];

        public int MostOnTheirWay { get; private set; }

        /// <summary>"sent k" as push k leaves, "recorded k" as the laptop has recorded the answer to push k.</summary>
        public List<string> Events { get; } = [];

        public void Recorded()
        {
            lock (_lock)
                Events.Add($"recorded {++_recorded}");
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (!path.StartsWith(SyncProtocol.PushPath, StringComparison.Ordinal))
                return await base.SendAsync(request, cancellationToken);
            var mutations = (await request.Content!.ReadFromJsonAsync(ProtocolJson.Default.PushRequest, cancellationToken))!.Mutations.Count;
            var seen = new PushSeen(path, mutations);
            var sent = Stopwatch.GetTimestamp();
            int number;
            Task before;
            var leaving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_lock)
            {
                (before, _left) = (_left, leaving.Task);
                Pushes.Add(seen);
                number = Pushes.Count;
                Events.Add($"sent {number}");
                MostOnTheirWay = Math.Max(MostOnTheirWay, ++_onTheirWay);
            }

            try
            {
                if (number == HoldPush)
                    await Task.Delay(Hold, cancellationToken);
                if (path == SyncProtocol.PushInTurnPath && InTurnDelay > TimeSpan.Zero)
                {
                    await before;
                    await Task.Delay(InTurnDelay, cancellationToken);
                }

                leaving.TrySetResult();
                if (number == SlowBodyPush)
                    request.Content = new SlowContent(request.Content!, TimeSpan.FromSeconds(3));
                var response = WithoutInTurnPath && path == SyncProtocol.PushInTurnPath
                    ? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("") }
                    : mutations > MostMutations
                        ? new HttpResponseMessage(HttpStatusCode.RequestEntityTooLarge)
                        {
                            Content = JsonContent.Create(new ProblemResponse(ProblemCodes.TooLarge, $"Te veel wijzigingen in één keer ({mutations}); stuur er hoogstens {MostMutations} per keer."), ProtocolJson.Default.ProblemResponse),
                        }
                        : await base.SendAsync(request, cancellationToken);
                (seen.Status, seen.Answered) = (response.StatusCode, Stopwatch.GetElapsedTime(sent));
                await Task.Delay(AnswerDelay, cancellationToken);
                return response;
            }
            finally
            {
                leaving.TrySetResult();
                lock (_lock)
                    _onTheirWay--;
            }
        }
    }

    /// <summary>A request body that leaves only after a delay, its head at once.</summary>
    private sealed class SlowContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly TimeSpan _delay;

        public SlowContent(HttpContent inner, TimeSpan delay)
        {
            (_inner, _delay) = (inner, delay);
            foreach (var (name, values) in inner.Headers)
                Headers.TryAddWithoutValidation(name, values);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            // The head leaves now: the client would otherwise hold it back with the body.
            await stream.FlushAsync(cancellationToken);
            await Task.Delay(_delay, cancellationToken);
            await _inner.CopyToAsync(stream, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _inner.Dispose();
            base.Dispose(disposing);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }
    }
}
