using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// A local change still waiting to be pushed while a pull arrives: the worker types on the app's own
/// connection while F5 syncs on a second one. Real stores, the real server, the race made at an exact request.
/// </summary>
public class PendingEditRaceTests
{
    [Fact]
    public async Task TombstoneArrivingWhileANoteWaitsToBePushed_EndsAsAConflictRecordLikeAnEditMadeBeforeTheSync()
    {
        var editedBeforeTheSync = await TombstoneAgainstANote(duringTheSync: false);
        var editedDuringTheSync = await TombstoneAgainstANote(duringTheSync: true);

        Assert.Equal(editedBeforeTheSync, editedDuringTheSync);
        Assert.Equal((0, 0, 0, 0), (editedDuringTheSync.LiveOnA, editedDuringTheSync.LiveOnB, editedDuringTheSync.PendingOnA, editedDuringTheSync.PendingOnB));
        Assert.Equal("deleted", editedDuringTheSync.Conflict.Column);
        Assert.Contains("Belt niet terug", editedDuringTheSync.Conflict.Other);
    }

    [Fact]
    public async Task EditOfARowOnItsWayToTheServer_StillGoesInTheSameSync()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var clients = Enumerable.Range(0, 3).Select(i => a.NewClient("Noor" + i, "Visser")).ToList();

        // The worker edits a row of the batch while it is on its way: the laptop reads its outbox again after each answer.
        var race = new RaceHandler(RaceHandler.Push, RaceHandler.Moment.AfterResponse, () => a.Store.Clients.Update(a.Find(clients[0].Id)! with { Notes = "Na de eerste push" }));
        var report = await RaceHandler.SyncOnSecondConnection(a, world.World.Address, race);
        await b.Sync();

