using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Exchange;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// Issue 14 item 1 end to end, through the real server process, its admin commands and real laptop stores: a tag typed
/// offline that the list does not hold reaches the admin's list as a proposal after a sync; after the admin merges it,
/// another laptop shows, exports and counts the row under the tag it went into, while the row keeps what was typed.
/// </summary>
public class BottleneckTagSyncTests
{
    private static async Task<(SyncWorld World, Laptop Anna, Laptop Bram)> Team()
    {
        var world = new SyncWorld();
        world.Team("Noord");
        world.User("Anna Zorg", "Noord");
        world.User("Bram Zorg", "Noord");
        world.Admin("budget", "set", "--team", "Noord", "--year", BudgetRows.Year.ToString(), "--amount", "10000");
        world.Admin("bottleneck", "add", "Spookbewoning");
        return (world, await world.Laptop("Anna Zorg"), await world.Laptop("Bram Zorg"));
    }

    private static BudgetRequest Request(Laptop laptop, string tag)
    {
        var client = laptop.NewClient("Gerrit", "Bakker");
        var request = BudgetRows.Request(client.Id.Value, laptop.Store.Identity.WorkerId.Value, "Noord") with { BottleneckTag = tag };
        laptop.Store.Budget.Request(request);
        return request;
    }

    private static string TagOn(Laptop laptop, BudgetRequest request) =>
        laptop.Store.Budget.ForClient(request.ClientId).Single(r => r.Id == request.Id).BottleneckTag;

    [Fact]
    public async Task TagTypedOffline_ReachesTheListAsProposal_AfterMergeEveryLaptopShowsExportsAndCountsTheMergedTag()
    {
        var (world, anna, bram) = await Team();
        using var _ = world;
        await anna.Sync();
        Assert.True(anna.Store.Reference.Tags().IsKnown("spookbewoning"));

        // Offline: one tag from the list typed in other case and spacing, one the list does not hold.
        var known = Request(anna, "  spookBEWONING ");
        var proposed = Request(anna, "Huurtoeslag   stopgezet");
        Assert.False(anna.Store.Reference.Tags().IsKnown(proposed.BottleneckTag));
        Assert.Equal("Spookbewoning", TagOn(anna, known));
        Assert.Equal("Huurtoeslag   stopgezet", TagOn(anna, proposed));
        Assert.Equal(0, (await anna.Sync()).Refused);

        var listed = world.Admin("bottleneck", "list");
        Assert.Contains("Huurtoeslag   stopgezet\tvoorgesteld\t1 rij\tvoorgesteld door Anna Zorg op ", listed);
        Assert.Contains("Spookbewoning\tin de lijst\t1 rij\ttoegevoegd door beheerder", listed);
        Assert.Contains("samengevoegd met 'Spookbewoning'", world.Admin("bottleneck", "merge", "huurtoeslag stopgezet", "--into", "Spookbewoning"));

        Assert.True((await bram.Sync()).Converged);
        Assert.Equal("Spookbewoning", TagOn(bram, proposed));
        Assert.Equal("Spookbewoning", TagOn(bram, known));
        var export = BudgetExports.Requests(bram.Store);
        var tagColumn = export.Columns.ToList().IndexOf("knelpunt");
        Assert.All(export.Rows, row => Assert.Equal("Spookbewoning", row[tagColumn]));
        Assert.Equal(2, bram.Store.Budget.All().Count(r => r.BottleneckTag == "Spookbewoning"));

        // The laptop that typed it follows too; the row itself keeps what was typed, so the server still counts it as typed.
        await anna.Sync();
        Assert.Equal("Spookbewoning", TagOn(anna, proposed));
        var after = world.Admin("bottleneck", "list");
        Assert.Contains("Huurtoeslag   stopgezet\tsamengevoegd met 'Spookbewoning'\t1 rij", after);
        Assert.Contains("Spookbewoning\tin de lijst\t1 rij (met samengevoegde 2)", after);
    }

    [Fact]
    public async Task ProposalAccepted_IsInTheListOnTheOtherLaptop()
    {
        var (world, anna, bram) = await Team();
        using var _ = world;
        await anna.Sync();
        Request(anna, "Tandartskosten");
        await anna.Sync();
        await bram.Sync();
        Assert.False(bram.Store.Reference.Tags().IsKnown("tandartskosten"));

        world.Admin("bottleneck", "accept", "TANDARTSKOSTEN");
        await bram.Sync();

        Assert.Equal(["Spookbewoning", "Tandartskosten"], bram.Store.Reference.Tags().Accepted);
    }

    [Fact]
    public async Task SignalWithATag_ProposedBySync_AfterMergeTheOtherLaptopShowsTheMergedTag_AnUntaggedSignalStaysUntagged()
    {
        var (world, anna, bram) = await Team();
        using var _ = world;
        await anna.Sync();
        var client = anna.NewClient("Geertje", "Bos");
        Signal Report(string observation) => Signal.Report(
            Id<Signal>.New(world.Clock), client.Id, SignalSource.HousingCorporation, null, observation, [LifeDomain.SafeHome],
            Urgency.Normal, new ConsentBasis(true, ""), null, world.Clock.GetUtcNow()).Value;
        var tagged = Report("Post voor vorige huurder, huurtoeslag stopgezet") with { BottleneckTag = "Vorige bewoner nog ingeschreven" };
        var untagged = Report("Trap onveilig");
        anna.Store.Signals.Add(tagged);
        anna.Store.Signals.Add(untagged);
        Assert.Equal(0, (await anna.Sync()).Refused);

        Assert.Contains("Vorige bewoner nog ingeschreven\tvoorgesteld\t1 rij\tvoorgesteld door Anna Zorg", world.Admin("bottleneck", "list"));
        world.Admin("bottleneck", "merge", "vorige bewoner nog ingeschreven", "--into", "Spookbewoning");

        Assert.True((await bram.Sync()).Converged);
        var held = bram.Store.Signals.Open().ToDictionary(s => s.Id);
        Assert.Equal("Spookbewoning", held[tagged.Id].BottleneckTag);
        Assert.Equal("", held[untagged.Id].BottleneckTag);
    }
}
