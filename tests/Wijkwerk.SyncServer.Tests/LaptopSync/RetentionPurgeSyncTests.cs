using Microsoft.Data.Sqlite;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// Issue 15 item 7 with the real programs: <c>admin retention purge</c> against a running server's store. The dry run
/// names ids and counts and changes nothing; the purge turns the expired client's rows and conflict record into
/// tombstones, and at their next sync the laptops of the team lose that client, and nothing else.
/// </summary>
public class RetentionPurgeSyncTests
{
    [Fact]
    public async Task ExpiredClient_DisappearsFromEveryLaptopOfTheTeam_AndNothingElseDoes()
    {
        using var team = await Team.Noord("Anna", "Bram");
        var (anna, bram) = (team.Laptops[0], team.Laptops[1]);
        var expired = anna.NewClient("Oud", "Dossierhouder");
        var current = anna.NewClient("Lopend", "Dossierhouder");
        var bramsOwn = bram.NewClient("Eigen", "Cliënt");
        await anna.Sync();
        await bram.Sync();
        anna.Store.Clients.Update(anna.Find(expired.Id)! with { Notes = "Versie van Anna" });
        bram.Store.Clients.Update(bram.Find(expired.Id)! with { Notes = "Versie van Bram" });
        await anna.Sync();
        await bram.Sync();
        await anna.Sync();
        Assert.Single(anna.Store.Conflicts.Open());
        // Nothing happened to this file for more than five years and it never had a provision.
        Age(team.World.Database, expired.Id.Value, "2020-01-01T09:00:00.0000000Z");

        var before = ServerStore.Snapshot(team.World.Database);
        var dryRun = team.World.Admin("retention", "purge", "--dry-run");
        ServerStore.AssertSame(before, ServerStore.Snapshot(team.World.Database), "a dry run");
        Assert.Contains("Cliëntdossiers waarvan de bewaartermijn verstreken is: 1.", dryRun);
        Assert.Contains($"cliënt {expired.Id.Value}: clients 1, conflicts 1", dryRun);
        Assert.Contains("Proefdraai: er is niets gewijzigd.", dryRun);

        var purged = team.World.Admin("retention", "purge");

        Assert.Contains("Cliëntdossiers verwijderd: 1.", purged);
        Assert.Contains($"cliënt {expired.Id.Value}: clients 1, conflicts 1", purged);
        foreach (var output in new[] { dryRun, purged })
        {
            Assert.DoesNotContain("Dossierhouder", output);
            Assert.DoesNotContain("Versie van", output);
            Assert.DoesNotContain(current.Id.Value.ToString(), output);
        }

        var annaAfter = await anna.Sync();
        var bramAfter = await bram.Sync();
        var fresh = await team.World.Laptop("Bram");
        Assert.True((await fresh.Sync()).Converged);

        Assert.True(annaAfter.Converged && bramAfter.Converged);
        var remaining = new[] { current.Id.Value, bramsOwn.Id.Value }.Order().ToList();
        foreach (var laptop in new[] { anna, bram, fresh })
        {
            Assert.Equal(remaining, laptop.Clients().Select(c => c.Id.Value).Order().ToList());
            Assert.Empty(laptop.Store.Conflicts.All());
        }

        // On the server only content-free tombstones remain of the client.
        Assert.Equal(0, ServerStore.Count(team.World.Database, "SELECT count(*) FROM rows WHERE client_id = $c AND (deleted = 0 OR columns LIKE '%Dossierhouder%' OR columns LIKE '%Versie%')", ("$c", expired.Id.Value.ToString())));
        Assert.Equal(0, ServerStore.Count(team.World.Database, "SELECT count(*) FROM conflicts"));
        Assert.Contains("Cliëntdossiers verwijderd: 0.", team.World.Admin("retention", "purge"));
    }

    /// <summary>Moves every trace of the client's file on the server back to the given instant, as if written then.</summary>
    private static void Age(string db, Guid client, string at)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False;Default Timeout=30");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE rows SET updated_at = $at WHERE client_id = $c; UPDATE conflicts SET at = $at, resolved_at = CASE WHEN resolved_at IS NULL THEN NULL ELSE $at END WHERE client_id = $c;";
        command.Parameters.AddWithValue("$at", at);
        command.Parameters.AddWithValue("$c", client.ToString());
        command.ExecuteNonQuery();
    }
}
