using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>Idempotent push, field merge, conflicts seen by both sides, tombstones and scope exits.</summary>
[Collection(ServerCollection.Name)]
public sealed class MergeAndScopeTests(ServerFixture server)
{
    [Fact]
    public async Task SameBatchTwice_IsAppliedOnce_AndAnsweredTheSame()
    {
        var client = await server.NewNoordClient();
        var batch = new[]
        {
            new Mutation(server.Anna.NextMutationId(), "clients", client, "update", 1, new Dictionary<string, string?> { ["notes"] = "eerste" }),
            new Mutation(server.Anna.NextMutationId(), "household_members", Guid.NewGuid(), "insert", 0, ServerFixture.HouseholdColumns(client)),
        };

        var first = await server.Anna.Push(batch);
        var (_, afterFirst) = await server.Bram.PullAll(0);
        var second = await server.Anna.Push(batch);
        var (changes, afterSecond) = await server.Bram.PullAll(0);

        Assert.Equal(first.Results, second.Results, ResultComparer.Instance);
        Assert.All(first.Results, r => Assert.Equal(SyncProtocol.Results.Accepted, r.Status));
        Assert.Equal(2, changes.Single(c => c.RowId == client).Version);
        Assert.Equal(afterFirst.ScopeChecksum, afterSecond.ScopeChecksum);
        Assert.Equal(afterFirst.NextAnchor, afterSecond.NextAnchor);
    }

    [Fact]
    public async Task TwoDevices_ChangingDifferentColumns_BothAreKept()
    {
        var client = await server.NewNoordClient();

        var anna = await server.Anna.PushOne("clients", client, "update", 1, new Dictionary<string, string?> { ["first_name"] = "Johannes" });
        var bram = await server.Bram.PushOne("clients", client, "update", 1, new Dictionary<string, string?> { ["notes"] = "Hond in huis" });

        Assert.Equal(SyncProtocol.Results.Accepted, anna.Status);
        Assert.Equal(SyncProtocol.Results.Accepted, bram.Status);
        Assert.Equal(3, bram.Version);
        var (changes, _) = await server.Anna.PullAll(0);
        var row = changes.Last(c => c.RowId == client);
        Assert.Equal("Johannes", row.Columns["first_name"]);
        Assert.Equal("Hond in huis", row.Columns["notes"]);
        Assert.Equal(server.Bram.WorkerId, row.UpdatedBy);
    }

    [Fact]
    public async Task TwoDevices_ChangingTheSameColumn_OneIsKept_TheOtherIsAConflictBothSee()
    {
        var client = await server.NewNoordClient();
        var (_, start) = await server.Bram.PullAll(0);

        var anna = await server.Anna.PushOne("clients", client, "update", 1, new Dictionary<string, string?> { ["phone"] = "0612345678" });
        var bram = await server.Bram.PushOne("clients", client, "update", 1, new Dictionary<string, string?> { ["phone"] = "0687654321", ["notes"] = "belt liever" });
        var own = await server.Anna.PushOne("clients", client, "update", 1, new Dictionary<string, string?> { ["phone"] = "0611111111" });

        Assert.Equal(SyncProtocol.Results.Accepted, anna.Status);
        Assert.Equal(SyncProtocol.Results.Conflict, bram.Status);
        Assert.Equal(["phone"], bram.ConflictColumns);
        Assert.Equal(SyncProtocol.Results.Accepted, own.Status); // never a conflict with its own earlier write

        foreach (var device in new[] { server.Anna, server.Bram })
        {
            var (changes, last) = await device.PullAll(start.NextAnchor);
            var conflict = Assert.Single(changes, c => c.Table == "conflicts" && c.Columns["row_id"] == client.ToString());
            Assert.Equal("clients", conflict.Columns["table_name"]);
            Assert.Equal("phone", conflict.Columns["column_name"]);
            Assert.Equal("0612345678", conflict.Columns["kept_value"]);
            Assert.Equal("0687654321", conflict.Columns["other_value"]);
            Assert.Equal(server.Anna.WorkerId.ToString(), conflict.Columns["kept_by"]);
            Assert.Equal(server.Bram.WorkerId.ToString(), conflict.Columns["other_by"]);
            Assert.Equal("0", conflict.Columns["resolved"]);
            var row = changes.Last(c => c.RowId == client);
            Assert.Equal("0611111111", row.Columns["phone"]);
            Assert.Equal("belt liever", row.Columns["notes"]);
        }

        var (zora, _) = await server.Zora.PullAll(0);
        Assert.DoesNotContain(zora, c => c.Table == "conflicts" && c.Columns["row_id"] == client.ToString());
    }

    [Fact]
    public async Task InsertOfAnExistingId_ByAnotherDevice_MergesFromVersionZero()
    {
        var client = await server.NewNoordClient("Jan");

        var result = await server.Bram.PushOne("clients", client, "insert", 0, ServerFixture.ClientColumns("Jaap"));

        Assert.Equal(SyncProtocol.Results.Conflict, result.Status);
        Assert.Equal(["first_name"], result.ConflictColumns);
    }

