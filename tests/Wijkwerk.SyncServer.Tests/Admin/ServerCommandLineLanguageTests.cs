using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Admin;

/// <summary><c>wijkwerk-server</c>'s help and parse errors in Dutch by default and English with <c>--lang en</c>; its read-only commands leave no store behind.</summary>
public sealed class ServerCommandLineLanguageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkwerk-server-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Help_Dutch_ByDefault()
    {
        var help = await ServerProgram.Run("admin", "user", "add", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Gebruik:", help.Out, StringComparison.Ordinal);
        Assert.Contains("Een medewerker aan een team toevoegen", help.Out, StringComparison.Ordinal);
        Assert.Contains("(verplicht)", help.Out, StringComparison.Ordinal);
        Assert.Contains("Toon hulp en gebruik", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Options:", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("(REQUIRED)", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_LangEn_English()
    {
        var help = await ServerProgram.Run("admin", "--help", "--lang", "en");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:", help.Out, StringComparison.Ordinal);
        Assert.Contains("Administration: teams, workers, devices, caseloads", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Gebruik:", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseError_MissingOption_Dutch_NothingCreated()
    {
        var db = Path.Combine(_folder, "server.db");

        var result = await ServerProgram.Run("admin", "user", "add", "--team", "Noord", "--db", db);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'--name' is verplicht.", result.Error, StringComparison.Ordinal);
        Assert.Contains("'--role' is verplicht.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("is required", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Theory]
    [InlineData("admin", "device", "list")]
    [InlineData("admin", "audit", "--client", "0193a000-0000-7000-8000-000000000001")]
    public async Task ReadOnlyAdminCommand_NoStore_SaysSoAndCreatesNothing(params string[] command)
    {
        var db = Path.Combine(_folder, "server.db");

        var result = await ServerProgram.Run([.. command, "--db", db]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Er is geen serveropslag in '{db}'; er is niets aangemaakt.", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }
}