        Assert.Equal((4, 4, true), (report.Pushed, report.Accepted, report.Converged));
        Assert.Equal(0, a.Store.PendingChanges());
        Assert.Equal("Na de eerste push", b.Find(clients[0].Id)!.Notes);
        Assert.All(clients, c => Assert.NotNull(b.Find(c.Id)));
    }

    [Fact]
    public async Task SameColumnEditedWhileThePullRuns_EveryLaptopShowsTheServersValue_AndKeepMineReachesEveryone()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Gerda", "Smit");
        await a.Sync();
        await b.Sync();
        b.Store.Clients.Update(b.Find(client.Id)! with { Notes = "Van B" });
        await b.Sync();

        // A's pull has read B's change from the server; before A applies it, A's worker saves the same column.
        var race = new RaceHandler(RaceHandler.Pull, RaceHandler.Moment.AfterResponse, () => a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Van A" }));
        await RaceHandler.SyncOnSecondConnection(a, world.World.Address, race);
        var fromA = await a.Sync();
        var toB = await b.Sync();

        Assert.Equal(1, fromA.Conflicts);
        Assert.True(fromA.Converged && toB.Converged);
        foreach (var laptop in world.Laptops)
        {
            Assert.Equal("Van B", laptop.Find(client.Id)!.Notes);
            var conflict = Assert.Single(laptop.Store.Conflicts.Open());
            Assert.Equal(("notes", "Van B", "Van A"), (conflict.Column, conflict.KeptValue, conflict.OtherValue));
        }

        // A keeps its own value in the conflict inbox.
        var open = Assert.Single(a.Store.Conflicts.Open());
        a.Store.Conflicts.Resolve(open, open.OtherValue);
        var resolved = await a.Sync();
        var settled = await b.Sync();

        Assert.Equal((0, 0), (resolved.Conflicts, resolved.Refused));
        Assert.True(resolved.Converged && settled.Converged);
        foreach (var laptop in world.Laptops)
        {
            Assert.Equal("Van A", laptop.Find(client.Id)!.Notes);
            Assert.Empty(laptop.Store.Conflicts.Open());
            Assert.Equal(0, laptop.Store.PendingChanges());
        }
    }

    [Fact]
    public async Task AcceptedPushOverAnotherLaptopsChange_DoesNotClaimTheServersVersion_SoAnEditBeforeThePullStillConflicts()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Gerda", "Smit");
        await a.Sync();
        await b.Sync();
        b.Store.Clients.Update(b.Find(client.Id)! with { Notes = "Van B" });
        await b.Sync();

        // A pushes another field; the server merges it over B's note. Before A's pull brings that note, A's
        // worker writes over the note A still shows: an edit on the values of A's old version, not the server's.
        a.Store.Clients.Update(a.Find(client.Id)! with { Phone = PhoneNumber.Parse("0611111111").Value });
        var race = new RaceHandler(RaceHandler.Pull, RaceHandler.Moment.BeforeRequest, () => a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Van A" }));
        var pushed = await RaceHandler.SyncOnSecondConnection(a, world.World.Address, race);
        var fromA = await a.Sync();
        var toB = await b.Sync();

        Assert.True(race.Raced);
        Assert.Equal((1, 0), (pushed.Accepted, pushed.Conflicts));
        Assert.Equal(1, fromA.Conflicts);
        Assert.True(fromA.Converged && toB.Converged);
        foreach (var laptop in world.Laptops)
        {
            var shown = laptop.Find(client.Id)!;
            Assert.Equal(("Van B", "0611111111"), (shown.Notes, shown.Phone?.Value));
            var conflict = Assert.Single(laptop.Store.Conflicts.Open());
            Assert.Equal(("notes", "Van B", "Van A"), (conflict.Column, conflict.KeptValue, conflict.OtherValue));
        }
    }

    [Fact]
    public async Task PulledChangeArrivingWhileADeleteWaitsToBePushed_DoesNotBringTheClientBackOnScreen()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Gerda", "Smit");
        await a.Sync();
        await b.Sync();
        b.Store.Clients.Update(b.Find(client.Id)! with { Notes = "Van B" });
        await b.Sync();

        // A's pull has read B's change from the server; before A applies it, A's worker deletes the client.
        var race = new RaceHandler(RaceHandler.Pull, RaceHandler.Moment.AfterResponse, () => a.Store.Clients.Delete(client.Id));
        await RaceHandler.SyncOnSecondConnection(a, world.World.Address, race);

        // Shown again, the client could be edited, and that edit would travel folded into the delete and be lost.
        Assert.True(race.Raced);
        Assert.Null(a.Find(client.Id));

        // The delete was made on the version before B's change: it becomes a conflict and B's change stands.
        var pushed = await a.Sync();
        await b.Sync();
        Assert.Equal(1, pushed.Conflicts);
        foreach (var laptop in world.Laptops)
            Assert.Equal("Van B", laptop.Find(client.Id)!.Notes);
    }

    [Fact]
    public async Task EditOfAnotherColumnWhileThePushIsUnderway_IsPushedNextAndTheServersChangesArrive()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Joop", "Bos");
        await a.Sync();
        await b.Sync();
        b.Store.Clients.Update(b.Find(client.Id)! with { Phone = PhoneNumber.Parse("0611111111").Value });
        await b.Sync();
        a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Eerste notitie" });

        var race = new RaceHandler(RaceHandler.Push, RaceHandler.Moment.AfterResponse, () => a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Tweede notitie" }));
        await RaceHandler.SyncOnSecondConnection(a, world.World.Address, race);
        var fromA = await a.Sync();
        var toB = await b.Sync();

        Assert.Equal(0, fromA.Conflicts);
        Assert.True(fromA.Converged && toB.Converged);
        foreach (var laptop in world.Laptops)
        {
            Assert.Equal(("Tweede notitie", "0611111111"), (laptop.Find(client.Id)!.Notes, laptop.Find(client.Id)!.Phone?.Value));
            Assert.Empty(laptop.Store.Conflicts.All());
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FormOpenedBeforeABackgroundPull_SavesOnlyTheTypedField_AndTheSameFieldChangedElsewhereBecomesAConflict(bool sameField)
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Lies", "Prins");
        await a.Sync();
        await b.Sync();
        var (shown, opened) = a.Store.Clients.OpenForEdit(client.Id)!.Value;
        b.Store.Clients.Update(sameField ? b.Find(client.Id)! with { Notes = "Van B" } : b.Find(client.Id)! with { Phone = PhoneNumber.Parse("0622223333").Value });
        await b.Sync();

        // A's background sync pulls B's change while A's form is open; then A saves the form.
        using (var second = a.Store.OpenAnother())
        using (var http = new HttpClient { BaseAddress = world.World.Address })
            await new Wijkwerk.Core.Sync.Laptop.SyncEngine(second, new Wijkwerk.Core.Sync.Laptop.HttpSyncTransport(http)).Run();
        a.Store.Clients.Update(shown with { Notes = "Van A" }, opened);
        var fromA = await a.Sync();
        await b.Sync();

        Assert.Equal(sameField ? 1 : 0, fromA.Conflicts);
        foreach (var laptop in world.Laptops)
        {
            var now = laptop.Find(client.Id)!;
            Assert.Equal(sameField ? ("Van B", null) : ("Van A", "0622223333"), (now.Notes, now.Phone?.Value));
            if (sameField)
                Assert.Equal("Van A", Assert.Single(laptop.Store.Conflicts.Open()).OtherValue);
            else
                Assert.Empty(laptop.Store.Conflicts.All());
        }
    }

    [Fact]
    public async Task VisitRecordedOfflineForAClientWhoLeavesTheCaseload_IsGoneAfterTheNextSync_WithItsRefusalAndDraft()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var a = world.Laptops[0];
        var client = a.NewClient("Bep", "Visser");
        await a.Sync();
        var today = AmsterdamTime.Today(TimeProvider.System);
        var visit = HomeVisit.Record(Id<HomeVisit>.New(world.World.Clock), client.Id, today, a.Store.Identity.WorkerId, "Huisbezoek offline vastgelegd", null, today).Value;
        a.Store.Dossiers.AddVisit(visit);
        a.Store.Drafts.Save("signal:" + client.Id, "{\"observatie\":\"half getypt\"}");
        world.World.Admin("client", "unassign", client.Id.ToString(), "--team", "Noord");

        var report = await a.Sync();

        Assert.Equal(1, report.Refused);
        Assert.Null(a.Find(client.Id));
        Assert.Equal(0, a.Store.PendingChanges());
        Assert.Empty(new LocalSync(a.Store).Refusals());
        Assert.Empty(a.Store.Drafts.Keys());
        a.Store.Dispose();
        Assert.Equal(0L, Count(Path.Combine(a.Folder, "wijkwerk.db"), "SELECT (SELECT count(*) FROM home_visits) + (SELECT count(*) FROM clients)"));
        a.Reopen();
    }

    [Fact]
    public async Task RowTheLaptopCannotStore_IsSetAsideCountedAndSaid_TheRestArrives_AndAReadableVersionReplacesIt()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Kees", "Mol");
        await a.Sync();
        await b.Sync();
        var member = Guid.CreateVersion7();
        WriteServerRow(world.World.Database, "household_members", member, client.Id.Value, 1, $"{{\"client_id\":\"{client.Id}\"}}");
        b.Store.Clients.Update(b.Find(client.Id)! with { Notes = "Na de kapotte rij" });
        await b.Sync();

        var report = await a.Sync();
        var sync = new LocalSync(a.Store);

        Assert.Equal(1, report.SetAside);
        Assert.Equal("Na de kapotte rij", a.Find(client.Id)!.Notes);
        var setAside = Assert.Single(sync.SetAside());
        Assert.Equal(("household_members", member.ToString()), (setAside.Table, setAside.RowId));
        Assert.DoesNotContain("Kees", setAside.Reason);
        Assert.Equal(0, (await a.Sync()).SetAside);

        WriteServerRow(world.World.Database, "household_members", member, client.Id.Value, 2,
            $"{{\"client_id\":\"{client.Id}\",\"name\":\"Mien Mol\",\"relation\":\"Partner\",\"birth_date\":\"\"}}");
        var repaired = await a.Sync();

        Assert.Equal(0, repaired.SetAside);
        Assert.Empty(sync.SetAside());
        Assert.Equal("Mien Mol", Assert.Single(a.Store.Dossiers.Open(client.Id)!.Household).Name);
    }

    [Fact]
    public async Task SyncCommand_SaysHowManyReceivedRowsWereSetAside()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var a = world.Laptops[0];
        var client = a.NewClient("Dirk", "Kuipers");
        await a.Sync();
        WriteServerRow(world.World.Database, "household_members", Guid.CreateVersion7(), client.Id.Value, 1, $"{{\"client_id\":\"{client.Id}\"}}");
        a.Store.Dispose();

        var (code, output, error) = SyncWorld.Run(Path.Combine(AppContext.BaseDirectory, "wijkwerk.dll"), ["sync", "--data", a.Folder],
            new Dictionary<string, string> { ["WIJKWERK_PASSPHRASE"] = SyncWorld.Passphrase });
        a.Reopen();

        Assert.True(code == 0, error);
        Assert.Contains("Gesynchroniseerd", output);
        Assert.Contains("van wat binnenkwam kon deze laptop 1 rij niet opslaan", error);
    }

    private sealed record TombstoneOutcome(int LiveOnA, int LiveOnB, long PendingOnA, long PendingOnB, (string Column, string Kept, string Other) Conflict, bool SameConflictOnB);

    /// <summary>B deletes a client; A's worker saves a note on it before A syncs, or between A's push and pull.</summary>
    private static async Task<TombstoneOutcome> TombstoneAgainstANote(bool duringTheSync)
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Riet", "Mulder");
        await a.Sync();
        await b.Sync();
        b.Store.Clients.Delete(client.Id);
        await b.Sync();

        void SaveNote() => a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Belt niet terug" });
        if (duringTheSync)
        {
            await RaceHandler.SyncOnSecondConnection(a, world.World.Address, new RaceHandler(RaceHandler.Pull, RaceHandler.Moment.BeforeRequest, SaveNote));
        }
        else
        {
            SaveNote();
        }

        await a.Sync();
        await b.Sync();
        var onA = Assert.Single(a.Store.Conflicts.All());
        var onB = Assert.Single(b.Store.Conflicts.All());
        return new TombstoneOutcome(
            a.Store.Clients.Count(), b.Store.Clients.Count(), a.Store.PendingChanges(), b.Store.PendingChanges(),
            (onA.Column, onA.KeptValue, onA.OtherValue), onA with { At = default } == onB with { At = default });
    }

    /// <summary>What no push can store any more: a row written straight into the server's database, as by an older server.</summary>
    private static void WriteServerRow(string database, string table, Guid rowId, Guid clientId, long version, string columns)
    {
        using var db = new SqliteConnection($"Data Source={database};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = """
            PRAGMA busy_timeout = 5000;
            INSERT INTO rows(tbl, row_id, client_id, version, deleted, columns, column_versions, checksum, updated_at, updated_by, updated_device, seq)
            VALUES ($t, $r, $c, $v, 0, $cols, '{}', $sum, '2026-01-01T00:00:00.0000000Z', $who, $who,
                    (SELECT value FROM counters WHERE name = 'seq') + 1)
            ON CONFLICT(tbl, row_id) DO UPDATE SET version = excluded.version, columns = excluded.columns, checksum = excluded.checksum, seq = excluded.seq;
            UPDATE counters SET value = value + 1 WHERE name = 'seq';
            INSERT OR REPLACE INTO client_sums(client_id, row_count, checksum)
                SELECT $c, count(*), coalesce(sum(checksum), 0) % 4294967296
                FROM (SELECT checksum FROM rows WHERE deleted = 0 AND client_id = $c UNION ALL SELECT checksum FROM conflicts WHERE client_id = $c);
            """;
        command.Parameters.AddWithValue("$t", table);
        command.Parameters.AddWithValue("$r", rowId.ToString());
        command.Parameters.AddWithValue("$c", clientId.ToString());
        command.Parameters.AddWithValue("$v", version);
        command.Parameters.AddWithValue("$cols", columns);
        command.Parameters.AddWithValue("$sum", (long)ScopeChecksum.Of(table, rowId, version, System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string?>>(columns)!));
        command.Parameters.AddWithValue("$who", Guid.Empty.ToString());
        command.ExecuteNonQuery();
    }

    private static long Count(string path, string sql)
    {
        using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
