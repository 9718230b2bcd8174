using System.Net.Http.Json;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
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
        var (team, first, laptop) = await TeamOfOne("Namen", "Ilse");
        using var _ = laptop;
        var second = "Joost " + team;
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

    [Fact]
    public async Task ASyncsPulls_SayWhichNamesTheLaptopHolds_FromThePageThatBroughtThemOn_SoOnlyTheFirstCarriesThem()
    {
        var (_, nurse, laptop) = await TeamOfOne("Pagina", "Fenna");
        using var _ = laptop;
        var colleague = await server.NewDevice(nurse);
        foreach (var name in new[] { "Jan", "Piet", "Klaas" })
            Assert.Equal(SyncProtocol.Results.Accepted, (await colleague.PushOne("clients", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns(name))).Status);
        var pulls = new PullRecorder { InnerHandler = new SocketsHttpHandler() };
        using var http = new HttpClient(pulls) { BaseAddress = new Uri(server.Server.Address) };

        await new SyncEngine(laptop.Store, new HttpSyncTransport(http)) { PullPageSize = 1 }.Run();
        var first = pulls.Seen.ToList();
        pulls.Seen.Clear();
        await new SyncEngine(laptop.Store, new HttpSyncTransport(http)) { PullPageSize = 1 }.Run();
        var held = new LocalSync(laptop.Store).NamesHeld();

        Assert.NotNull(held);
        Assert.InRange(first.Count, 3, 10);
        Assert.Equal((null, true), first[0]);
        Assert.All(first.Skip(1), pull => Assert.Equal((held, false), pull));
        Assert.Equal((held, false), Assert.Single(pulls.Seen));
    }

    /// <summary>A team of its own with one nurse, and her laptop enrolled (not synced yet).</summary>
    private async Task<(string Team, string Nurse, ServerLaptop Laptop)> TeamOfOne(string team, string nurse)
    {
        team += " " + Guid.NewGuid().ToString("N")[..6];
        nurse += " " + team;
        await server.Admin("admin", "team", "add", team);
        await server.Admin("admin", "user", "add", "--team", team, "--name", nurse, "--role", "nurse");
        return (team, nurse, await ServerLaptop.Enrol(server.Server.Address, await server.NewCode(nurse)));
    }

    /// <summary>Each pull that passes: the names header it sent, and whether its answer named anyone.</summary>
    private sealed class PullRecorder : DelegatingHandler
    {
        public List<(string? NamesHeld, bool Named)> Seen { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
        {
            var response = await base.SendAsync(request, cancel);
            if (request.RequestUri?.AbsolutePath != SyncProtocol.PullPath)
                return response;
            var body = await response.Content.ReadAsStringAsync(cancel);
            Seen.Add((request.Headers.TryGetValues(SyncProtocol.NamesHeader, out var held) ? held.Single() : null, body.Contains("\"workers\":[", StringComparison.Ordinal)));
            response.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            return response;
        }
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
