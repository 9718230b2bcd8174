using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>A laptop marks a conflict resolved: only that column, only its own team's conflicts, only nurses and team leaders.</summary>
[Collection(ServerCollection.Name)]
public sealed class ConflictResolutionTests(ServerFixture server)
{
    private static Dictionary<string, string?> Resolved(string? value = "2026-11-22T08:00:00Z") => new() { ["resolved"] = value };

    /// <summary>Anna and Bram set the same phone number: a conflict on a Noord client. Returns its id and the anchor before it.</summary>
    private async Task<(Guid Conflict, long Before)> NewConflict()
    {
        var client = await server.NewNoordClient();
        var (_, start) = await server.Anna.PullAll(0);
        await server.Anna.PushOne("clients", client, "update", 1, new Dictionary<string, string?> { ["phone"] = "0612345678" });
        var bram = await server.Bram.PushOne("clients", client, "update", 1, new Dictionary<string, string?> { ["phone"] = "0687654321" });
        Assert.Equal(SyncProtocol.Results.Conflict, bram.Status);
        var (changes, _) = await server.Anna.PullAll(start.NextAnchor);
        return (changes.Single(c => c.Table == "conflicts" && c.Columns["row_id"] == client.ToString()).RowId, start.NextAnchor);
    }

    private async Task<RowChange> Current(SyncClient device, Guid conflict, long after)
    {
        var (changes, _) = await device.PullAll(after);
        return changes.Last(c => c.RowId == conflict);
    }

    [Fact]
    public async Task Resolution_GetsANewVersionAndSeq_ReachesTheTeam_AndIsIdempotent()
    {
        var (conflict, before) = await NewConflict();
        var (_, head) = await server.Anna.PullAll(0);
        var mutation = new Mutation(server.Bram.NextMutationId(), "conflicts", conflict, "update", 1, Resolved("whatever the laptop clock says"));

        var first = (await server.Bram.Push(mutation)).Results.Single();
        var (fresh, afterResolve) = await server.Anna.PullAll(head.NextAnchor);
        var again = (await server.Bram.Push(mutation)).Results.Single();
        var (_, afterAgain) = await server.Anna.PullAll(0);

        Assert.Equal((SyncProtocol.Results.Accepted, 2L), (first.Status, first.Version));
        Assert.Equal((first.Status, first.Version), (again.Status, again.Version));
        var row = Assert.Single(fresh, c => c.RowId == conflict);
        Assert.Equal(2, row.Version);
        Assert.NotEqual("0", row.Columns["resolved"]);
        Assert.True(DateTimeOffset.TryParse(row.Columns["resolved"], out var at) && at > DateTimeOffset.UtcNow.AddMinutes(-5), "the server's own UTC time");
        Assert.Equal(afterResolve.NextAnchor, afterAgain.NextAnchor);
        Assert.Equal(afterResolve.ScopeChecksum, afterAgain.ScopeChecksum);
        Assert.Equal(2, (await Current(server.Bram, conflict, before)).Version);

        // A colleague resolving it too is answered yes, and the first resolution stands.
        var colleague = await server.Anna.PushOne("conflicts", conflict, "update", 1, Resolved());
        Assert.Equal((SyncProtocol.Results.Accepted, 2L), (colleague.Status, colleague.Version));
        Assert.Equal(row.Columns["resolved"], (await Current(server.Anna, conflict, before)).Columns["resolved"]);
    }

    [Fact]
    public async Task OtherColumnsOtherTeamsOtherRolesAndReopening_AreRefusedInDutch_AndChangeNothing()
    {
        var (conflict, before) = await NewConflict();
        var (_, head) = await server.Anna.PullAll(0);

        var otherColumn = await server.Bram.PushOne("conflicts", conflict, "update", 1, new Dictionary<string, string?> { ["resolved"] = "ja", ["kept_value"] = "0600000000" });
        var onlyOther = await server.Bram.PushOne("conflicts", conflict, "update", 1, new Dictionary<string, string?> { ["other_value"] = "0600000000" });
        var otherTeam = await server.Zora.PushOne("conflicts", conflict, "update", 1, Resolved());
        var consultant = await server.Carla.PushOne("conflicts", conflict, "update", 1, Resolved());
        var empty = await server.Bram.PushOne("conflicts", conflict, "update", 1, Resolved(""));
        var delete = await server.Bram.PushOne("conflicts", conflict, "delete", 1, []);
        var unknown = await server.Bram.PushOne("conflicts", Guid.NewGuid(), "update", 1, Resolved());

        Assert.All(new[] { otherColumn, onlyOther, otherTeam, consultant, empty, delete, unknown }, r =>
        {
            Assert.Equal(SyncProtocol.Results.Refused, r.Status);
            Assert.False(string.IsNullOrWhiteSpace(r.Reason));
        });
        Assert.Contains("'kept_value'", otherColumn.Reason);
        Assert.Contains("alleen 'resolved'", onlyOther.Reason);
        Assert.Contains("caseload van uw team", otherTeam.Reason);
        Assert.Contains("wijkverpleegkundige of teamleider", consultant.Reason);
        var (changes, after) = await server.Anna.PullAll(head.NextAnchor);
        Assert.DoesNotContain(changes, c => c.RowId == conflict);
        Assert.Equal(head.NextAnchor, after.NextAnchor);
        var row = await Current(server.Anna, conflict, before);
        Assert.Equal(("0", 1L, "0612345678"), (row.Columns["resolved"], row.Version, row.Columns["kept_value"]));
        await server.AssertHealthy();
    }
}
