using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Sqlite;
using Wijkwerk.SyncServer.Sync;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>Store and merge rules that need a clock or a second look, on both stores: code expiry, migrations, the field merge itself.</summary>
public abstract class StoreRulesTests(StoreKind kind) : StoreTest(kind)
{
    private async Task<ISyncStore> NewStore()
    {
        var store = await Kind.OpenAsync();
        await store.AddTeamAsync("Noord", DateTimeOffset.UtcNow);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", DateTimeOffset.UtcNow);
        return store;
    }

    [Fact]
    public async Task EnrolmentCode_AfterItsExpiry_IsRefused()
    {
        var store = await NewStore();
        var issued = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        await store.AddEnrolmentCodeAsync("Anna", "hash", issued.AddHours(24), issued);

        var late = await store.EnrolAsync("hash", new NewDevice(Guid.NewGuid(), "laptop", "t", "th"), issued.AddHours(24).AddSeconds(1));
        var inTime = await store.EnrolAsync("hash", new NewDevice(Guid.NewGuid(), "laptop", "t2", "th2"), issued.AddHours(23));

        Assert.Null(late);
        Assert.NotNull(inTime);
        Assert.Null(await store.FindDeviceAsync("th"));
    }

    [Fact]
    public async Task ANewerSchema_IsRefused()
    {
        await NewStore();
        await using (var db = await Kind.ConnectAsync())
        {
            await using var cmd = db.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_migrations(number, applied_at) VALUES (99, 'x');";
            await cmd.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(Kind.OpenAsync);
        Assert.Contains("werk wijkwerk-server bij", error.Message);
    }

    [Fact]
    public async Task UpdateOfARowDeletedByAnotherDevice_KeepsTheDeletion_AndThePushedValuesAsAConflict()
    {
        var store = await NewStore();
        var now = DateTimeOffset.UtcNow;
        await store.AddEnrolmentCodeAsync("Anna", "a", now.AddHours(1), now);
        await store.AddEnrolmentCodeAsync("Anna", "b", now.AddHours(1), now);
        await store.EnrolAsync("a", new NewDevice(Guid.NewGuid(), "a", "ta", "tha"), now);
        await store.EnrolAsync("b", new NewDevice(Guid.NewGuid(), "b", "tb", "thb"), now);
        var a = (await store.FindDeviceAsync("tha"))!;
        var b = (await store.FindDeviceAsync("thb"))!;
        var client = Guid.NewGuid();
        var member = Guid.NewGuid();
        await store.PushAsync(a, [new Mutation(1, "clients", client, "insert", 0, ServerFixture.ClientColumns()),
            new Mutation(2, "household_members", member, "insert", 0, ServerFixture.HouseholdColumns(client))], now);
        await store.PushAsync(a, [new Mutation(3, "household_members", member, "delete", 1, new Dictionary<string, string?>())], now);

        var results = await store.PushAsync(b, [new Mutation(1, "household_members", member, "update", 1, new Dictionary<string, string?> { ["name"] = "Pieter" })], now);
        var page = await store.PullAsync(b, 0, 100, now);

        Assert.Equal(SyncProtocol.Results.Conflict, results[0].Status);
        Assert.Equal(["deleted"], results[0].ConflictColumns);
        Assert.True(page.Changes.Last(c => c.RowId == member).Deleted);
        var conflict = Assert.Single(page.Changes, c => c.Table == "conflicts");
        Assert.Contains("Pieter", conflict.Columns["other_value"]);
    }

    [Fact]
    public void FieldMerge_ConflictsOnlyOnColumnsAnotherDeviceChangedSinceTheBase()
    {
        var me = Guid.NewGuid();
        var other = Guid.NewGuid();
        var worker = Guid.NewGuid();
        var current = new Dictionary<string, string?> { ["a"] = "1", ["b"] = "2", ["c"] = "3", ["d"] = "4" };
        var stamps = new Dictionary<string, ColumnStamp>
        {
            ["a"] = new(5, other, worker), // changed by another device after base 3
            ["b"] = new(2, other, worker), // changed before base
            ["c"] = new(5, me, worker), // my own later write
            ["d"] = new(5, other, worker), // changed after base, but pushed value is the same
        };

        var outcome = FieldMerge.Merge(current, stamps, 3, me, new Dictionary<string, string?> { ["a"] = "x", ["b"] = "y", ["c"] = "z", ["d"] = "4", ["e"] = "new" });

        Assert.Equal(["a"], outcome.Conflicts);
        Assert.Equal(new[] { "b", "c", "e" }, outcome.Applied.Keys.Order());
    }

    [Fact]
    public void FieldMerge_AColumnsOwnOlderBase_MakesAChangeSinceThatBaseConflict_ButNeverRaisesTheBase()
    {
        var me = Guid.NewGuid();
        var other = Guid.NewGuid();
        var worker = Guid.NewGuid();
        var current = new Dictionary<string, string?> { ["notes"] = "van B", ["phone"] = "06", ["name"] = "X" };
        var stamps = new Dictionary<string, ColumnStamp>
        {
            ["notes"] = new(4, other, worker), // written by B after the form opened on 3, before the pull to 5
            ["phone"] = new(4, other, worker),
            ["name"] = new(5, other, worker),
        };
        var pushed = new Dictionary<string, string?> { ["notes"] = "van A", ["phone"] = "07", ["name"] = "Y" };

        var withoutColumnBases = FieldMerge.Merge(current, stamps, 5, me, pushed);
        var withColumnBases = FieldMerge.Merge(current, stamps, 5, me, pushed, new Dictionary<string, long> { ["notes"] = 3, ["name"] = 9 });

        Assert.Empty(withoutColumnBases.Conflicts);
        Assert.Equal(["notes"], withColumnBases.Conflicts);
        Assert.Equal(new[] { "name", "phone" }, withColumnBases.Applied.Keys.Order());
    }

    public sealed class OnSqlite() : StoreRulesTests(new SqliteKind())
    {
        private SqliteKind Sqlite => (SqliteKind)Kind;

        [Fact]
        public async Task Store_IsWal_AndMigrationsAreNumberedAndRunOnce()
        {
            await NewStore();
            var again = new SqliteSyncStore(Sqlite.DbPath);
            await again.MigrateAsync();

            using var db = new SqliteConnection($"Data Source={Sqlite.DbPath};Pooling=False");
            db.Open();
            using var mode = db.CreateCommand();
            mode.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", mode.ExecuteScalar());
            using var steps = db.CreateCommand();
            steps.CommandText = "SELECT group_concat(number) FROM (SELECT number FROM schema_migrations ORDER BY number);";
            Assert.Equal("1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18", steps.ExecuteScalar());
        }
    }

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : StoreRulesTests(new PostgresKind(cluster));
}
