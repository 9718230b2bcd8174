using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>What a push that only conflicts sends back, and how a column's own older base is judged.</summary>
[Collection(ServerCollection.Name)]
public sealed class ConflictOnlyPushTests(ServerFixture server)
{
    [Fact]
    public async Task PushThatOnlyConflicts_SendsTheServersRowBackAfterThePushersAnchor_AtTheSameVersion()
    {
        var client = await server.NewNoordClient();
        await server.Anna.PushOne("clients", client, "update", 1, new Dictionary<string, string?> { ["notes"] = "van Anna" });
        var (_, seen) = await server.Bram.PullAll(0);

        var bram = await server.Bram.PushOne("clients", client, "update", 1, new Dictionary<string, string?> { ["notes"] = "van Bram" });
        var (back, _) = await server.Bram.PullAll(seen.NextAnchor);

        Assert.Equal((SyncProtocol.Results.Conflict, 2L), (bram.Status, bram.Version));
        var row = Assert.Single(back, c => c.Table == "clients" && c.RowId == client);
        Assert.Equal((2L, "van Anna"), (row.Version, row.Columns["notes"]));
        Assert.Single(back, c => c.Table == "conflicts");
    }

    [Fact]
    public async Task ColumnBaseOlderThanAColleaguesWrite_Conflicts_WhileTheSamePushWithoutItWouldOverwrite()
    {
        var client = await server.NewNoordClient();
        await server.Anna.PushOne("clients", client, "update", 1, new Dictionary<string, string?> { ["notes"] = "van Anna" });
        await server.Anna.PushOne("clients", client, "update", 2, new Dictionary<string, string?> { ["phone"] = "0612345678" });

        // Bram's laptop holds version 3, but his note was typed in a form opened on version 1.
        var stale = new Mutation(server.Bram.NextMutationId(), "clients", client, "update", 3, new Dictionary<string, string?> { ["notes"] = "van Bram" })
        {
            ColumnBaseVersions = new Dictionary<string, long> { ["notes"] = 1 },
        };
        var result = (await server.Bram.Push(stale)).Results.Single();

        Assert.Equal(SyncProtocol.Results.Conflict, result.Status);
        Assert.Equal(["notes"], result.ConflictColumns);
    }
}