    [Fact]
    public async Task Delete_PropagatesAsATombstone()
    {
        var client = await server.NewNoordClient();
        var member = Guid.NewGuid();
        await server.Anna.PushOne("household_members", member, "insert", 0, ServerFixture.HouseholdColumns(client));
        var (_, before) = await server.Bram.PullAll(0);

        var deleted = await server.Anna.PushOne("household_members", member, "delete", 1, new Dictionary<string, string?>());
        var (changes, after) = await server.Bram.PullAll(before.NextAnchor);

        Assert.Equal(SyncProtocol.Results.Accepted, deleted.Status);
        var tombstone = Assert.Single(changes, c => c.RowId == member);
        Assert.True(tombstone.Deleted);
        Assert.False(tombstone.Removed);
        Assert.Equal(2, tombstone.Version);
        Assert.Empty(tombstone.Columns);
        Assert.Equal(before.ScopeCount - 1, after.ScopeCount);
    }

    [Fact]
    public async Task UnassignedClient_LeavesTheTeamsLaptops_AndComesBackWhenAssigned()
    {
        var client = await server.NewNoordClient();
        var signal = Guid.NewGuid();
        var followUp = Guid.NewGuid();
        await server.Anna.PushOne("signals", signal, "insert", 0, ServerFixture.SignalColumns(client));
        await server.Anna.PushOne("follow_ups", followUp, "insert", 0, new Dictionary<string, string?>
        {
            ["signal_id"] = signal.ToString(), ["at"] = "2026-11-02T10:00:00Z", ["worker"] = server.Anna.WorkerId.ToString(), ["note"] = "gebeld",
        });
        var (_, before) = await server.Bram.PullAll(0);

        await server.Admin("admin", "client", "unassign", client.ToString(), "--team", "Noord");
        var (removed, afterRemoval) = await server.Bram.PullAll(before.NextAnchor, limit: 2);

        Assert.Equal(new[] { client, signal, followUp }.Order(), removed.Where(c => c.Removed).Select(c => c.RowId).Order());
        Assert.DoesNotContain(removed, c => !c.Removed);
        Assert.Equal(before.ScopeCount - 3, afterRemoval.ScopeCount);
        var refused = await server.Anna.PushOne("clients", client, "update", 1, new Dictionary<string, string?> { ["notes"] = "nog iets" });
        Assert.Equal(SyncProtocol.Results.Refused, refused.Status);

        await server.Admin("admin", "client", "assign", client.ToString(), "--team", "Noord");
        var (back, afterReturn) = await server.Bram.PullAll(afterRemoval.NextAnchor);

        Assert.Equal(new[] { client, signal, followUp }.Order(), back.Select(c => c.RowId).Order());
        Assert.Equal(before.ScopeCount, afterReturn.ScopeCount);
        Assert.Equal(before.ScopeChecksum, afterReturn.ScopeChecksum);
    }

    [Fact]
    public async Task ScopeChecksum_EqualsTheSumOverTheLiveRowsADevicePulled()
    {
        await server.NewNoordClient();
        var (changes, last) = await server.Bram.PullAll(0, limit: 7);

        var live = new Dictionary<(string, Guid), RowChange>();
        foreach (var change in changes)
        {
            if (change.Deleted || change.Removed)
                live.Remove((change.Table, change.RowId));
            else
                live[(change.Table, change.RowId)] = change;
        }

        Assert.Equal(last.ScopeCount, live.Count);
        Assert.Equal(last.ScopeChecksum, ScopeChecksum.Sum(live.Values.Select(c => ScopeChecksum.Of(c.Table, c.RowId, c.Version, c.Columns))));
    }

    [Fact]
    public async Task AnAnchorBeyondTheStoresFeed_GetsNoRowsButTheHeadAndTheScopeChecksum_SoTheLaptopRepairsByVersion()
    {
        await server.NewNoordClient();
        var (_, now) = await server.Bram.PullAll(0);

        var (changes, last) = await server.Bram.PullAll(now.NextAnchor + 1_000_000);

        Assert.Empty(changes);
        Assert.Equal(now.NextAnchor, last.NextAnchor);
        Assert.Equal((now.ScopeCount, now.ScopeChecksum), (last.ScopeCount, last.ScopeChecksum));
    }

    private sealed class ResultComparer : IEqualityComparer<MutationResult>
    {
        public static readonly ResultComparer Instance = new();

        public bool Equals(MutationResult? x, MutationResult? y) =>
            x!.MutationId == y!.MutationId && x.Status == y.Status && x.Version == y.Version && x.Reason == y.Reason && x.ConflictColumns.SequenceEqual(y.ConflictColumns);

        public int GetHashCode(MutationResult obj) => obj.MutationId.GetHashCode();
    }
}
