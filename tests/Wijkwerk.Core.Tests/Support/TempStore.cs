using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Core.Tests.Support;

/// <summary>A real store file in a temporary folder, removed when the test ends.</summary>
public sealed class TempStore : IDisposable
{
    public const string Passphrase = "correct horse battery";

    /// <summary>A store of the test nurse, or of another worker (a consultant's laptop, say).</summary>
    public TempStore(StoreIdentity? identity = null)
    {
        Folder = Directory.CreateTempSubdirectory("wijkwerk-test-").FullName;
        Store = LocalStore.Create(PathToStore, Passphrase, identity ?? Identity, Clock);
    }

    public static StoreIdentity Identity { get; } = new(new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-00000000aaaa")), "Test Verpleegkundige", Role.Nurse, Guid.Parse("0193a000-0000-7000-8000-00000000dddd"));

    public string Folder { get; }

    public string PathToStore => System.IO.Path.Combine(Folder, "wijkwerk.db");

    public FakeClock Clock { get; } = new();

    public LocalStore Store { get; private set; }

    public LocalStore Reopen(string passphrase = Passphrase)
    {
        Store.Dispose();
        Store = LocalStore.Open(PathToStore, passphrase, Clock);
        return Store;
    }

    public void Close() => Store.Dispose();

    /// <summary>A plain connection for what a test must do behind the store's back (tampering, crash triggers).</summary>
    public SqliteConnection Raw()
    {
        var connection = new SqliteConnection($"Data Source={PathToStore};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>A file's bytes as one hash: a refused file must be left exactly as it was.</summary>
    public static string Hash(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    public long Count(string sql)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>How many audit events the store holds.</summary>
    public long AuditEvents() => Count("SELECT count(*) FROM audit_events");

    /// <summary>How many changes wait in the outbox to be pushed.</summary>
    public long OutboxRows() => Count("SELECT count(*) FROM outbox");

    public void Execute(string sql)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public Client NewClient(string firstName = "Anna", string surname = "van der Berg", string phone = "0612345678", string bsn = "111222333")
    {
        var (client, problems) = new ClientInput(firstName, surname, "1950-03-04", "1234 AB", "12", "", phone, bsn).Validate(Id<Client>.New(Clock), Clock.Today);
        Assert.Empty(problems);
        return client!;
    }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
