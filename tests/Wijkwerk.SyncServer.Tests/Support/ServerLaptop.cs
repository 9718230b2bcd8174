using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>A real laptop store enrolled with a code at a real server process, syncing over HTTP with whatever server address it is given.</summary>
public sealed class ServerLaptop : IDisposable
{
    private const string Passphrase = "laptop passphrase 1";
    private readonly string _folder;

    private ServerLaptop(string folder, LocalStore store)
    {
        _folder = folder;
        Store = store;
    }

    public LocalStore Store { get; }

    public static async Task<ServerLaptop> Enrol(string server, string code)
    {
        var folder = Directory.CreateTempSubdirectory("wijkwerk-serverlaptop-").FullName;
        var path = Path.Combine(folder, "wijkwerk.db");
        using (var fresh = LocalStore.Create(path, Passphrase, new StoreIdentity(Id<Worker>.New(TimeProvider.System), "nog niet aangemeld", Role.Nurse, Guid.NewGuid()), TimeProvider.System))
        {
            using var http = new HttpClient { BaseAddress = new Uri(server) };
            var enrolment = await new HttpSyncTransport(http).Enrol(new EnrolRequest(code, "test-laptop"), CancellationToken.None);
            new LocalSync(fresh).Enrol(new Uri(server), enrolment);
        }

        return new ServerLaptop(folder, LocalStore.Open(path, Passphrase, TimeProvider.System));
    }

    public async Task<SyncReport> Sync(string server)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server) };
        return await new SyncEngine(Store, new HttpSyncTransport(http)).Run();
    }

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
