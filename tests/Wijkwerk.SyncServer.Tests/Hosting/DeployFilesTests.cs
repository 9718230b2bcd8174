using System.Text.Json;
using System.Text.RegularExpressions;
using Wijkwerk.Core.Localization;
using Wijkwerk.SyncServer.Cli;

namespace Wijkwerk.SyncServer.Tests.Hosting;

/// <summary>
/// Issue 15 item 6: the files in deploy/ start the program the way it accepts, without Docker or systemd: the unit's
/// ExecStart and the container's ENTRYPOINT parse as a <c>serve</c> command line, and the unit lets the service write
/// exactly where its store lives.
/// </summary>
public partial class DeployFilesTests
{
    private static string Deploy(string file)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Wijkwerk.sln")))
            folder = folder.Parent;
        Assert.NotNull(folder);
        return File.ReadAllText(Path.Combine(folder.FullName, "deploy", file));
    }

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
        Assert.Contains("--db", execStart);
        Assert.Contains("--urls", execStart);
    }

    [Fact]
    public void Unit_RunsHardenedAsItsOwnUser_AndMayWriteOnlyTheStoresFolder()
    {
        var unit = Unit();
        var execStart = unit["ExecStart"][0].Split(' ');
        var store = execStart[Array.IndexOf(execStart, "--db") + 1];

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
