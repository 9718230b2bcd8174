using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// A laptop's access log is stored many events to a statement; what that must keep: every event once, the first copy of a
/// seq sent twice, a batch sent again (an answer lost) adding nothing, and the highest seq held as the answer. On both stores.
/// </summary>
public abstract class AuditStoreTests(StoreKind kind) : StoreTest(kind)
{
    [Fact]
    public async Task Audit_ABatchOfMany_WithASeqTwice_AndSentAgain_StoresEachEventOnce()
    {
        var (store, device) = await EnrolledNurse();
        var client = Guid.NewGuid();
        AuditRecord Event(long seq, string detail) =>
            new(seq, "View", Now.AddSeconds(-seq), seq % 3 == 0 ? client : null, device.WorkerId, "nurse", device.DeviceId, "Success", detail);
        List<AuditRecord> batch = [.. Enumerable.Range(1, 250).Select(seq => Event(seq, "eerst"))];
        batch.Insert(150, Event(120, "tweede keer"));

        var highest = await store.StoreAuditAsync(device, batch, Now);
        var again = await store.StoreAuditAsync(device, batch[..100], Now);

        Assert.Equal((250L, 250L), (highest, again));
        Assert.Equal(250, await Kind.CountAsync("SELECT count(*) FROM audit_events;"));
        Assert.Equal(0, await Kind.CountAsync("SELECT count(*) FROM audit_events WHERE detail <> 'eerst';"));
        var seen = (await store.ClientAuditAsync(client)).Where(e => e.Source == "laptop").ToList();
        Assert.Equal(Enumerable.Range(1, 250).Where(seq => seq % 3 == 0).Select(seq => (long?)seq).Order(), seen.Select(e => e.Seq).Order());
        Assert.All(seen, e => Assert.Equal((device.DeviceId, "View", "Success"), (e.DeviceId, e.Type, e.Outcome)));
    }

    [Fact]
    public async Task Audit_ABatchBelowAndAboveTheHighestStored_FillsAGapBelow_AddsTheRest_AndKeepsWhatWasStored()
    {
        var (store, device) = await EnrolledNurse();
        AuditRecord Event(long seq, string detail) => new(seq, "View", Now, null, device.WorkerId, "nurse", device.DeviceId, "Success", detail);
        var first = await store.StoreAuditAsync(device, [.. Enumerable.Range(1, 100).Where(seq => seq != 50).Select(seq => Event(seq, "eerst"))], Now);
        // Seqs 40-150: 40-49 and 51-100 held already, 50 a gap, 101-150 new; 120 twice, its first copy the one to keep.
        List<AuditRecord> overlapping = [.. Enumerable.Range(40, 111).Select(seq => Event(seq, "tweede"))];
        overlapping.Insert(10, Event(120, "dubbel"));

        var highest = await store.StoreAuditAsync(device, overlapping, Now);

        Assert.Equal((100L, 150L), (first, highest));
        Assert.Equal(150, await Kind.CountAsync("SELECT count(*) FROM audit_events;"));
        Assert.Equal(99, await Kind.CountAsync("SELECT count(*) FROM audit_events WHERE detail = 'eerst';"));
        Assert.Equal(1, await Kind.CountAsync("SELECT count(*) FROM audit_events WHERE detail = 'tweede' AND seq = 50;"));
        Assert.Equal(1, await Kind.CountAsync("SELECT count(*) FROM audit_events WHERE detail = 'dubbel' AND seq = 120;"));
        Assert.Equal(50, await Kind.CountAsync("SELECT count(*) FROM audit_events WHERE seq > 100;"));
    }

    [Fact]
    public async Task Audit_ThatComesWithAPush_IsStoredWithIt_EachEventOnce_AndTheHighestSeqIsAnswered()
    {
        var (store, device) = await EnrolledNurse();
        var client = Guid.NewGuid();
        var events = Changes(device, client, 250);
        var insert = NewClient(client);

        var (results, held) = await store.PushAsync(device, [insert], events, Now);
        var (again, heldAgain) = await store.PushAsync(device, [insert], events[..100], Now);
        var (_, none) = await store.PushAsync(device, [], [], Now);

        Assert.Equal(SyncProtocol.Results.Accepted, results.Single().Status);
        Assert.Equal(SyncProtocol.Results.Accepted, again.Single().Status);
        Assert.Equal((250L, 250L), (held, heldAgain));
        Assert.Null(none);
        Assert.Equal(250, await Kind.CountAsync("SELECT count(*) FROM audit_events;"));
        Assert.Equal(1, await Kind.CountAsync("SELECT count(*) FROM rows WHERE tbl = 'clients';"));
    }

