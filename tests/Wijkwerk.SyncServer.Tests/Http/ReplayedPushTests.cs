using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>
/// A push whose answer was lost arrives again with the same device and mutation ids. Applying a conflicting
/// change twice is not value-idempotent (each application records a conflict), so only the server's memory
/// of applied mutations keeps the second arrival from writing anything.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReplayedPushTests(ServerFixture server)
{
    [Fact]
    public async Task ConflictingUpdateArrivingTwice_RecordsOneConflict_AndGetsTheFirstAnswerAgain()
    {
        var client = await server.NewNoordClient();
        Assert.Equal(SyncProtocol.Results.Accepted, (await server.Bram.PushOne("clients", client, "update", 1, Notes("Versie van Bram"))).Status);
        var stale = new Mutation(server.Anna.NextMutationId(), "clients", client, "update", 1, Notes("Versie van Anna"));

        var first = (await server.Anna.Push(stale)).Results.Single();
        var (_, afterFirst) = await server.Bram.PullAll(0);
        var replayed = (await server.Anna.Push(stale)).Results.Single();
        var (changes, afterReplay) = await server.Bram.PullAll(0);

        Assert.Equal(SyncProtocol.Results.Conflict, first.Status);
        Assert.Equal((first.Status, first.Version, string.Join(",", first.ConflictColumns)), (replayed.Status, replayed.Version, string.Join(",", replayed.ConflictColumns)));
        var conflict = Assert.Single(changes, c => c.Table == "conflicts" && c.Columns["row_id"] == client.ToString());
        Assert.Equal("Versie van Anna", conflict.Columns["other_value"]);
        Assert.Equal(1, StoredConflicts(client));
        Assert.Equal((afterFirst.ScopeCount, afterFirst.ScopeChecksum, afterFirst.NextAnchor), (afterReplay.ScopeCount, afterReplay.ScopeChecksum, afterReplay.NextAnchor));
    }

    [Fact]
    public async Task UpdateOfARowDeletedElsewhere_ArrivingTwiceInALaterBatch_RecordsOneConflict()
    {
        var client = await server.NewNoordClient();
        Assert.Equal(SyncProtocol.Results.Accepted, (await server.Bram.PushOne("clients", client, "delete", 1, [])).Status);
        var late = new Mutation(server.Anna.NextMutationId(), "clients", client, "update", 1, Notes("Nog een notitie"));

        var first = (await server.Anna.Push(late)).Results.Single();
        // The laptop sends the lost batch again together with newer work, as its outbox would.
        var other = await server.NewNoordClient();
        var next = new Mutation(server.Anna.NextMutationId(), "clients", other, "update", 1, Notes("Andere cliënt"));
        var again = (await server.Anna.Push(late, next)).Results;

        Assert.Equal(SyncProtocol.Results.Conflict, first.Status);
        Assert.Equal((first.Status, first.Version), (again[0].Status, again[0].Version));
        Assert.Equal(SyncProtocol.Results.Accepted, again[1].Status);
        Assert.Equal(1, StoredConflicts(client));
        await server.AssertHealthy();
    }

    private static Dictionary<string, string?> Notes(string notes) => new() { ["notes"] = notes };

    private long StoredConflicts(Guid client)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = server.Db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT count(*) FROM conflicts WHERE row_id = $r";
        command.Parameters.AddWithValue("$r", client.ToString("D"));
        return (long)command.ExecuteScalar()!;
    }
}
