using Npgsql;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store.Postgres;

/// <summary>
/// The scope sums while pulls are held back (issue 15): a transaction left open elsewhere stops the feed below it, but
/// the pull's snapshot sees a colleague's later commit in the sums. A real laptop store and sync engine, talking to the
/// PostgreSQL store directly (<see cref="StoreLaptop"/>): the pull says its sums hold changes not served yet, the
/// laptop runs no repair for the difference, and once the transaction ends the change arrives and the sums agree.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HeldBackScopeTests(PostgresCluster cluster) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly PostgresKind _kind = new(cluster);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _kind.DisposeAsync();

    [Fact]
    public async Task ATransactionOpenElsewhere_AColleaguesLaterCommit_ThePullSaysHeldBack_TheLaptopDoesNotRepair_ThenConverges()
    {
        var store = await _kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        await store.AddWorkerAsync("Bram", Role.Nurse, "Noord", Now);
        using var anna = await StoreLaptop.Enrol(store, "Anna");
        var bram = (await StoreLaptop.Enrol(store, "Bram")).Device;
        anna.NewClient("Geertje");
        Assert.True((await anna.Sync(store)).Converged);

        await using var other = (NpgsqlConnection)await _kind.ConnectAsync();
        await using var open = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_current_xact_id();", other, open))
            await take.ExecuteScalarAsync();
        var colleague = Guid.NewGuid();
        var pushed = await store.PushAsync(bram, [new Mutation(1, "clients", colleague, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Hendrik"))], Now);
        Assert.Equal(SyncProtocol.Results.Accepted, pushed.Single().Status);

        var held = await anna.Sync(store);
        var page = await store.PullAsync(anna.Device, 0, 100, Now);
        await open.RollbackAsync();
        var released = await anna.Sync(store);

        Assert.True(held.HeldBack);
        Assert.Null(held.Repair);
        Assert.False(held.Converged);
        Assert.Equal(0, held.Pulled);
        Assert.Equal(1, held.ScopeCount);
        Assert.Equal((1, 2L, true), (page.Changes.Count, page.ScopeCount, page.ScopeHeldBack)); // served one, the sums count two
        Assert.True(released.Converged);
        Assert.False(released.HeldBack);
        Assert.Null(released.Repair);
        Assert.Equal(1, released.Pulled);
        Assert.Contains(anna.Clients(), c => c.Id.Value == colleague);
    }
}