    [Fact]
    public async Task Texts_ThatJsonEscapes_AreStoredAsSent_InARowAndAnEventOfOnePush()
    {
        var (store, device) = await EnrolledNurse();
        var client = Guid.NewGuid();
        const string text = "Zeg \"nee\" \\ niet <b>&amp;</b> 'o' é ü ß 😀 \u2028 — mevrouw’s buurvrouw";
        var insert = new Mutation(1, "clients", client, SyncProtocol.Operations.Insert, 0, new Dictionary<string, string?>
        {
            ["first_name"] = "Zoë", ["surname_prefix"] = "", ["surname"] = "Test", ["birth_date"] = "1950-01-02", ["postcode"] = "1234AB",
            ["house_number"] = "5", ["addition"] = "", ["phone"] = "", ["bsn"] = "", ["notes"] = text,
        });
        AuditRecord[] events = [new(1, "View", Now, client, device.WorkerId, "nurse", device.DeviceId, "Success", text)];

        var (results, held) = await store.PushAsync(device, [insert], events, Now);
        var page = await store.PullAsync(device, 0, 100, Now);

        Assert.Equal((SyncProtocol.Results.Accepted, (long?)1), (results.Single().Status, held));
        Assert.Equal(text, page.Changes.Single(c => c.RowId == client).Columns["notes"]);
        Assert.Equal(text, (await store.ClientAuditAsync(client)).Single(e => e.Source == "laptop").Detail);
    }

    /// <summary>A store with one nurse of team Noord and her enrolled laptop.</summary>
    private async Task<(ISyncStore Store, DeviceSession Device)> EnrolledNurse()
    {
        var store = await Kind.OpenAsync();
        return (store, await store.EnrolNoordNurse(Now));
    }

    public sealed class OnSqlite() : AuditStoreTests(new SqliteKind());

    /// <summary>
    /// PostgreSQL stores a push's events beside it, in a transaction of their own, from 100 events on (a first upload's
    /// pushes), and in the push's own transaction below that (a day's sync). A trigger that refuses every event, and the lock
    /// of the device's events held by another session, show which.
    /// </summary>
    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : AuditStoreTests(new PostgresKind(cluster))
    {
        [Fact]
        public async Task APushOfManyEvents_WhoseEventsFailToBeStored_IsAppliedAllTheSame_AndHoldsNone_ThenTheUploadStoresThem()
        {
            var (store, device, client) = await NurseWhoseEventsAreRefused();
            var events = Changes(device, client, 150);
            var failures = new List<Exception>();
            var (results, held) = await store.PushAsync(device, [NewClient(client)], events, Now, auditFailed: failures.Add);
            var rowsAfterPush = await Kind.CountAsync("SELECT count(*) FROM rows WHERE tbl = 'clients';");
            var eventsAfterPush = await Kind.CountAsync("SELECT count(*) FROM audit_events;");
            await RefuseAuditEvents(refuse: false);
            var uploaded = await store.StoreAuditAsync(device, events, Now);

            Assert.Equal((SyncProtocol.Results.Accepted, (long?)null), (results.Single().Status, held));
            Assert.Contains("refused for the test", Assert.Single(failures).Message);
            Assert.Equal((1L, 0L), (rowsAfterPush, eventsAfterPush));
            Assert.Equal(150L, uploaded);
            Assert.Equal(150, await Kind.CountAsync("SELECT count(*) FROM audit_events;"));
        }

        [Fact]
        public async Task APushOfManyEvents_ThatFailsItself_WhileItsEventsFailToo_FailsAndTellsWhyTheEventsFailed()
        {
            var (store, device, client) = await NurseWhoseEventsAreRefused();
            await Kind.ExecAsync("CREATE TRIGGER refuse_rows BEFORE INSERT ON rows FOR EACH ROW EXECUTE FUNCTION refuse_audit();");
            var failures = new List<Exception>();

            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
                store.PushAsync(device, [NewClient(client)], Changes(device, client, 150), Now, auditFailed: failures.Add));

            Assert.Contains("refused for the test", Assert.Single(failures).Message);
            Assert.Equal(0, await Kind.CountAsync("SELECT count(*) FROM audit_events;"));
        }

        [Fact]
        public async Task APushOfFewEvents_StoresThemInItsOwnTransaction_SoTheirFailureAppliesNothing()
        {
            var (store, device, client) = await NurseWhoseEventsAreRefused();

            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.PushAsync(device, [NewClient(client)], Changes(device, client, 99), Now));

