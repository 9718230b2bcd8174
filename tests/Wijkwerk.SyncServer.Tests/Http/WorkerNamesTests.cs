using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>A pull names the worker's team colleagues, so a laptop can say who entered a value; never workers of other teams.</summary>
[Collection(ServerCollection.Name)]
public sealed class WorkerNamesTests(ServerFixture server)
{
    [Fact]
    public async Task Pull_NamesTheWorkersOfTheOwnTeams_NotThoseOfOtherTeams()
    {
        var (_, anna) = await server.Anna.PullAll(0);
        var (_, zora) = await server.Zora.PullAll(0);

        Assert.Contains(anna.Workers!, w => w.Id == server.Anna.WorkerId && w.Name == "Anna");
        Assert.Contains(anna.Workers!, w => w.Id == server.Bram.WorkerId && w.Name == "Bram");
        Assert.DoesNotContain(anna.Workers!, w => w.Id == server.Zora.WorkerId);
        Assert.Contains(zora.Workers!, w => w.Id == server.Zora.WorkerId);
        Assert.DoesNotContain(zora.Workers!, w => w.Id == server.Anna.WorkerId || w.Id == server.Bram.WorkerId);
    }
}
