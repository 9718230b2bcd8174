using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Sync;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// A store this release creates writes its column stamps grouped; a store that was running before keeps the format older
/// instances read until the administrator finishes the update, and a row written in one format merges right in the other.
/// On both stores.
/// </summary>
public abstract class StampFormatStoreTests(StoreKind kind) : StoreTest(kind)
{
    private async Task<(ISyncStore Store, DeviceSession Anna, DeviceSession Bram)> NewStore()
    {
        var store = await Kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        await store.AddWorkerAsync("Bram", Role.Nurse, "Noord", Now);
        return (store, await StoreDevices.Enrol(store, "Anna", Now), await StoreDevices.Enrol(store, "Bram", Now));
    }

    private async Task<string> StampsOf(Guid row)
    {
        await using var db = await Kind.ConnectAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT column_versions FROM rows WHERE row_id = '{row:D}';";
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The store as the release before the grouped format left it: without the step that brought the settings (SQLite 15,
    /// PostgreSQL 6) and their table, so the next instance to open it runs that step on a store in use (and the steps after it).
    /// </summary>
    private async Task AsBeforeTheGroupedFormat()
    {
        await using var db = await Kind.ConnectAsync();
        await using var cmd = db.CreateCommand();
        // PostgreSQL's step 7 comes after it: its transfer log still had its own numbering then.
        cmd.CommandText = Kind is SqliteKind
            ? "DROP TABLE store_settings; DELETE FROM schema_migrations WHERE number >= 15;"
            : "DROP TABLE store_settings; ALTER TABLE transfers ADD COLUMN id bigint; DELETE FROM schema_migrations WHERE number >= 6;";
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<MutationResult> Push(ISyncStore store, DeviceSession device, long id, Guid client, long baseVersion, Dictionary<string, string?> columns) =>
        (await store.PushAsync(device, [new Mutation(id, "clients", client, baseVersion == 0 ? SyncProtocol.Operations.Insert : SyncProtocol.Operations.Update, baseVersion, columns)], Now)).Single();

    [Fact]
    public async Task ANewStore_WritesGroupedStamps()
    {
        var (store, anna, _) = await NewStore();
        var client = Guid.NewGuid();

        await Push(store, anna, 1, client, 0, ServerFixture.ClientColumns());

        Assert.StartsWith($"""[[1,"{anna.DeviceId:D}","{anna.WorkerId:D}",""", await StampsOf(client));
        Assert.False(await store.FinishUpdateAsync());
    }

    [Fact]
    public async Task AStoreFromBefore_KeepsThePerColumnFormat_UntilTheUpdateIsFinished_AndMergesAcrossBothFormats()
    {
        var (older, anna, bram) = await NewStore();
        await AsBeforeTheGroupedFormat();
        // The first instance of this release upgrades the store and leaves its format as it is.
        var updated = await Kind.OpenAsync();
        var client = Guid.NewGuid();

        Assert.Equal(SyncProtocol.Results.Accepted, (await Push(updated, anna, 1, client, 0, ServerFixture.ClientColumns())).Status);
        Assert.Equal(SyncProtocol.Results.Accepted, (await Push(older, bram, 1, client, 1, new() { ["first_name"] = "Klaas" })).Status);
        Assert.StartsWith("{", await StampsOf(client));

        // Finishing from the opening that upgraded the store is refused: no instance of this release served it before.
        var refused = await Assert.ThrowsAsync<AdminException>(updated.FinishUpdateAsync);
        Assert.Contains("draait nog geen serverinstantie van deze versie", refused.Message);
        Assert.StartsWith("{", await StampsOf(client));
        Assert.True(await (await Kind.OpenAsync()).FinishUpdateAsync());
        Assert.False(await older.FinishUpdateAsync());
        // Anna renames on version 1 after Bram did (per-column text read): a conflict; her phone is hers to change.
        var stale = await Push(updated, anna, 2, client, 1, new() { ["first_name"] = "Piet", ["phone"] = "0612345678" });
        Assert.Equal(SyncProtocol.Results.Conflict, stale.Status);
        Assert.Equal(["first_name"], stale.ConflictColumns);
        var grouped = await StampsOf(client);
        Assert.StartsWith("[[1,", grouped);
        Assert.Contains($"""[3,"{anna.DeviceId:D}","{anna.WorkerId:D}","phone"]""", grouped);
        // Bram, on version 2, changes the phone Anna wrote at 3 (grouped text read): a conflict too, his name stays his.
        var late = await Push(older, bram, 2, client, 2, new() { ["phone"] = "0687654321", ["first_name"] = "Klaas" });
        Assert.Equal(SyncProtocol.Results.Conflict, late.Status);
        Assert.Equal(["phone"], late.ConflictColumns);
        var page = await updated.PullAsync(bram, 0, 100, Now);
        var row = page.Changes.Single(c => c.RowId == client);
        Assert.Equal(("Klaas", "0612345678"), (row.Columns["first_name"], row.Columns["phone"]));
    }

    /// <summary>
    /// A new row made ready before its push's transaction carries its stamps as grouped text (<see cref="NewRow"/>); a store
    /// still in the format older instances read writes them per column all the same, as for a row it prepares itself.
    /// </summary>
    [Fact]
    public async Task ANewRowMadeReadyBeforeItsTransaction_IsStampedPerColumn_InAStoreFromBefore()
    {
        var (_, anna, _) = await NewStore();
        await AsBeforeTheGroupedFormat();
        var updated = await Kind.OpenAsync();
        Guid prepared = Guid.NewGuid(), unprepared = Guid.NewGuid();
        Mutation[] mutations =
        [
            new(1, "clients", prepared, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns()),
            new(2, "clients", unprepared, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns()),
        ];
        var ready = MutationApplier.Prepare(anna, mutations, Now);

        var (results, _) = await updated.PushAsync(anna, mutations, [], Now, prepared: [ready[0], null]);

        Assert.NotNull(ready[0]!.NewRow);
        Assert.All(results, r => Assert.Equal(SyncProtocol.Results.Accepted, r.Status));
        Assert.StartsWith("{", await StampsOf(prepared));
        Assert.Equal(await StampsOf(unprepared), await StampsOf(prepared));
    }

    public sealed class OnSqlite() : StampFormatStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : StampFormatStoreTests(new PostgresKind(cluster));
}
