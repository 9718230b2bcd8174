using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Admin;

/// <summary>Issue 13's admin commands of the real program: partners, deposits and members of the revolving fund; each wrong input named in Dutch.</summary>
public sealed class FundAdminCommandTests() : AdminProgramTest("fund")
{
    [Fact]
    public async Task PartnersDepositsAndMembers_ListedWithTheBalance_WrongInputNamed()
    {
        Assert.Equal(0, (await Run("admin", "team", "add", "Noord")).ExitCode);
        Assert.Equal(0, (await Run("admin", "user", "add", "--team", "Noord", "--name", "Anna", "--role", "nurse")).ExitCode);
        Assert.Equal(0, (await Run("admin", "user", "add", "--team", "Noord", "--name", "Carla", "--role", "consultant")).ExitCode);

        var partner = await Run("admin", "fund", "partner", "add", "Woonstichting Synthetica");
        var twice = await Run("admin", "fund", "partner", "add", "woonstichting synthetica");
        var deposit = await Run("admin", "fund", "deposit", "--partner", "woonstichting synthetica", "--amount", "5.000,00", "--date", "2026-01-15");
        var unknownPartner = await Run("admin", "fund", "deposit", "--partner", "Stichting Elders", "--amount", "100", "--date", "2026-01-15");
        var badAmount = await Run("admin", "fund", "deposit", "--partner", "Woonstichting Synthetica", "--amount", "0", "--date", "2026-01-15");
        var badDate = await Run("admin", "fund", "deposit", "--partner", "Woonstichting Synthetica", "--amount", "100", "--date", "15 januari");
        var member = await Run("admin", "fund", "members", "add", "--user", "anna");
        var consultant = await Run("admin", "fund", "members", "add", "--user", "Carla");
        var partners = await Run("admin", "fund", "partner", "list");
        var members = await Run("admin", "fund", "members", "list");
        var removed = await Run("admin", "fund", "members", "remove", "--user", "Anna");
        var removedAgain = await Run("admin", "fund", "members", "remove", "--user", "Anna");

        Assert.Equal((0, 0, 0), (partner.ExitCode, deposit.ExitCode, member.ExitCode));
        Assert.Contains("Inleg van Woonstichting Synthetica: € 5.000,00 op 15-01-2026 geboekt.", deposit.Out);
        Assert.Contains("De partner 'Woonstichting Synthetica' doet al mee aan het fonds.", twice.Error);
        Assert.Contains("--partner: onbekende partner 'Stichting Elders'", unknownPartner.Error);
        Assert.Contains("--amount: een inleg is meer dan € 0,00", badAmount.Error);
        Assert.Contains("--date:", badDate.Error);
        Assert.Contains("'Carla' heeft de rol consultant; lid van het fonds worden alleen lid-professionals", consultant.Error);
        Assert.All(new[] { twice, unknownPartner, badAmount, badDate, consultant, removedAgain }, o => Assert.NotEqual(0, o.ExitCode));
        Assert.Contains("Woonstichting Synthetica\tinleg € 5.000,00", partners.Out);
        Assert.Contains("saldo € 5.000,00", partners.Out);
        Assert.Equal("Anna", members.Out.Trim());
        Assert.Contains("'Anna' is geen lid meer van het fonds", removed.Out);
        Assert.Contains("'Anna' is geen lid van het fonds", removedAgain.Error);
    }
}
