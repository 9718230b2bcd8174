using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// A pull brings the worker's reference set with its page when the laptop holds another version than the store's, and
/// nothing when it holds this one or does not say (an older laptop), on both stores; a change to the set reaches a laptop
/// that held the version before it.
/// </summary>
public abstract class PullReferenceStoreTests(StoreKind kind) : StoreTest(kind)
{
    [Fact]
    public async Task APull_BringsTheReferenceSetOnlyWhenTheLaptopHoldsAnotherVersion()
    {
        var store = await Kind.OpenAsync();
        var anna = await store.EnrolNoordNurse(Now);
        var held = (await store.ReferenceDataAsync(anna.WorkerId, -1))!.Version;

        var unsaid = await store.PullAsync(anna, 0, 100, Now);
        var same = await store.PullAsync(anna, 0, 100, Now, knownReference: held);
        var older = await store.PullAsync(anna, 0, 100, Now, knownReference: held - 1);
        await store.AddDepartmentAsync("Schuldhulp", Now);
        var changed = await store.PullAsync(anna, 0, 100, Now, knownReference: held);

        Assert.Null(unsaid.Reference);
        Assert.Null(same.Reference);
        Assert.Equal(held, older.Reference?.Version);
        Assert.Equal(["Noord"], older.Reference!.MyTeams);
        Assert.True(changed.Reference?.Version > held);
        Assert.Contains("Schuldhulp", changed.Reference!.DepartmentList().Select(d => d.Name));
        Assert.DoesNotContain("Schuldhulp", older.Reference.DepartmentList().Select(d => d.Name));
    }

    public sealed class OnSqlite() : PullReferenceStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : PullReferenceStoreTests(new PostgresKind(cluster));
}