            Assert.Equal(0, await Kind.CountAsync("SELECT count(*) FROM rows;"));
            Assert.Equal(0, await Kind.CountAsync("SELECT count(*) FROM applied_mutations;"));
        }

        [Fact]
        public async Task APushOfManyEvents_IsAppliedWhileItsEventsWaitForTheirLock_AndAnswersThemOnceStored()
        {
            var (applied, answeredWhileHeld, result, held) = await PushWhileTheEventsLockIsHeld(150,
                async () => await Kind.CountAsync("SELECT count(*) FROM rows WHERE tbl = 'clients';") == 1);

            Assert.True(applied, "the push's row was not committed while its events waited");
            Assert.False(answeredWhileHeld);
            Assert.Equal((SyncProtocol.Results.Accepted, (long?)150), (result.Status, held));
            Assert.Equal(150, await Kind.CountAsync("SELECT count(*) FROM audit_events;"));
        }

        [Fact]
        public async Task APushOfFewEvents_WaitsForTheLockOfTheDevicesEvents_InItsOwnTransaction()
        {
            var (waited, answeredWhileHeld, result, held) = await PushWhileTheEventsLockIsHeld(99, async () => await Kind.CountAsync(
                "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted;") == 1);

            Assert.True(waited, "the push did not wait for the lock of the device's events");
            Assert.False(answeredWhileHeld);
            Assert.Equal((SyncProtocol.Results.Accepted, (long?)99), (result.Status, held));
        }

        [Fact]
        public async Task APushOfManyEvents_OutOfTurn_StoresNeitherItsMutationsNorItsEvents()
        {
            var (store, device) = await EnrolledNurse();
            var client = Guid.NewGuid();

            await Assert.ThrowsAsync<PushOutOfTurnException>(() =>
                store.PushAsync(device, [NewClient(client)], Changes(device, client, 150), Now, new PushTurn(Guid.NewGuid(), Follows: Guid.NewGuid())));

            Assert.Equal(0, await Kind.CountAsync("SELECT count(*) FROM rows;"));
            Assert.Equal(0, await Kind.CountAsync("SELECT count(*) FROM audit_events;"));
        }

        /// <summary>
        /// A new client pushed with that many events while another session holds the lock of the device's events: whether
        /// <paramref name="meanwhile"/> came true while it was held, whether the push was answered by then, and its answer once let go.
        /// </summary>
        private async Task<(bool Meanwhile, bool AnsweredWhileHeld, MutationResult Result, long? Held)> PushWhileTheEventsLockIsHeld(int events, Func<Task<bool>> meanwhile)
        {
            var (store, device) = await EnrolledNurse();
            var client = Guid.NewGuid();
            await using var holder = await Kind.ConnectAsync();
            await HoldAuditLock(holder, device, hold: true);
            // PushAsync runs its transaction on the calling thread and blocks on the held lock: on the test's own thread it
            // would never return to let go of it.
            var push = Task.Run(() => store.PushAsync(device, [NewClient(client)], Changes(device, client, events), Now));
            var seen = await Eventually(meanwhile);
            var answeredWhileHeld = push.IsCompleted;
            await HoldAuditLock(holder, device, hold: false);
            var (results, held) = await push;
            return (seen, answeredWhileHeld, results.Single(), held);
        }

        /// <summary>Takes or lets go of the lock the store takes for the device's events, as another session would hold it.</summary>
        private static async Task HoldAuditLock(System.Data.Common.DbConnection holder, DeviceSession device, bool hold)
        {
            await using var command = holder.CreateCommand();
            command.CommandText = $"SELECT {(hold ? "pg_advisory_lock" : "pg_advisory_unlock")}(hashtextextended('audit/{device.DeviceId:D}', 1));";
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>Whether the condition came true within ten seconds, asked every 20 ms.</summary>
        private static async Task<bool> Eventually(Func<Task<bool>> condition)
        {
            for (var watch = System.Diagnostics.Stopwatch.StartNew(); watch.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(20))
            {
                if (await condition())
                    return true;
            }

            return false;
        }

        /// <summary>A store with an enrolled nurse, a new client's id for her push, and a trigger that refuses every audit event.</summary>
        private async Task<(ISyncStore Store, DeviceSession Device, Guid Client)> NurseWhoseEventsAreRefused()
        {
            var (store, device) = await EnrolledNurse();
            await RefuseAuditEvents(refuse: true);
            return (store, device, Guid.NewGuid());
        }

        private async Task RefuseAuditEvents(bool refuse) => await Kind.ExecAsync(refuse
            ? """
              CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
              CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit();
              """
            : "DROP TRIGGER refuse_audit ON audit_events;");
    }

    private static List<AuditRecord> Changes(DeviceSession device, Guid client, int count) =>
        [.. Enumerable.Range(1, count).Select(seq => new AuditRecord(seq, "Change", Now, client, device.WorkerId, "nurse", device.DeviceId, "Success", "clients"))];

    private static Mutation NewClient(Guid client) => new(1, "clients", client, SyncProtocol.Operations.Insert, 0, new Dictionary<string, string?>
    {
        ["first_name"] = "Cliënt", ["surname_prefix"] = "", ["surname"] = "Test", ["birth_date"] = "1950-01-02", ["postcode"] = "1234AB",
        ["house_number"] = "5", ["addition"] = "", ["phone"] = "", ["bsn"] = "", ["notes"] = "",
    });
}
