using System.Text.RegularExpressions;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Tests.Domain;

public class TextsTests
{
    // Arguments of the kinds the domain passes: numbers, letter pairs, typed text, enum values, version codes.
    private static readonly object[] SampleArgs = [4000, "SA", "31-02-2000", 7, "x", 9, 10, 11];

    private static object[] ArgsFor(TextId id) => id switch
    {
        TextId.SignalTransitionNotAllowed => [SignalStatus.Closed, SignalStatus.New],
        TextId.ZrmDomainNotInVersion => [ZrmDomain.Justice, "TEST-3"],
        TextId.ZrmScoreRange => [ZrmDomain.Finances],
        _ => SampleArgs,
    };

    public static TheoryData<TextId, Lang> EveryTextInEveryLanguage()
    {
        var data = new TheoryData<TextId, Lang>();
        foreach (var id in Enum.GetValues<TextId>())
        {
            foreach (var lang in Enum.GetValues<Lang>())
                data.Add(id, lang);
        }

        return data;
    }

    public static TheoryData<TextId> EveryText() => new(Enum.GetValues<TextId>());

    private static IEnumerable<int> Placeholders(string text) =>
        Regex.Matches(text, @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value)).Distinct().Order();

    [Fact]
    public void IsComplete_AllTexts_IsTrueWithNothingMissing()
    {
        Assert.True(Texts.IsComplete(out var missing));
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(EveryTextInEveryLanguage))]
    public void Format_EveryTextWithArgs_FillsEveryPlaceholder(TextId id, Lang lang)
    {
        var text = Texts.Format(id, lang, ArgsFor(id));

        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.DoesNotMatch(@"\{\d+\}", text);
    }

    [Theory]
    [MemberData(nameof(EveryTextInEveryLanguage))]
    public void Format_EveryTextWithoutArgs_DoesNotThrow(TextId id, Lang lang)
    {
        Assert.Equal(Texts.Get(id, lang), Texts.Format(id, lang));
    }

    [Theory]
    [MemberData(nameof(EveryText))]
    public void Get_BothLanguages_UseSamePlaceholdersAndDiffer(TextId id)
    {
        var nl = Texts.Get(id, Lang.Nl);
        var en = Texts.Get(id, Lang.En);

        // A few words are the same in both languages, and one line only lays out two values; every other text
        // must really be translated.
        if (id is not (TextId.UiOffline or TextId.UiOnline or TextId.UiDetailMove))
            Assert.NotEqual(nl, en);
        Assert.Equal(Placeholders(nl), Placeholders(en));
    }

    [Fact]
    public void Format_NumberArgument_UsesInvariantDigits()
    {
        Assert.Contains("12345", Texts.Format(TextId.TooLong, Lang.Nl, 12345));
    }

    [Fact]
    public void Describe_Problem_DiffersBetweenDutchAndEnglish()
    {
        var problem = new Problem("postcode", TextId.PostcodeLettersUnused, "SS");

        var nl = problem.Describe(Lang.Nl);
        var en = problem.Describe(Lang.En);

        Assert.NotEqual(nl, en);
        Assert.Contains("SS", nl);
        Assert.Contains("SS", en);
        Assert.Equal(Texts.Format(TextId.PostcodeLettersUnused, Lang.Nl, "SS"), nl);
    }

    [Fact]
    public void DomainException_Problem_CarriesProblemAndEnglishMessage()
    {
        var problem = new Problem("bsn", TextId.BsnShape);

        var exception = new DomainException(problem);

        Assert.Same(problem, exception.Problem);
        Assert.Equal(Texts.Get(TextId.BsnShape, Lang.En), exception.Message);
    }
}
