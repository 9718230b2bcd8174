using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Admin;

/// <summary>Issue 12's admin commands of the real program: a team's budget set, changed and listed; each wrong option named.</summary>
public sealed class BudgetAdminCommandTests() : AdminProgramTest("budget")
{
    [Fact]
    public async Task SetChangeAndList_DefaultLimitIsFiveHundred_WrongOptionsAreNamed()
    {
        Assert.Equal(0, (await Run("admin", "team", "add", "Noord")).ExitCode);

        var set = await Run("admin", "budget", "set", "--team", "Noord", "--year", "2026", "--amount", "12.000,00");
        var changed = await Run("admin", "budget", "set", "--team", "noord", "--year", "2026", "--amount", "15000", "--limit", "250");
        var next = await Run("admin", "budget", "set", "--team", "Noord", "--year", "2027", "--amount", "9000");
        var unknownTeam = await Run("admin", "budget", "set", "--team", "Zuid", "--year", "2026", "--amount", "100");
        var badYear = await Run("admin", "budget", "set", "--team", "Noord", "--year", "26", "--amount", "100");
        var badAmount = await Run("admin", "budget", "set", "--team", "Noord", "--year", "2026", "--amount", "veel");
        var badLimit = await Run("admin", "budget", "set", "--team", "Noord", "--year", "2026", "--amount", "100", "--limit", "0");
        var list = await Run("admin", "budget", "list");

        Assert.True(set.ExitCode == 0, set.Error);
        Assert.Contains("Budget van team 'Noord' voor 2026: € 12.000,00, hoogstens € 500,00 per verzoek.", set.Out);
        Assert.Contains("€ 15.000,00, hoogstens € 250,00 per verzoek", changed.Out);
        Assert.Equal(0, next.ExitCode);
        Assert.Contains("Onbekend team 'Zuid'", unknownTeam.Error);
        Assert.Equal(2, badYear.ExitCode);
        Assert.Contains("--year: '26' is geen jaartal", badYear.Error);
        Assert.Contains("--amount:", badAmount.Error);
        Assert.Contains("--limit: de grens per verzoek moet meer dan € 0,00 zijn", badLimit.Error);
        Assert.Equal(["Noord\t2026\t€ 15.000,00\tgrens € 250,00", "Noord\t2027\t€ 9.000,00\tgrens € 500,00"], list.Out.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
    }
}
