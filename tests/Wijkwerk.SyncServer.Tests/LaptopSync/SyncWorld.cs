using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// A real <c>wijkwerk-server</c> on 127.0.0.1 with its own database, set up through its own admin
/// commands, and real laptop stores (SQLite files) that enrol and sync over HTTP.
/// </summary>
public sealed partial class SyncWorld : IDisposable
{
    public const string Passphrase = "laptop passphrase 1";
    private Process _server;
    private readonly List<Laptop> _laptops = [];

    private readonly IReadOnlyDictionary<string, string> _serverEnvironment;

    /// <param name="serverEnvironment">Settings for the server, as environment variables (<c>Wijkwerk__…</c>).</param>
    public SyncWorld(IReadOnlyDictionary<string, string>? serverEnvironment = null)
    {
        _serverEnvironment = serverEnvironment ?? new Dictionary<string, string>();
        Folder = Directory.CreateTempSubdirectory("wijkwerk-sync-").FullName;
        Database = Path.Combine(Folder, "server.db");
        _server = StartServer();
        Address = new Uri(ReadListeningAddress(_server));
    }

    public string Folder { get; }

    public string Database { get; }

    public Uri Address { get; }

    public TimeProvider Clock { get; } = TimeProvider.System;

    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "wijkwerk-server.dll");

    /// <summary>Runs an admin command against this server's database; fails the test when it fails.</summary>
    public string Admin(params string[] args)
    {
        var (code, output, error) = Run(ServerDll, ["admin", .. args, "--db", Database]);
        Assert.True(code == 0, $"admin {string.Join(' ', args)} failed ({code}): {error}");
        return output;
    }

    public void Team(string name) => Admin("team", "add", name);

    public void User(string name, string team, string role = "nurse") => Admin("user", "add", "--team", team, "--name", name, "--role", role);

    public string EnrolmentCode(string user) => Admin("device", "enroll", "--user", user).TrimEnd().Split('\n')[^1].Trim();

    /// <summary>A laptop with a fresh store, enrolled for the user with a code from the admin command (or one made before).</summary>
    public async Task<Laptop> Laptop(string user, string? code = null)
    {
        var folder = Path.Combine(Folder, "laptop-" + _laptops.Count);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "wijkwerk.db");
        var store = LocalStore.Create(path, Passphrase, new StoreIdentity(Id<Worker>.New(Clock), "nog niet aangemeld", Role.Nurse, Guid.NewGuid()), Clock);
        using (store)
        {
            using var http = new HttpClient { BaseAddress = Address };
            var enrolment = await new HttpSyncTransport(http).Enrol(new EnrolRequest(code ?? EnrolmentCode(user), "test-laptop"), CancellationToken.None);
            new LocalSync(store).Enrol(Address, enrolment);
        }

        var laptop = new Laptop(this, folder, LocalStore.Open(path, Passphrase, Clock));
        _laptops.Add(laptop);
        return laptop;
    }

    public void Dispose()
    {
        foreach (var laptop in _laptops)
            laptop.Dispose();
        if (!_server.HasExited)
            _server.Kill(entireProcessTree: true);
        _server.WaitForExit(10_000);
        _server.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    public static (int Code, string Out, string Error) Run(string dll, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(dll)} {string.Join(' ', args)} did not finish within 60 s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Kills the server (as a crash would) and starts it again on the same port and database.</summary>
    public void RestartServer()
    {
        _server.Kill(entireProcessTree: true);
        _server.WaitForExit(10_000);
        _server.Dispose();
        _server = StartServer(Address.ToString().TrimEnd('/'));
        ReadListeningAddress(_server);
    }

    /// <summary>A consistent copy of the running server's database (SQLite's online backup), as an admin's nightly backup would be.</summary>
    public string Backup()
    {
        var copy = Path.Combine(Folder, $"backup-{Guid.NewGuid():N}.db");
        using var source = new SqliteConnection($"Data Source={Database};Pooling=False");
        using var target = new SqliteConnection($"Data Source={copy};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
        return copy;
    }

    /// <summary>The documented restore: stop the server, put the backup in place of its database (and drop the WAL), start it again.</summary>
    public void Restore(string backup)
    {
        _server.Kill(entireProcessTree: true);
        _server.WaitForExit(10_000);
        _server.Dispose();
        foreach (var suffix in new[] { "-wal", "-shm" })
            File.Delete(Database + suffix);
        File.Copy(backup, Database, overwrite: true);
        _server = StartServer(Address.ToString().TrimEnd('/'));
        ReadListeningAddress(_server);
    }

    private Process StartServer(string urls = "http://127.0.0.1:0")
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { ServerDll, "serve", "--urls", urls, "--db", Database })
            info.ArgumentList.Add(arg);
        info.WorkingDirectory = Folder;
        foreach (var (key, value) in _serverEnvironment)
            info.Environment[key] = value;
        return Process.Start(info)!;
    }

    private static string ReadListeningAddress(Process server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var line = server.StandardOutput.ReadLine() ?? throw new InvalidOperationException("wijkwerk-server exited: " + server.StandardError.ReadToEnd());
            if (Listening().Match(line) is { Success: true } match)
            {
                // Keep draining the server's output so it never blocks on a full pipe.
                _ = server.StandardOutput.ReadToEndAsync();
                _ = server.StandardError.ReadToEndAsync();
                return match.Groups[1].Value;
            }
        }

        throw new TimeoutException("wijkwerk-server did not start listening within 30 s");
    }

    [GeneratedRegex(@"(http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}

/// <summary>A world with team Noord and one enrolled laptop per nurse, disposed together.</summary>
public sealed record Team(SyncWorld World, IReadOnlyList<Laptop> Laptops) : IDisposable
{
    public static Task<Team> Noord(params string[] nurses) => Noord(new SyncWorld(), nurses);

    public static async Task<Team> Noord(SyncWorld world, params string[] nurses)
    {
        world.Team("Noord");
        var laptops = new List<Laptop>();
        foreach (var nurse in nurses)
        {
            world.User(nurse, "Noord");
            laptops.Add(await world.Laptop(nurse));
        }

        return new Team(world, laptops);
    }

    public void Dispose() => World.Dispose();
}

/// <summary>One enrolled laptop: its real store and its sync engine over real HTTP.</summary>
public sealed class Laptop(SyncWorld world, string folder, LocalStore store) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = world.Address };

    public string Folder { get; } = folder;

    public LocalStore Store { get; private set; } = store;

    public Task<SyncReport> Sync(HttpMessageHandler? handler = null, int batch = 500, IProgress<SyncProgress>? progress = null)
    {
        var http = handler is null ? _http : new HttpClient(handler, disposeHandler: false) { BaseAddress = world.Address };
        return new SyncEngine(Store, new HttpSyncTransport(http)) { PushBatchSize = batch, PullPageSize = batch }.Run(progress);
    }

    public Client NewClient(string first, string surname, string postcode = "1234 AB")
    {
        var (client, problems) = new ClientInput(first, surname, "1950-01-01", postcode, "1", "", "", "").Validate(Id<Client>.New(world.Clock), AmsterdamTime.Today(TimeProvider.System));
        Assert.Empty(problems);
        Store.Clients.Add(client!);
        return client!;
    }

    public IReadOnlyList<Client> Clients() => Store.Clients.Search();

    public Client? Find(Id<Client> id) => Clients().SingleOrDefault(c => c.Id == id);

    public void Reopen()
    {
        Store.Dispose();
        Store = LocalStore.Open(Path.Combine(Folder, "wijkwerk.db"), SyncWorld.Passphrase, world.Clock);
    }

    public void Dispose()
    {
        Store.Dispose();
        _http.Dispose();
    }
}
