using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL cluster for the tests of one collection: <c>initdb</c> into a temporary folder, the
/// server on a free port of 127.0.0.1 with its unix socket in that folder, a fresh database per test class
/// (<see cref="CreateDatabaseAsync"/>), and everything stopped and deleted when the collection ends, passed or
/// failed. The binaries come from WIJKWERK_PG_BIN, the PATH, or the newest /usr/lib/postgresql/*/bin;
/// <c>scripts/test</c> installs the Debian package when none is there.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string Superuser = "wijkwerk";
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wijkwerk-pg-" + Guid.NewGuid().ToString("N"));
    private string _bin = "";
    private int _port;

    private string Data => Path.Combine(_folder, "data");

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        Directory.CreateDirectory(_folder);
        // PostgreSQL refuses to run as root; a root test run hands the folder to the postgres account and runs as it.
        if (Environment.UserName == "root")
            await Run("chown", ["postgres:postgres", _folder], asServerUser: false);
        await Run(Path.Combine(_bin, "initdb"), ["-D", Data, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"]);
        for (var attempt = 1; ; attempt++)
        {
            _port = FreePort();
            try
            {
                await Run(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30",
                    "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"]);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port between our probe and the server's bind: try another one.
            }
        }
    }

    /// <summary>
    /// A new, empty database; answers its connection string. The cluster compares text bytewise (C); with
    /// <paramref name="icuLocale"/> the database compares by that locale instead, as one an administrator made for a Dutch
    /// municipality would.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? icuLocale = null)
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var db = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await db.OpenAsync();
            var locale = icuLocale is null ? "" : $" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{icuLocale}'";
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}{locale};", db);
            await cmd.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    /// <summary>pg_dump of a database of this cluster in the custom format, as an administrator takes it; answers the file.</summary>
    public async Task<string> DumpAsync(string connectionString)
    {
        var file = Path.Combine(_folder, "dump-" + Guid.NewGuid().ToString("N") + ".pgdump");
        await Run(Path.Combine(_bin, "pg_dump"), ["-h", "127.0.0.1", "-p", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", Superuser,
            "-d", new NpgsqlConnectionStringBuilder(connectionString).Database!, "-Fc", "-f", file]);
        return file;
    }

    /// <summary>pg_restore of a dump (of any cluster) into a new, empty database of this one; answers its connection string.</summary>
    public async Task<string> RestoreAsync(string dump)
    {
        var connection = await CreateDatabaseAsync();
        await Run(Path.Combine(_bin, "pg_restore"), ["-h", "127.0.0.1", "-p", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", Superuser,
            "-d", new NpgsqlConnectionStringBuilder(connection).Database!, "--no-owner", "--exit-on-error", dump]);
        return connection;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(Data, "postmaster.pid")))
                await Run(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "-t", "30", "stop"]);
        }
        finally
        {
            if (Directory.Exists(_folder))
                Directory.Delete(_folder, recursive: true);
        }
    }

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = Superuser,
        Database = database,
        Timeout = 30,
        CommandTimeout = 60,
        MaxPoolSize = 50,
    }.ToString();

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("WIJKWERK_PG_BIN") is { Length: > 0 } configured)
            return configured;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "initdb")))
            .Select(dir => Path.GetDirectoryName(Path.GetFullPath(ResolveLink(Path.Combine(dir, "initdb"))))!);
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(dir => File.Exists(Path.Combine(dir, "initdb"))).OrderByDescending(VersionOf)
            : Enumerable.Empty<string>();
        return onPath.Concat(installed).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL not found (no initdb on the PATH or in /usr/lib/postgresql/*/bin); run scripts/test, which installs the Debian package 'postgresql', or set WIJKWERK_PG_BIN.");
    }

    private static string ResolveLink(string file) => File.ResolveLinkTarget(file, returnFinalTarget: true)?.FullName ?? file;

    private static int VersionOf(string bin) => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0;

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Runs one step to its end, at most <see cref="StepLimit"/>; a failure names the step and shows its output.</summary>
    private static async Task Run(string program, IReadOnlyList<string> args, bool asServerUser = true)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asServerUser && Environment.UserName == "root")
        {
            info.FileName = "runuser";
            foreach (var arg in new[] { "-u", "postgres", "--", program })
                info.ArgumentList.Add(arg);
        }
        else
        {
            info.FileName = program;
        }

        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(StepLimit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} {string.Join(' ', args)} did not finish in {StepLimit.TotalSeconds} s");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
    }
}

/// <summary>The test classes that share one cluster; each makes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
