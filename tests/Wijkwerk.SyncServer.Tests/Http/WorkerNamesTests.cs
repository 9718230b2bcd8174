using System.Net.Http.Json;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
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

    [Fact]
    public async Task Pull_LeavesOutTheNamesTheLaptopHolds_AndSendsThemAgainOnceTheTeamChanges()
    {
        var team = "Namen " + Guid.NewGuid().ToString("N")[..6];
        var (first, second) = ("Ilse " + team, "Joost " + team);
        await server.Admin("admin", "team", "add", team);
        await server.Admin("admin", "user", "add", "--team", team, "--name", first, "--role", "nurse");
        using var laptop = await ServerLaptop.Enrol(server.Server.Address, await server.NewCode(first));
        await laptop.Sync(server.Server.Address);
        var held = new LocalSync(laptop.Store).NamesHeld();
        var device = await server.NewDevice(first);
        var sent = (await Pull(device, held)).Workers;
        var withAnother = (await Pull(device, held + "0")).Workers;

        await server.Admin("admin", "user", "add", "--team", team, "--name", second, "--role", "nurse");
        await laptop.Sync(server.Server.Address);
        var colleague = Assert.Single((await Pull(device, null)).Workers!, w => w.Name == second);

        Assert.NotNull(held);
        Assert.Null(sent);
        Assert.Equal([first], withAnother!.Select(w => w.Name));
        Assert.Equal(second, laptop.Store.Workers.NameOf(new Id<Worker>(colleague.Id)));
        Assert.NotEqual(held, new LocalSync(laptop.Store).NamesHeld());
    }

    private async Task<PullResponse> Pull(SyncClient device, string? namesHeld)
    {
        using var request = SyncClient.Request(HttpMethod.Get, $"{SyncProtocol.PullPath}?after=0&limit=500", device.Token);
        if (namesHeld is not null)
            request.Headers.Add(SyncProtocol.NamesHeader, namesHeld);
        using var response = await server.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PullResponse>(SyncClient.Json))!;
    }
}
