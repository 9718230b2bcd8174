using System.Text.RegularExpressions;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Tests.Domain;

public class PluralsTests
{
    public static TheoryData<Noun> EveryNoun() => new(Enum.GetValues<Noun>());

    [Theory]
    [MemberData(nameof(EveryNoun))]
    public void Show_One_IsSingular_AndZeroOrMany_ArePlural_InBothLanguages(Noun noun)
    {
        foreach (var lang in Enum.GetValues<Lang>())
        {
            var one = Plurals.Show(new Count(1, noun), lang);
            var two = Plurals.Show(new Count(2, noun), lang);

            Assert.StartsWith("1 ", one, StringComparison.Ordinal);
            Assert.Equal(two[2..], Plurals.Show(new Count(0, noun), lang)[2..]);
            Assert.NotEqual(one[2..], two[2..]);
        }
    }

    [Theory]
    [InlineData(1, "Niet opgeslagen: 1 veld nog niet in orde (zie onder).")]
    [InlineData(3, "Niet opgeslagen: 3 velden nog niet in orde (zie onder).")]
    public void Format_ACount_ShowsTheNounThatGoesWithTheNumber(int fields, string expected) =>
        Assert.Equal(expected, Texts.Format(TextId.UiFormHasProblems, Lang.Nl, new Count(fields, Noun.Field)));

    [Fact]
    public void Format_SyncResult_SaysOneConflictAndTwoConflicts()
    {
        Assert.Contains(", 1 conflict,", Texts.Format(TextId.SyncDone, Lang.Nl, 0, 0, new Count(1, Noun.Conflict), 0, 0), StringComparison.Ordinal);
        Assert.Contains(", 2 conflicten,", Texts.Format(TextId.SyncDone, Lang.Nl, 0, 0, new Count(2, Noun.Conflict), 0, 0), StringComparison.Ordinal);
    }

    /// <summary>"veld(en)", "rij(en)", "row(s)": a count must come with the noun that fits it, never both.</summary>
    [Fact]
    public void NoText_HedgesBetweenSingularAndPlural()
    {
        var hedged = Enum.GetValues<TextId>()
            .SelectMany(id => Enum.GetValues<Lang>().Select(lang => (id, text: Texts.Get(id, lang))))
            .Where(t => Regex.IsMatch(t.text, @"\w\((en|s|n|ren)\)"))
            .Select(t => $"{t.id}: {t.text}")
            .ToList();

        Assert.Empty(hedged);
    }
}
