using Npgsql;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store.Postgres;

/// <summary>
/// The scope sums while pulls are held back (issue 15): a transaction left open elsewhere stops the feed below it, but
/// the pull's snapshot sees a colleague's later commit in the sums. A real laptop store and sync engine, talking to the
/// PostgreSQL store directly (<see cref="StoreTransport"/>): the pull says its sums hold changes not served yet, the
/// laptop runs no repair for the difference, and once the transaction ends the change arrives and the sums agree.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HeldBackScopeTests(PostgresCluster cluster) : IAsyncLifetime
{
    private const string Passphrase = "laptop passphrase 1";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly PostgresKind _kind = new(cluster);
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkwerk-heldback-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _kind.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ATransactionOpenElsewhere_AColleaguesLaterCommit_ThePullSaysHeldBack_TheLaptopDoesNotRepair_ThenConverges()
    {
        var store = await _kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        await store.AddWorkerAsync("Bram", Role.Nurse, "Noord", Now);
        var (annaDevice, enrolment) = await Enrol(store, "Anna");
        var bram = (await Enrol(store, "Bram")).Device;
        using var laptop = Laptop(enrolment);
        var engine = new SyncEngine(laptop, new StoreTransport(store, annaDevice));
        laptop.Clients.Add(NewClient("Geertje"));
        Assert.True((await engine.Run()).Converged);

        await using var other = (NpgsqlConnection)await _kind.ConnectAsync();
        await using var open = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_current_xact_id();", other, open))
            await take.ExecuteScalarAsync();
        var colleague = Guid.NewGuid();
        var pushed = await store.PushAsync(bram, [new Mutation(1, "clients", colleague, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Hendrik"))], Now);
        Assert.Equal(SyncProtocol.Results.Accepted, pushed.Single().Status);

        var held = await engine.Run();
        var page = await store.PullAsync(annaDevice, 0, 100, Now);
        await open.RollbackAsync();
        var released = await engine.Run();

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
        Assert.Contains(laptop.Clients.Search(), c => c.Id.Value == colleague);
    }

    private LocalStore Laptop(EnrolResponse enrolment)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        using (var fresh = LocalStore.Create(path, Passphrase, new StoreIdentity(Id<Worker>.New(TimeProvider.System), "nog niet aangemeld", Role.Nurse, Guid.NewGuid()), TimeProvider.System))
            new LocalSync(fresh).Enrol(new Uri("http://127.0.0.1:9/"), enrolment);
        return LocalStore.Open(path, Passphrase, TimeProvider.System);
    }

    private static Client NewClient(string first)
    {
        var (client, problems) = new ClientInput(first, "Bos", "1950-01-01", "1234 AB", "1", "", "", "").Validate(Id<Client>.New(TimeProvider.System), AmsterdamTime.Today(TimeProvider.System));
        Assert.Empty(problems);
        return client!;
    }

    private static async Task<(DeviceSession Device, EnrolResponse Enrolment)> Enrol(ISyncStore store, string worker)
    {
        var n = Guid.NewGuid().ToString("N");
        await store.AddEnrolmentCodeAsync(worker, "code-" + n, Now.AddHours(1), Now);
        var enrolment = (await store.EnrolAsync("code-" + n, new NewDevice(Guid.NewGuid(), "d-" + n, "t-" + n, "token-" + n), Now))!;
        return ((await store.FindDeviceAsync("token-" + n))!, enrolment);
    }
}
