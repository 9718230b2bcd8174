using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// A real laptop store (an SQLite file in a temporary folder) enrolled as a device of a server store, syncing with the
/// real engine through <see cref="StoreTransport"/>: store-level tests of what laptops end up holding.
/// </summary>
public sealed class StoreLaptop : IDisposable
{
    private const string Passphrase = "laptop passphrase 1";
    private readonly string _folder;

    private StoreLaptop(string folder, LocalStore store, DeviceSession device)
    {
        _folder = folder;
        Store = store;
        Device = device;
    }

    public LocalStore Store { get; }

    public DeviceSession Device { get; }

    /// <summary>Enrols a new device of the worker on the store and makes its laptop store.</summary>
    public static async Task<StoreLaptop> Enrol(ISyncStore server, string worker)
    {
        var n = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        await server.AddEnrolmentCodeAsync(worker, "code-" + n, now.AddHours(1), now);
        var enrolment = (await server.EnrolAsync("code-" + n, new NewDevice(Guid.NewGuid(), "d-" + n, "t-" + n, "token-" + n), now))!;
        var device = (await server.FindDeviceAsync("token-" + n))!;
        var folder = Directory.CreateTempSubdirectory("wijkwerk-storelaptop-").FullName;
        var path = Path.Combine(folder, "wijkwerk.db");
        using (var fresh = LocalStore.Create(path, Passphrase, new StoreIdentity(Id<Worker>.New(TimeProvider.System), "nog niet aangemeld", Role.Nurse, Guid.NewGuid()), TimeProvider.System))
            new LocalSync(fresh).Enrol(new Uri("http://127.0.0.1:9/"), enrolment);
        return new StoreLaptop(folder, LocalStore.Open(path, Passphrase, TimeProvider.System), device);
    }

    /// <summary>One sync with the given server store (the same device, wherever its database now is).</summary>
    public Task<SyncReport> Sync(ISyncStore server) => new SyncEngine(Store, new StoreTransport(server, Device)).Run();

    public Client NewClient(string first)
    {
        var (client, problems) = new ClientInput(first, "Bos", "1950-01-01", "1234 AB", "1", "", "", "").Validate(Id<Client>.New(TimeProvider.System), AmsterdamTime.Today(TimeProvider.System));
        Assert.Empty(problems);
        Store.Clients.Add(client!);
        return client!;
    }

    public IReadOnlyList<Client> Clients() => Store.Clients.Search();

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
