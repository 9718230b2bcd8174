using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Tests.Domain;

public class RoleCodesTests
{
    [Theory]
    [InlineData(Role.Nurse, "nurse")]
    [InlineData(Role.WmoConsultant, "consultant")]
    [InlineData(Role.TeamLeader, "teamleader")]
    [InlineData(Role.FundSecretary, "fundsecretary")]
    [InlineData(Role.Admin, "admin")]
    public void Code_EachRole_IsStableText(Role role, string code)
    {
        Assert.Equal(code, role.Code());
    }

    [Fact]
    public void TryParse_CodeOfEveryRole_RoundTrips()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.True(RoleCodes.TryParse(role.Code(), out var parsed));
            Assert.Equal(role, parsed);
        }
    }

    [Theory]
    [InlineData("NURSE", Role.Nurse)]
    [InlineData("  TeamLeader ", Role.TeamLeader)]
    public void TryParse_OtherCaseOrSpaces_IsAccepted(string code, Role role)
    {
        Assert.True(RoleCodes.TryParse(code, out var parsed));
        Assert.Equal(role, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Nurse1")]
    [InlineData("wijkverpleegkundige")]
    [InlineData("0")]
    public void TryParse_UnknownCode_Fails(string? code)
    {
        Assert.False(RoleCodes.TryParse(code, out _));
    }

    [Theory]
    [InlineData(Role.Nurse, true)]
    [InlineData(Role.TeamLeader, true)]
    [InlineData(Role.WmoConsultant, false)]
    [InlineData(Role.FundSecretary, false)]
    [InlineData(Role.Admin, false)]
    public void RecordsSignalsAndVisits_Role_OnlyTeamMembersAndLeaders(Role role, bool records)
    {
        Assert.Equal(records, role.RecordsSignalsAndVisits());
    }
}
