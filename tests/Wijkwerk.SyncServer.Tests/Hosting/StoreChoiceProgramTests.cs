using Npgsql;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Hosting;

/// <summary>
/// The real program chooses its store: <c>--store postgres --connection …</c> on <c>serve</c> and the admin commands,
/// the same through the environment, and a sentence a person can act on for each way the choice can be wrong.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StoreChoiceProgramTests(PostgresCluster cluster) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkwerk-store-choice-").FullName;

    [Fact]
    public async Task Serve_OnPostgres_EnrolsPushesAndPullsThroughTheDatabase()
    {
        var connection = await cluster.CreateDatabaseAsync();
        string[] store = ["--store", "postgres", "--connection", connection];
        await Admin([.. store, "admin", "team", "add", "Noord"]);
        await Admin([.. store, "admin", "user", "add", "--team", "Noord", "--name", "Anna", "--role", "nurse"]);
        var code = (await Admin([.. store, "admin", "device", "enroll", "--user", "Anna"])).LastLine;
        await using var server = await ServerProgram.Running.StartWith(store, LogsHere);
        using var http = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromSeconds(30) };

        var (_, enrolled, problem) = await SyncClient.Enrol(http, code);
        Assert.True(enrolled is not null, problem?.Message);
        var anna = new SyncClient(http, enrolled.Token, enrolled.DeviceId, enrolled.WorkerId, enrolled.Role);
        var client = Guid.NewGuid();
        var pushed = await anna.PushOne("clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Jan"));
        var (changes, _) = await anna.PullAll(0);

        Assert.Equal(SyncProtocol.Results.Accepted, pushed.Status);
        Assert.Contains(changes, c => c.Table == "clients" && c.RowId == client && c.Columns["first_name"] == "Jan");
        Assert.Equal(1L, await Count(connection, $"SELECT count(*) FROM rows WHERE tbl = 'clients' AND row_id = '{client}';"));
        Assert.Contains(enrolled.DeviceId.ToString(), (await Admin([.. store, "admin", "device", "list"])).Out);
    }

    [Fact]
    public async Task Admin_WithStoreAndConnectionFromTheEnvironment_WritesToPostgres()
    {
        var connection = await cluster.CreateDatabaseAsync();
        var environment = new Dictionary<string, string> { ["Wijkwerk__Store"] = "postgres", ["Wijkwerk__Connection"] = connection };

        var added = await ServerProgram.RunWith(environment, "admin", "team", "add", "Zuid");
        var listed = await ServerProgram.RunWith(environment, "admin", "department", "list");

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.True(listed.ExitCode == 0, listed.Error);
        Assert.Equal(1L, await Count(connection, "SELECT count(*) FROM teams WHERE name = 'Zuid';"));
    }

    [Fact]
    public async Task Postgres_WithoutConnection_SaysWhichOptionIsMissing()
    {
        var admin = await ServerProgram.Run("admin", "team", "add", "Noord", "--store", "postgres");
        var serve = await Serve("--store", "postgres");

        foreach (var outcome in new[] { admin, serve })
        {
            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("--connection", outcome.Error);
            Assert.Contains("Wijkwerk__Connection", outcome.Error);
        }
    }

    [Fact]
    public async Task UnknownStore_NamesTheChoices()
    {
        var admin = await ServerProgram.Run("admin", "device", "list", "--store", "mysql", "--db", Path.Combine(_folder, "server.db"));
        var serve = await Serve("--store", "mysql");

        foreach (var outcome in new[] { admin, serve })
        {
            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("Onbekende serveropslag 'mysql'", outcome.Error);
            Assert.Contains("'sqlite'", outcome.Error);
            Assert.Contains("'postgres'", outcome.Error);
        }

        Assert.False(File.Exists(Path.Combine(_folder, "server.db")));
    }

    [Fact]
    public async Task DbWithPostgres_IsRefusedWithTheWayOut()
    {
        var connection = await cluster.CreateDatabaseAsync();

        var outcome = await ServerProgram.Run("admin", "team", "add", "Noord", "--store", "postgres", "--connection", connection, "--db", Path.Combine(_folder, "server.db"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--db", outcome.Error);
        Assert.Contains("laat --db weg", outcome.Error);
        Assert.False(File.Exists(Path.Combine(_folder, "server.db")));
    }

    [Fact]
    public async Task UnreachableDatabase_SaysWhereAndWhyWithoutThePassword()
    {
        const string password = "Geheim-Wachtwoord-7731";
        var nothingListens = $"Host=127.0.0.1;Port={ClosedPort()};Database=wijkwerk;Username=beheer;Password={password};Timeout=5";
        var missingDatabase = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync()) { Database = "bestaat_niet", Password = password }.ToString();

        var unreachable = await ServerProgram.Run("admin", "device", "list", "--store", "postgres", "--connection", nothingListens);
        var serve = await Serve("--store", "postgres", "--connection", nothingListens);
        var missing = await ServerProgram.Run("admin", "device", "list", "--store", "postgres", "--connection", missingDatabase);

        foreach (var outcome in new[] { unreachable, serve, missing })
        {
            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains("niet bereikbaar", outcome.Error);
            Assert.Contains("--connection", outcome.Error);
            Assert.DoesNotContain(password, outcome.Error + outcome.Out);
        }

        Assert.Contains("er antwoordt geen PostgreSQL", unreachable.Error);
        Assert.Contains("'bestaat_niet'", missing.Error);
        Assert.Contains("bestaat niet", missing.Error);
    }

    [Fact]
    public async Task MalformedConnection_IsRefusedWithoutEchoingIt()
    {
        var outcome = await ServerProgram.Run("admin", "device", "list", "--store", "postgres", "--connection", "Host=db;Wachtwoord=Geheim-991;Onzin");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("geen geldige PostgreSQL-verbindingsreeks", outcome.Error);
        Assert.DoesNotContain("Geheim-991", outcome.Error);
    }

    [Fact]
    public async Task StoreConcurrency_BelowOneOrBeyondThePool_IsRefusedNamingTheSetting()
    {
        var zero = await ServerProgram.RunWith(new Dictionary<string, string> { ["Wijkwerk__StoreConcurrency"] = "0" }, "admin", "device", "list", "--db", Path.Combine(_folder, "s.db"));
        var beyond = await ServerProgram.RunWith(new Dictionary<string, string> { ["Wijkwerk__StoreConcurrency"] = "20" },
            "admin", "device", "list", "--store", "postgres", "--connection", "Host=db.example.nl;Maximum Pool Size=10;Password=Geheim-992");

        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("Wijkwerk:StoreConcurrency is 0", zero.Error);
        Assert.Contains("minstens 1", zero.Error);
        Assert.False(File.Exists(Path.Combine(_folder, "s.db")));
        Assert.Equal(2, beyond.ExitCode);
        Assert.Contains("Wijkwerk:StoreConcurrency (20)", beyond.Error);
        Assert.Contains("Maximum Pool Size=10", beyond.Error);
        Assert.DoesNotContain("Geheim-992", beyond.Error);
    }

    [Fact]
    public async Task StoreConcurrency_Unset_FollowsAPoolSmallerThanItsDefault()
    {
        // The default here is at least 8: a pool of 4 must not stop the program.
        var connection = await cluster.CreateDatabaseAsync() + ";Maximum Pool Size=4";

        var outcome = await ServerProgram.Run("admin", "team", "add", "Noord", "--store", "postgres", "--connection", connection);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Equal(1L, await Count(connection, "SELECT count(*) FROM teams WHERE name = 'Noord';"));
    }

    [Fact]
    public async Task BackupOnPostgres_PointsToPgDump()
    {
        var connection = await cluster.CreateDatabaseAsync();
        var target = Path.Combine(_folder, "backup.db");

        var outcome = await ServerProgram.Run("admin", "backup", "--out", target, "--store", "postgres", "--connection", connection);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("pg_dump", outcome.Error);
        Assert.False(File.Exists(target));
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Dictionary<string, string> LogsHere => new() { ["Wijkwerk__LogFolder"] = Path.Combine(_folder, "logs") };

    /// <summary>Runs <c>serve</c> where it is expected to stop at once; its logs go to the test's folder.</summary>
    private Task<ServerProgram.Outcome> Serve(params string[] args) => ServerProgram.RunWith(LogsHere, ["serve", "--urls", "http://127.0.0.1:0", .. args]);

    private static async Task<ServerProgram.Outcome> Admin(string[] args)
    {
        var outcome = await ServerProgram.Run(args);
        Assert.True(outcome.ExitCode == 0, $"{string.Join(' ', args)}: {outcome.ExitCode} {outcome.Error}");
        return outcome;
    }

    private static async Task<long> Count(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int ClosedPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
