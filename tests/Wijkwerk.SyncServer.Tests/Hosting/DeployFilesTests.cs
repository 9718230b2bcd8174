using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Wijkwerk.Core.Localization;
using Wijkwerk.SyncServer.Cli;
using Wijkwerk.SyncServer.Hosting;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Hosting;

/// <summary>
/// Issue 15 item 6: the files in deploy/ start the program the way it accepts, without Docker or systemd: the unit's
/// ExecStart and the container's ENTRYPOINT parse as a <c>serve</c> command line, the store is chosen by the settings
/// (the SQLite file by default, PostgreSQL when the settings say so), and the unit lets the service write exactly where
/// its store lives.
/// </summary>
public partial class DeployFilesTests
{
    private static string Deploy(string file) => File.ReadAllText(Path.Combine(NativePublish.RepositoryRoot(), "deploy", file));

    private static Dictionary<string, List<string>> Unit() =>
        Deploy("wijkwerk-server.service").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith('[') && l.Contains('='))
            .GroupBy(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]).ToDictionary(g => g.Key, g => g.ToList());

    private static void AssertServes(IReadOnlyList<string> args)
    {
        var parse = ServerCommandLine.Build(Lang.Nl).Parse([.. args]);
        Assert.Empty(parse.Errors.Select(e => e.Message));
        Assert.Equal("serve", parse.CommandResult.Command.Name);
    }

    [Fact]
    public void UnitExecStart_IsAServeCommandLineTheProgramAccepts()
    {
        var execStart = Assert.Single(Unit()["ExecStart"]).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.EndsWith("/wijkwerk-server", execStart[0]);
        AssertServes(execStart[1..]);
        Assert.Contains("--urls", execStart);
        // A store option here would override the settings, and --db is refused beside Wijkwerk:Store postgres.
        Assert.DoesNotContain("--db", execStart);
        Assert.DoesNotContain("--store", execStart);
        Assert.DoesNotContain("--connection", execStart);
    }

    /// <summary>The unit's Environment= lines as settings, with <paramref name="extra"/> laid over them (appsettings.json or server.env).</summary>
    private static StoreChoice UnitStore(params (string Key, string Value)[] extra)
    {
        var environment = Unit()["Environment"].SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => new KeyValuePair<string, string?>(pair[..pair.IndexOf('=')].Replace("__", ":"), pair[(pair.IndexOf('=') + 1)..]));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment)
            .AddInMemoryCollection(extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
            .Build();
        return StoreChoice.From(ServerSettings.From(configuration), new StoreOptions(null, null, null));
    }

    [Fact]
    public void Unit_ServesTheFileInItsStateFolder_ByDefault_AndPostgres_WhenTheSettingsChooseIt()
    {
        var file = UnitStore();
        Assert.False(file.IsPostgres);
        Assert.Equal("/var/lib/" + Assert.Single(Unit()["StateDirectory"]) + "/wijkwerk-server.db", file.Database);

        var postgres = UnitStore(("Wijkwerk:Store", "postgres"), ("Wijkwerk:Connection", "Host=db.example.nl;Database=wijkwerk;Username=wijkwerk"));
        Assert.True(postgres.IsPostgres);
    }

    [Fact]
    public void Unit_RunsHardenedAsItsOwnUser_AndMayWriteOnlyTheStoresFolder()
    {
        var unit = Unit();
        var store = UnitStore().Database;

        Assert.Equal(["wijkwerk"], unit["User"]);
        Assert.Equal(["strict"], unit["ProtectSystem"]);
        Assert.Equal(["yes"], unit["NoNewPrivileges"]);
        Assert.Equal(["yes"], unit["PrivateTmp"]);
        Assert.Equal(["on-failure"], unit["Restart"]);
        Assert.Equal([Path.GetDirectoryName(store)!], unit["ReadWritePaths"]);
        Assert.Equal("/var/lib/" + Assert.Single(unit["StateDirectory"]), Path.GetDirectoryName(store));
    }

    [Fact]
    public void ContainerEntrypoint_IsAServeCommandLine_OnTheDataVolume_AsANonRootUser()
    {
        var file = Deploy("Containerfile");
        var entrypoint = JsonSerializer.Deserialize<string[]>(Instruction().Matches(file).Single(m => m.Groups[1].Value == "ENTRYPOINT").Groups[2].Value)!;

        Assert.Equal(["dotnet", "wijkwerk-server.dll"], entrypoint[..2]);
        AssertServes(entrypoint[2..]);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0", file);
        Assert.Contains("USER $APP_UID", file);
        Assert.Contains("VOLUME /data", file);
        Assert.Contains("Wijkwerk__Database=/data/", file);
    }

    [GeneratedRegex(@"^(\w+)\s+(.*)$", RegexOptions.Multiline)]
    private static partial Regex Instruction();
}
