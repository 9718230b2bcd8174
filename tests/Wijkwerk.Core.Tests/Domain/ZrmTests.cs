using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class ZrmTests
{
    [Fact]
    public void Create_NoScores_IsAllowedAndKeepsVersion()
    {
        var assessment = ParsedAssert.Valid(ZrmAssessment.Create(ZrmVersion.Zrm2017, new Dictionary<ZrmDomain, int>()));

        Assert.Empty(assessment.Scores);
        Assert.Same(ZrmVersion.Zrm2017, assessment.Version);
        Assert.All(Enum.GetValues<ZrmDomain>(), domain => Assert.Null(assessment.ScoreFor(domain)));
    }

    [Fact]
    public void Create_SomeDomains_ScoresOnlyThose()
    {
        var scores = new Dictionary<ZrmDomain, int> { [ZrmDomain.Finances] = 1, [ZrmDomain.BasicAdl] = 5, [ZrmDomain.SocialNetwork] = 3 };

        var assessment = ParsedAssert.Valid(ZrmAssessment.Create(ZrmVersion.Zrm2017, scores));

        Assert.Equal(3, assessment.Scores.Count);
        Assert.Equal(ZrmScore.Acute, assessment.ScoreFor(ZrmDomain.Finances));
        Assert.Equal(ZrmScore.FullySelfReliant, assessment.ScoreFor(ZrmDomain.BasicAdl));
        Assert.Equal(ZrmScore.LimitedSelfReliance, assessment.ScoreFor(ZrmDomain.SocialNetwork));
        Assert.Null(assessment.ScoreFor(ZrmDomain.Housing));
    }

    [Fact]
    public void Create_EveryDomainOf2017_IsAccepted()
    {
        var scores = Enum.GetValues<ZrmDomain>().ToDictionary(d => d, d => (int)d % 5 + 1);

        var assessment = ParsedAssert.Valid(ZrmAssessment.Create(ZrmVersion.Zrm2017, scores));

        Assert.Equal(13, assessment.Scores.Count);
    }

    [Theory]
    [InlineData(1, ZrmScore.Acute)]
    [InlineData(2, ZrmScore.NotSelfReliant)]
    [InlineData(3, ZrmScore.LimitedSelfReliance)]
    [InlineData(4, ZrmScore.SufficientlySelfReliant)]
    [InlineData(5, ZrmScore.FullySelfReliant)]
    public void Create_ScoreOneToFive_MapsToLevel(int score, ZrmScore level)
    {
        var assessment = ParsedAssert.Valid(ZrmAssessment.Create(ZrmVersion.Zrm2017, new Dictionary<ZrmDomain, int> { [ZrmDomain.Housing] = score }));

        Assert.Equal(level, assessment.ScoreFor(ZrmDomain.Housing));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Create_ScoreOutsideOneToFive_IsRefusedNamingDomain(int score)
    {
        var scores = new Dictionary<ZrmDomain, int> { [ZrmDomain.Finances] = 3, [ZrmDomain.MentalHealth] = score };

        var problem = ParsedAssert.Invalid(ZrmAssessment.Create(ZrmVersion.Zrm2017, scores), "zrm", TextId.ZrmScoreRange);

        Assert.Equal([ZrmDomain.MentalHealth], problem.Args);
    }

    [Fact]
    public void Create_DomainMissingFromAnyVersion_IsRefused()
    {
        var version = new ZrmVersion("TEST-3", [ZrmDomain.Finances, ZrmDomain.Housing]);

        ParsedAssert.Valid(ZrmAssessment.Create(version, new Dictionary<ZrmDomain, int> { [ZrmDomain.Housing] = 2 }));
        ParsedAssert.Invalid(ZrmAssessment.Create(version, new Dictionary<ZrmDomain, int> { [ZrmDomain.TimeUse] = 2 }), "zrm", TextId.ZrmDomainNotInVersion);
    }

    [Fact]
    public void Versions_Known_Zrm2017HasAllThirteenDomains()
    {
        Assert.Equal(Enum.GetValues<ZrmDomain>(), ZrmVersion.Zrm2017.Domains);
        Assert.Equal(13, ZrmVersion.Zrm2017.Domains.Count);
        Assert.Equal(ZrmVersion.Known.Count, ZrmVersion.Known.Select(v => v.Code).Distinct().Count());
    }

    [Theory]
    [InlineData("ZRM-2017")]
    public void Find_StoredCode_GivesTheSameVersion(string code)
    {
        var version = ZrmVersion.Find(code);

        Assert.NotNull(version);
        Assert.Equal(code, version.Code);
        Assert.Same(ZrmVersion.Known.Single(v => v.Code == code), version);
    }

    [Fact]
    public void Find_CodeOfCreatedAssessment_RestoresItsVersion()
    {
        var assessment = ZrmAssessment.Create(ZrmVersion.Zrm2017, new Dictionary<ZrmDomain, int> { [ZrmDomain.Finances] = 2 }).Value;

        Assert.Same(ZrmVersion.Zrm2017, ZrmVersion.Find(assessment.Version.Code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ZRM-2010")]
    [InlineData("ZRM-2013")]
    [InlineData("zrm2017")]
    public void Find_UnknownCode_GivesNull(string code)
    {
        Assert.Null(ZrmVersion.Find(code));
    }
}
