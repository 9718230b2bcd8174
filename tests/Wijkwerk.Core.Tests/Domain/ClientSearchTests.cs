using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class ClientSearchTests
{
    private static readonly FakeClock Clock = new();

    private static Client Make(string first, string surname, string birth, string postcode) =>
        new ClientInput(first, surname, birth, postcode, "1", "", "", "").Validate(Id<Client>.New(Clock), Clock.Today).Client!;

    private static readonly Client Jose = Make("José", "van der Berg", "1950-03-04", "1234 AB");
    private static readonly Client Piet = Make("Piet", "Jansen", "1940-12-31", "5678 CD");

    [Theory]
    [InlineData("jose", true)]
    [InlineData("JOSÉ berg", true)]
    [InlineData("van der", true)]
    [InlineData("1234ab", true)]
    [InlineData("1234 ab", true)]
    [InlineData("04-03-1950", true)]
    [InlineData("1950-03-04", true)]
    [InlineData("jansen", false)]
    [InlineData("jose jansen", false)]
    public void Matching_WordsAgainstNamePostcodeAndBirthDate(string query, bool matchesJose)
    {
        Assert.Equal(matchesJose, ClientSearch.Matching(query)(Jose));
    }

    [Fact]
    public void Matching_EmptyQuery_MatchesEveryone()
    {
        Assert.True(ClientSearch.Matching("  ")(Piet));
    }
}
