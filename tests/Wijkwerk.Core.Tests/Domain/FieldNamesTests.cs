using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Tests.Domain;

public class FieldNamesTests
{
    [Theory]
    [InlineData("opsteller", Lang.En, "author")]
    [InlineData("wens van de cliënt", Lang.En, "what the client wants")]
    [InlineData("opsteller", Lang.Nl, "opsteller")]
    [InlineData("onbekend veld", Lang.En, "onbekend veld")]
    public void Show_NamesTheFieldInTheReadersLanguage(string key, Lang lang, string expected) =>
        Assert.Equal(expected, FieldNames.Show(key, lang));
}
