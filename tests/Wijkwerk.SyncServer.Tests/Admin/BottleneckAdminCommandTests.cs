using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Admin;

/// <summary>Issue 14's bottleneck list through the real program on a real server store: add, list, accept, merge; every refusal in Dutch.</summary>
public sealed class BottleneckAdminCommandTests() : AdminProgramTest("bottleneck")
{
    [Fact]
    public async Task AddListMerge_SameTagAnyCaseOrSpacing_Refused_UnknownAndSelfMergeNamed()
    {
        var empty = await Run("admin", "bottleneck", "add", "   ");
        var added = await Run("admin", "bottleneck", "add", "Spookbewoning");
        var dental = await Run("admin", "bottleneck", "add", "Tandartskosten");
        var twice = await Run("admin", "bottleneck", "add", "  spookBEWONING ");
        var unknown = await Run("admin", "bottleneck", "merge", "Wachtlijst GGZ", "--into", "Spookbewoning");
        var unknownTarget = await Run("admin", "bottleneck", "merge", "Tandartskosten", "--into", "Wachtlijst GGZ");
        var self = await Run("admin", "bottleneck", "merge", "spookbewoning", "--into", "Spookbewoning");
        var acceptAccepted = await Run("admin", "bottleneck", "accept", "Tandartskosten");
        var merged = await Run("admin", "bottleneck", "merge", "tandartskosten", "--into", "spookbewoning");
        var list = await Run("admin", "bottleneck", "list");

        Assert.Equal((0, 0, 0, 0), (added.ExitCode, dental.ExitCode, merged.ExitCode, list.ExitCode));
        Assert.Contains("Geef de naam van het knelpunt", empty.Error);
        Assert.Contains("Het knelpunt 'Spookbewoning' staat al in de lijst.", twice.Error);
        Assert.Contains("Onbekend knelpunt 'Wachtlijst GGZ'; zie 'admin bottleneck list'", unknown.Error);
        Assert.Contains("Onbekend knelpunt 'Wachtlijst GGZ'", unknownTarget.Error);
        Assert.Contains("'spookbewoning' kan niet met zichzelf worden samengevoegd", self.Error.ToLowerInvariant());
        Assert.Contains("Het knelpunt 'Tandartskosten' staat al in de lijst.", acceptAccepted.Error);
        Assert.All(new[] { empty, twice, unknown, unknownTarget, self, acceptAccepted }, o => Assert.Equal(1, o.ExitCode));
        Assert.Contains("Knelpunt 'Tandartskosten' samengevoegd met 'Spookbewoning'", merged.Out);
        var lines = list.Out.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Spookbewoning\tin de lijst\t0 rijen\ttoegevoegd door beheerder op ", lines[0]);
        Assert.StartsWith("Tandartskosten\tsamengevoegd met 'Spookbewoning'\t0 rijen\ttoegevoegd door beheerder op ", lines[1]);
    }

    [Fact]
    public async Task MergeThatWouldCloseACircle_RefusedInDutch_ChainFollowed()
    {
        foreach (var tag in new[] { "Spookbewoning", "Huurtoeslag stopgezet", "Inschrijving BRP" })
            Assert.Equal(0, (await Run("admin", "bottleneck", "add", tag)).ExitCode);

        var first = await Run("admin", "bottleneck", "merge", "Huurtoeslag stopgezet", "--into", "Inschrijving BRP");
        var second = await Run("admin", "bottleneck", "merge", "Inschrijving BRP", "--into", "Spookbewoning");
        var circle = await Run("admin", "bottleneck", "merge", "Spookbewoning", "--into", "Huurtoeslag stopgezet");
        var acceptMerged = await Run("admin", "bottleneck", "accept", "Inschrijving BRP");
        var list = await Run("admin", "bottleneck", "list");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(1, circle.ExitCode);
        Assert.Contains("'Spookbewoning' samenvoegen met 'Huurtoeslag stopgezet' maakt een kring", circle.Error);
        Assert.Contains("Het knelpunt 'Inschrijving BRP' is samengevoegd met 'Spookbewoning'", acceptMerged.Error);
        // A merge into a merged tag counts under where that one went: the chain ends at the tag still in the list.
        Assert.Contains("Huurtoeslag stopgezet\tsamengevoegd met 'Spookbewoning'", list.Out);
        Assert.Contains("Inschrijving BRP\tsamengevoegd met 'Spookbewoning'", list.Out);
        Assert.Contains("Spookbewoning\tin de lijst", list.Out);
    }

    [Fact]
    public async Task ListOnAMissingStore_RefusedWithoutCreatingOne()
    {
        var list = await Run("admin", "bottleneck", "list");

        Assert.Equal(1, list.ExitCode);
        Assert.False(File.Exists(Db));
    }
}
