using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Sync;

/// <summary>Scenario 11: whose edits go up when a store is enrolled (again), and what stays of the earlier worker.</summary>
public class LocalSyncEnrolmentTests
{
    private static readonly Uri Server = new("https://sync.example.test/");
    private static readonly Guid WorkerX = Guid.Parse("0193a000-0000-7000-8000-0000000000a1");
    private static readonly Guid WorkerY = Guid.Parse("0193a000-0000-7000-8000-0000000000b2");

    [Fact]
    public void FirstEnrolment_TakesTheEditsMadeBeforeItAlong()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        var sync = new LocalSync(temp.Store);

        sync.Enrol(Server, Enrolment(WorkerY, "token-y"));

        Assert.Equal(client.Id.Value, Assert.Single(sync.Pending(10)).Mutation.RowId);
        Assert.Equal("token-y", sync.Token());
    }

    [Fact]
    public void EnrollingAsAnotherWorker_WhileTheEarlierWorkersEditsWait_IsRefused_AndChangesNothing()
    {
        using var temp = new TempStore();
        var sync = new LocalSync(temp.Store);
        sync.Enrol(Server, Enrolment(WorkerX, "token-x"));
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        temp.Store.Clients.Update(client with { Notes = "van X" });
        temp.Store.Drafts.Save("client-form", "{\"notes\":\"half getypt\"}");

        var refused = Assert.Throws<EnrolmentRefusedException>(() => sync.Enrol(Server, Enrolment(WorkerY, "token-y")));

        Assert.Equal(2, refused.Pending);
        Assert.Equal("token-x", sync.Token());
        Assert.Equal(1, temp.Count($"SELECT count(*) FROM meta WHERE key = 'worker_id' AND value = '{WorkerX}'"));
        Assert.Equal(2, temp.Store.PendingChanges());
        Assert.Equal("van X", Assert.Single(temp.Store.Clients.Search()).Notes);
        Assert.NotNull(temp.Store.Drafts.Load("client-form"));
    }

    [Fact]
    public void EnrollingAsAnotherWorker_WithNothingPending_ForgetsTheEarlierWorkersRowsDraftsAndAnchor()
    {
        using var temp = new TempStore();
        var sync = new LocalSync(temp.Store);
        sync.Enrol(Server, Enrolment(WorkerX, "token-x"));
        temp.Store.Clients.Add(temp.NewClient());
        var pushed = sync.Pending(10);
        sync.Record(pushed, new PushResponse([new MutationResult(pushed[0].Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, [])]));
        sync.Apply(new PullResponse([], 7, false, 1, 0));
        sync.MarkSynced();
        temp.Store.Drafts.Save("client-form", "{\"notes\":\"half getypt\"}");
        var audit = temp.AuditEvents();

        sync.Enrol(Server, Enrolment(WorkerY, "token-y"));

        Assert.Empty(temp.Store.Clients.Search());
        Assert.Equal(0, temp.Count("SELECT count(*) FROM clients"));
        Assert.Empty(temp.Store.Drafts.Keys());
        Assert.Equal(0, sync.Settings().Anchor);
        Assert.Null(sync.Settings().LastSync);
        Assert.Equal((0, 0u), sync.Scope());
        Assert.Equal("token-y", sync.Token());
        Assert.True(temp.AuditEvents() >= audit); // the access log is append-only: it stays
    }

    [Fact]
    public void NamesHeld_AreThoseLastPulled_KeptByAPageWithoutNames_AndNoneOnceAnotherWorkerEnrols()
    {
        using var temp = new TempStore();
        var sync = new LocalSync(temp.Store);
        sync.Enrol(Server, Enrolment(WorkerX, "token-x"));
        var before = sync.NamesHeld();
        WorkerInfo[] team = [new(WorkerX, "Xandra"), new(WorkerY, "Yusuf")];
        sync.Apply(new PullResponse([], 3, false, 0, 0, team));
        var pulled = sync.NamesHeld();
        sync.Apply(new PullResponse([], 4, false, 0, 0));
        var kept = sync.NamesHeld();
        var named = temp.Store.Workers.NameOf(new Id<Worker>(WorkerY));

        sync.Enrol(Server, Enrolment(WorkerY, "token-y"));

        Assert.Null(before);
        Assert.Equal(WorkerNames.Fingerprint(team), pulled);
        Assert.Equal(0, temp.Count($"SELECT count(*) FROM meta WHERE value = '{pulled}'"));
        Assert.Equal(pulled, kept);
        Assert.Equal("Yusuf", named);
        Assert.Null(sync.NamesHeld());
    }

    [Fact]
    public void EnrollingAgainAsTheSameWorker_KeepsTheirPendingEdits_ForTheNextPush()
    {
        using var temp = new TempStore();
        var sync = new LocalSync(temp.Store);
        sync.Enrol(Server, Enrolment(WorkerX, "token-x"));
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);

        sync.Enrol(Server, Enrolment(WorkerX, "token-x-new-device"));

        Assert.Equal(client.Id.Value, Assert.Single(sync.Pending(10)).Mutation.RowId);
        Assert.Single(temp.Store.Clients.Search());
        Assert.Equal("token-x-new-device", sync.Token());
    }

    private static EnrolResponse Enrolment(Guid worker, string token) =>
        new(Guid.CreateVersion7(), token, worker, "Medewerker " + worker.ToString()[^2..], "nurse", [new TeamInfo(Guid.Parse("0193a000-0000-7000-8000-0000000000e1"), "Noord")]);
}
