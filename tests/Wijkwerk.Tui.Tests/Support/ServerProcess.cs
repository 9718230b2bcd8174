using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// The real <c>wijkwerk-server</c> for the laptop's tests: a store of its own with team Noord and nurse Anna,
/// set up through the real admin commands, served on 127.0.0.1:0. An admin command (a new enrolment code,
/// a revoke) can be run while it serves; disposing stops the process and removes the store.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string Nurse = "Anna";
    private readonly TempFolder _folder = new();
    private ServerProgram.Running? _running;

    private ServerProcess()
    {
    }

    public Uri Address { get; private set; } = null!;

    public string Db => _folder.File("server.db");

    /// <summary>Sets up the store and starts serving; returns once the server listens.</summary>
    public static async Task<ServerProcess> Start()
    {
        var server = new ServerProcess();
        try
        {
            await server.Admin("admin", "team", "add", "Noord");
            await server.Admin("admin", "user", "add", "--team", "Noord", "--name", Nurse, "--role", "nurse");
            server._running = await ServerProgram.Running.Start(server.Db);
            server.Address = new Uri(server._running.Address);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A one-time code with which a laptop enrols as <see cref="Nurse"/>.</summary>
    public async Task<string> EnrolmentCode() => (await Admin("admin", "device", "enroll", "--user", Nurse)).LastLine;

    public Task Revoke(Guid device) => Admin("admin", "device", "revoke", device.ToString());

    /// <summary>A one-time code with which a laptop enrols as <paramref name="user"/>.</summary>
    public async Task<string> EnrolmentCode(string user) => (await Admin("admin", "device", "enroll", "--user", user)).LastLine;

    /// <summary>Another member of team Noord, e.g. the colleagues who approve a budget request.</summary>
    public Task AddUser(string name, string role = "nurse") => Admin("admin", "user", "add", "--team", "Noord", "--name", name, "--role", role);

    /// <summary>Team Noord's minimaatwerk budget for a year (the default limit per request).</summary>
    public Task SetBudget(int year, long euros) => Admin("admin", "budget", "set", "--team", "Noord", "--year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "--amount", euros.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Ends the server as a crash or a pulled cable would: no goodbye to anyone.</summary>
    public async Task Stop()
    {
        if (_running is { } running)
            await running.DisposeAsync();
        _running = null;
    }

    public async ValueTask DisposeAsync()
    {
        await Stop();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    /// <summary>Runs an admin command on this store to its end, and fails the test if it failed.</summary>
    private async Task<ServerProgram.Outcome> Admin(params string[] args)
    {
        var outcome = await ServerProgram.Run([.. args, "--db", Db]);
        Assert.True(outcome.ExitCode == 0, $"wijkwerk-server {string.Join(' ', args)}: {outcome.ExitCode} {outcome.Error}");
        return outcome;
    }
}
