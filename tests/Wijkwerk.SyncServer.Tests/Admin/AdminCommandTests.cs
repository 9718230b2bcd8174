using System.Text.RegularExpressions;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Admin;

/// <summary>The admin commands of the real program against a temp store: output, errors on stderr, exit codes.</summary>
public sealed partial class AdminCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wijkwerk-admin-tests-" + Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_folder, "server.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task<ServerProgram.Outcome> Run(params string[] args) => ServerProgram.Run([.. args, "--db", Db]);

    [Fact]
    public async Task TeamUserAndEnrolmentCode_AreCreated_CodeAloneOnTheLastLine()
    {
        var team = await Run("admin", "team", "add", "Wijkteam Oost");
        var user = await Run("admin", "user", "add", "--team", "Wijkteam Oost", "--name", "Fatima", "--role", "teamleader");
        var code = await Run("admin", "device", "enroll", "--user", "Fatima");
        var list = await Run("admin", "device", "list");

        Assert.Equal((0, ""), (team.ExitCode, team.Error));
        Assert.Equal((0, ""), (user.ExitCode, user.Error));
        Assert.Equal(0, code.ExitCode);
        Assert.Matches(CodeLine(), code.LastLine);
        Assert.Equal(0, list.ExitCode);
        Assert.Equal("", list.Out.Trim());
    }

    [Fact]
    public async Task EnrolmentCodes_AreRandom_AndNotStoredInTheClear()
    {
        await Run("admin", "team", "add", "Noord");
        await Run("admin", "user", "add", "--team", "Noord", "--name", "Anna", "--role", "nurse");

        var first = (await Run("admin", "device", "enroll", "--user", "Anna")).LastLine;
        var second = (await Run("admin", "device", "enroll", "--user", "Anna")).LastLine;

        Assert.NotEqual(first, second);
        foreach (var file in Directory.GetFiles(_folder, "server.db*"))
        {
            var bytes = System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(file));
            Assert.DoesNotContain(first, bytes);
            Assert.DoesNotContain(first.Replace("-", "", StringComparison.Ordinal), bytes);
        }
    }

    [Fact]
    public async Task Mistakes_GiveAClearErrorOnStderr_AndANonZeroExitCode()
    {
        await Run("admin", "team", "add", "Noord");
        await Run("admin", "user", "add", "--team", "Noord", "--name", "Anna", "--role", "nurse");
        var cases = new (string[] Args, int Exit, string Says)[]
        {
            (["admin", "team", "add", "noord"], 1, "bestaat al"),
            (["admin", "user", "add", "--team", "Zuid", "--name", "Bo", "--role", "nurse"], 1, "Onbekend team"),
            (["admin", "user", "add", "--team", "Noord", "--name", "Anna", "--role", "nurse"], 1, "bestaat al"),
            (["admin", "user", "add", "--team", "Noord", "--name", "Bo", "--role", "dokter"], 2, "Onbekende rol"),
            (["admin", "device", "enroll", "--user", "Niemand"], 1, "Onbekende medewerker"),
            (["admin", "device", "revoke", "geen-guid"], 2, "geen geldig apparaat-id"),
            (["admin", "device", "revoke", Guid.NewGuid().ToString()], 1, "Onbekend apparaat"),
            (["admin", "client", "assign", "123", "--team", "Noord"], 2, "geen geldig cliënt-id"),
            (["admin", "client", "assign", Guid.NewGuid().ToString(), "--team", "Zuid"], 1, "Onbekend team"),
            (["admin", "client", "unassign", Guid.NewGuid().ToString(), "--team", "Noord"], 1, "staat niet op de caseload"),
        };

        foreach (var (args, exit, says) in cases)
        {
            var outcome = await Run(args);
            Assert.True(outcome.ExitCode == exit, $"{string.Join(' ', args)} → {outcome.ExitCode}: {outcome.Error}");
            Assert.Contains(says, outcome.Error);
        }
    }

    [Fact]
    public async Task ClientAssign_Twice_IsRefused_Unassign_ThenWorks()
    {
        await Run("admin", "team", "add", "Noord");
        var client = Guid.NewGuid().ToString();

        var assign = await Run("admin", "client", "assign", client, "--team", "Noord");
        var again = await Run("admin", "client", "assign", client, "--team", "Noord");
        var unassign = await Run("admin", "client", "unassign", client, "--team", "Noord");

        Assert.Equal(0, assign.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("staat al", again.Error);
        Assert.Equal(0, unassign.ExitCode);
    }

    [Fact]
    public async Task MissingRequiredOption_FailsWithUsage()
    {
        var outcome = await Run("admin", "user", "add", "--name", "Anna", "--role", "nurse");

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("--team", outcome.Error);
    }

    [GeneratedRegex(@"^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$")]
    private static partial Regex CodeLine();
}
