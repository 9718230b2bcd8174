using Npgsql;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// Two real server processes on one fresh database of the PostgreSQL fixture, as a municipality runs them behind a load
/// balancer; team Noord with the given nurses, set up through the real admin commands. Disposing stops both.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private readonly List<ServerProgram.Running> _servers = [];
    private readonly List<HttpClient> _http = [];

    private TwoInstances(string connection) => Connection = connection;

    public string Connection { get; }

    public string[] StoreArgs => ["--store", "postgres", "--connection", Connection];

    /// <summary>The HTTP client of instance 0 or 1.</summary>
    public HttpClient Http(int instance) => _http[instance];

    public string Log(int instance) => _servers[instance].Log;

    public static async Task<TwoInstances> StartAsync(PostgresCluster cluster, string logFolder, IReadOnlyList<string> nurses, int enrolPermitsPerMinute = 1000)
    {
        var instances = new TwoInstances(await cluster.CreateDatabaseAsync());
        try
        {
            await instances.Admin("admin", "team", "add", "Noord");
            await Task.WhenAll(nurses.Select(n => instances.Admin("admin", "user", "add", "--team", "Noord", "--name", n, "--role", "nurse")));
            var settings = new Dictionary<string, string>
            {
                ["Wijkwerk__EnrolPermitsPerMinute"] = enrolPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Wijkwerk__LogFolder"] = logFolder,
            };
            foreach (var server in await Task.WhenAll(ServerProgram.Running.StartWith(instances.StoreArgs, settings), ServerProgram.Running.StartWith(instances.StoreArgs, settings)))
            {
                instances._servers.Add(server);
                instances._http.Add(new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromSeconds(60) });
            }

            return instances;
        }
        catch
        {
            await instances.DisposeAsync();
            throw;
        }
    }

    public async Task<ServerProgram.Outcome> Admin(params string[] args)
    {
        var outcome = await ServerProgram.Run([.. StoreArgs, .. args]);
        Assert.True(outcome.ExitCode == 0, $"{string.Join(' ', args)}: {outcome.ExitCode} {outcome.Error}");
        return outcome;
    }

    /// <summary>A one-time code for the nurse, enrolled through the given instance.</summary>
    public async Task<EnrolResponse> Enrol(string nurse, int instance)
    {
        var code = (await Admin("admin", "device", "enroll", "--user", nurse)).LastLine;
        var (_, enrolled, problem) = await SyncClient.Enrol(Http(instance), code, "laptop-" + nurse);
        Assert.True(enrolled is not null, problem?.Message);
        return enrolled;
    }

    /// <summary>What the database holds, behind the servers' backs: every live row of a table by id, with its version and columns.</summary>
    public async Task<Dictionary<Guid, (long Version, Dictionary<string, string?> Columns)>> StoredRows(string table)
    {
        await using var db = new NpgsqlConnection(Connection);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT row_id, version, columns FROM rows WHERE tbl = @t AND deleted = 0;", db);
        cmd.Parameters.AddWithValue("t", table);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new Dictionary<Guid, (long, Dictionary<string, string?>)>();
        while (await reader.ReadAsync())
            rows[Guid.Parse(reader.GetString(0))] = (reader.GetInt64(1), System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string?>>(reader.GetString(2))!);
        return rows;
    }

    public async Task<long> Count(string sql)
    {
        await using var db = new NpgsqlConnection(Connection);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var http in _http)
            http.Dispose();
        foreach (var server in _servers)
            await server.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }
}
