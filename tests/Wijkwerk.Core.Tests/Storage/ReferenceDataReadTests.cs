using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>Home reads this laptop's teams straight from the stored document; it must say what the whole set says.</summary>
public class ReferenceDataReadTests
{
    [Fact]
    public void MyTeams_BeforeAnyReferenceData_IsEmpty()
    {
        using var temp = new TempStore();
        Assert.Empty(temp.Store.Reference.MyTeams());
    }

    [Theory]
    [InlineData()]
    [InlineData("Wijkteam Noord")]
    [InlineData("Wijkteam Noord", "Team \"Oost\" & Zuid", "Équipe één")]
    public void MyTeams_AreTheTeamsOfTheStoredSet_InOrder(params string[] teams)
    {
        using var temp = new TempStore();
        temp.Store.Reference.Replace(new ReferenceData(7) { MyTeams = teams, Departments = ["Wmo"] });

        Assert.Equal(teams, temp.Store.Reference.MyTeams());
        Assert.Equal(teams, temp.Store.Reference.Current()!.MyTeams);
        Assert.Equal(teams, temp.Store.Budget.Me.Teams);
    }

    [Fact]
    public void MyTeams_OfASetWithoutTeams_IsEmpty()
    {
        using var temp = new TempStore();
        temp.Store.Reference.Replace(new ReferenceData(2) { Departments = ["Wmo"] });
        Assert.Empty(temp.Store.Reference.MyTeams());
    }
}
