using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Admin;

/// <summary>Issue 14's admin commands of the real program: the pattern settings shown, changed and refused when wrong; detect and list on an empty store.</summary>
public sealed class PatternAdminCommandTests() : AdminProgramTest("pattern")
{
    [Fact]
    public async Task Settings_DefaultFourInTwelveMonths_ChangedOneAtATime_WrongValuesNamed()
    {
        var shown = await Run("admin", "pattern", "settings");
        var changed = await Run("admin", "pattern", "settings", "--min-clients", "5");
        var window = await Run("admin", "pattern", "settings", "--window-months", "18");
        var badClients = await Run("admin", "pattern", "settings", "--min-clients", "0");
        var badWindow = await Run("admin", "pattern", "settings", "--window-months", "een jaar");
        var detect = await Run("admin", "pattern", "detect");
        var list = await Run("admin", "pattern", "list");

        Assert.True(shown.ExitCode == 0, shown.Error);
        Assert.Contains("bij 4 verschillende cliënten met dezelfde knelpunttag binnen 12 maanden", shown.Out);
        Assert.Contains("bij 5 verschillende cliënten met dezelfde knelpunttag binnen 12 maanden", changed.Out);
        Assert.Contains("bij 5 verschillende cliënten met dezelfde knelpunttag binnen 18 maanden", window.Out);
        Assert.Equal(2, badClients.ExitCode);
        Assert.Contains("--min-clients: '0' is geen aantal; geef een geheel getal van 1 tot en met 1000", badClients.Error);
        Assert.Equal(2, badWindow.ExitCode);
        Assert.Contains("--window-months: 'een jaar' is geen aantal maanden", badWindow.Error);
        Assert.Contains("Patronen gedetecteerd: 0 nieuw, 0 bijgewerkt.", detect.Out);
        Assert.Contains("Nog geen patronen.", list.Out);
    }
}
