using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Tests.Domain.Patterns;

/// <summary>Issue 14: how a laptop reads a tag against the admin's list: shown as the tag it went into, known or a proposal, completed.</summary>
public sealed class BottleneckTagListTests
{
    // As the server sends it: merges by key, a chain (huurtoeslag → brp → spookbewoning) listed before its last link.
    private static readonly BottleneckTagList List = new BottleneckInfo(
        ["Spookbewoning", "Tandartskosten", "Huurachterstand"],
        [new TagMergeInfo("huurtoeslag stopgezet", "inschrijving brp"), new TagMergeInfo("inschrijving brp", "spookbewoning")]).ToList();

    [Theory]
    [InlineData("  spookBEWONING ", "Spookbewoning")]
    [InlineData("Huurtoeslag   stopgezet", "Spookbewoning")]
    [InlineData("inschrijving BRP", "Spookbewoning")]
    [InlineData(" Wachtlijst GGZ ", "Wachtlijst GGZ")]
    [InlineData("   ", "")]
    public void Show_FollowsMergeChainsToTheAcceptedLabel_AProposalAsTyped(string typed, string shown) =>
        Assert.Equal(shown, List.Show(typed));

    [Theory]
    [InlineData("tandartskosten", true)]
    [InlineData("huurtoeslag stopgezet", true)]
    [InlineData("Wachtlijst GGZ", false)]
    [InlineData("", false)]
    public void IsKnown_ForTagsInTheListOrMergedIntoOne(string typed, bool known) => Assert.Equal(known, List.IsKnown(typed));

    [Fact]
    public void Matching_StartFirstThenInside_AllWhenEmpty()
    {
        Assert.Equal(["Spookbewoning", "Huurachterstand", "Tandartskosten"], List.Matching("s"));
        Assert.Equal(["Tandartskosten"], List.Matching("KOSTEN"));
        Assert.Equal(["Huurachterstand", "Spookbewoning", "Tandartskosten"], List.Matching(""));
        Assert.Empty(List.Matching("ggz"));
    }

    [Fact]
    public void NoListYet_ShowsEveryTagAsTyped() =>
        Assert.Equal("Spookbewoning", new ReferenceData(3).TagList().Show(" Spookbewoning"));
}
