using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Cli;

/// <summary>A command that only reads a store, run where there is none, says so and leaves no trace: no folder, no log, no empty store.</summary>
public class ReadOnlyCommandTests
{
    public static TheoryData<string[]> ReadOnlyCommands() => new()
    {
        new[] { "export", "clients" },
        new[] { "export", "signals", "--format", "json" },
        new[] { "export", "visits" },
        new[] { "export", "audit" },
        new[] { "export", "indications", "--summary" },
        new[] { "audit", "verify" },
        new[] { "sync" },
        new[] { "passphrase", "change" },
    };

    [Theory]
    [MemberData(nameof(ReadOnlyCommands))]
    public void NoStore_MissingFolder_SaysSoAndCreatesNothing(string[] command)
    {
        using var temp = new TempFolder();
        var data = temp.File("nog-niet");

        var result = WijkwerkProcess.Run(data, command);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains($"Er is nog geen Wijkwerk-gegevensbestand in {data}; er is niets aangemaakt.", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }

    [Theory]
    [MemberData(nameof(ReadOnlyCommands))]
    public void NoStore_EmptyFolder_StaysEmpty(string[] command)
    {
        using var temp = new TempFolder();

        var result = WijkwerkProcess.Run(temp.Path, command);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void NoStore_LangEn_SaysSoInEnglish()
    {
        using var temp = new TempFolder();

        var result = WijkwerkProcess.Run(temp.Path, "sync", "--lang", "en");

        Assert.Contains("There is no Wijkwerk store in", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was created", result.Error, StringComparison.Ordinal);
    }
}
