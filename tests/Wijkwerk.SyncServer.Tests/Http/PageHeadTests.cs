using System.Net.Http.Json;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>A pull's answer says in its headers what the next pull needs, as its rows say it, so a laptop can ask before it read them.</summary>
[Collection(ServerCollection.Name)]
public sealed class PageHeadTests(ServerFixture server)
{
    [Fact]
    public async Task APullsHeaders_CarryThePagesHead_AsItsBodySaysIt_PageAfterPage()
    {
        await server.NewNoordClient("Kop");
        await server.NewNoordClient("Staart");
        long after = 0;
        var heads = new List<PageHead>();
        string? namesHeld = null;
        for (var round = 0; round < 1000; round++)
        {
            using var request = SyncClient.Request(HttpMethod.Get, $"{SyncProtocol.PullPath}?after={after}&limit=1&{SyncProtocol.ReferenceQuery}=0", server.Anna.Token);
            if (namesHeld is not null)
                request.Headers.Add(SyncProtocol.NamesHeader, namesHeld);
            using var response = await server.Http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var page = (await response.Content.ReadFromJsonAsync<PullResponse>(SyncClient.Json))!;

            var head = PageHead.From(response.Headers);
            Assert.Equal(PageHead.Of(page), head);
            heads.Add(head!);
            namesHeld ??= head!.Names;
            after = page.NextAnchor;
            if (!page.HasMore)
                break;
        }

        Assert.True(heads.Count >= 2, $"{heads.Count} pages");
        Assert.NotNull(heads[0].Names);
        Assert.All(heads.Skip(1), head => Assert.Null(head.Names));
        Assert.False(heads[^1].HasMore);
    }
}
