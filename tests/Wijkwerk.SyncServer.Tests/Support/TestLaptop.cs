using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>A real laptop store (an SQLite file in its own temporary folder) enrolled at a server; how it reaches the server is the subclass's.</summary>
public abstract class TestLaptop : IDisposable
{
    private const string Passphrase = "laptop passphrase 1";
    private readonly string _folder;

    private protected TestLaptop(string folder, LocalStore store)
    {
        _folder = folder;
        Store = store;
    }

    public LocalStore Store { get; }

    /// <summary>Makes a fresh store in a new temporary folder, enrols it with what <paramref name="enrol"/> answers, and opens it.</summary>
    private protected static async Task<(string Folder, LocalStore Store)> Create(string prefix, Uri server, Func<Task<EnrolResponse>> enrol)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        var path = Path.Combine(folder, "wijkwerk.db");
        using (var fresh = LocalStore.Create(path, Passphrase, new StoreIdentity(Id<Worker>.New(TimeProvider.System), "nog niet aangemeld", Role.Nurse, Guid.NewGuid()), TimeProvider.System))
            new LocalSync(fresh).Enrol(server, await enrol());
        return (folder, LocalStore.Open(path, Passphrase, TimeProvider.System));
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
