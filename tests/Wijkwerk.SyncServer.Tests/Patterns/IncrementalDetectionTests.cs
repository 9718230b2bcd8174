using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Sync.Protocol;
using Microsoft.Data.Sqlite;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Sqlite;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Patterns;

/// <summary>
/// A push re-detects only the tags it wrote (through <c>tagged_rows</c>); what that could get wrong: a tag a row left,
/// a deleted row, and tags merged into one. After each push a detection over every row must find nothing to change,
/// so the push gave the same figures a full detection gives.
/// </summary>
public sealed class IncrementalDetectionTests
{
    private const string Ghosts = "spookbewoning";
    private const string Dental = "tandartskosten";

    [Fact]
    public async Task ARowWhoseTagChangesFromAToB_LowersAsPattern_AndCountsUnderB()
    {
        using var world = await PatternStore.Create();
        var signals = new List<Guid>();
        for (var i = 0; i < 5; i++)
            signals.Add(await world.Signal(Ghosts));
        for (var i = 0; i < 3; i++)
            await world.Signal(Dental);
        Assert.Equal(5, (await world.Single()).Clients);

        await world.Change("signals", signals[0], SyncProtocol.Operations.Update, 1, new() { [BottleneckTag.Column] = "Tandartskosten" });

        var patterns = (await world.Store.ListPatternsAsync()).ToDictionary(p => p.TagKey);
        Assert.Equal((4, 4), (patterns[Ghosts].Cases, patterns[Ghosts].Clients));
        Assert.Equal((4, 4), (patterns[Dental].Cases, patterns[Dental].Clients));
        Assert.Equal(new PatternRun(0, 0), await world.Store.DetectPatternsAsync(PatternStore.Now));
    }

    [Fact]
    public async Task ADeletedTaggedRow_LowersItsPattern()
    {
        using var world = await PatternStore.Create();
        var signals = new List<Guid>();
        for (var i = 0; i < 5; i++)
            signals.Add(await world.Signal(Ghosts));

        await world.Change("signals", signals[^1], SyncProtocol.Operations.Delete, 1, []);

        Assert.Equal((4, 4), ((await world.Single()).Cases, (await world.Single()).Clients));
        Assert.Equal(new PatternRun(0, 0), await world.Store.DetectPatternsAsync(PatternStore.Now));
    }

    [Fact]
    public async Task APushUnderATagMergedIntoAnother_CountsEveryCaseOfBoth()
    {
        using var world = await PatternStore.Create();
        await world.Store.AddBottleneckAsync("Spookbewoning", PatternStore.Now);
        await world.Signal(Ghosts);
        await world.Signal(Ghosts);
        await world.Signal("Ingeschreven op oud adres");
        await world.Signal("Ingeschreven op oud adres");
        await world.Store.MergeBottleneckAsync("ingeschreven op oud adres", "Spookbewoning", PatternStore.Now);
        Assert.Equal(4, (await world.Single()).Clients);

        await world.Signal(Ghosts); // the target's own tag: the merged tag's cases must still count
        Assert.Equal((5, 5), ((await world.Single()).Cases, (await world.Single()).Clients));

        await world.Signal("ingeschreven op OUD adres"); // the merged tag: counts under the target
        var pattern = await world.Single();
        Assert.Equal((Ghosts, 6, 6), (pattern.TagKey, pattern.Cases, pattern.Clients));
        Assert.Equal(new PatternRun(0, 0), await world.Store.DetectPatternsAsync(PatternStore.Now));
    }

    [Fact]
    public async Task APurgedClient_NoLongerCountsInItsPattern_AndLeavesNoTagBehind()
    {
        using var world = await PatternStore.Create();
        var clients = new List<Guid>();
        for (var i = 0; i < 5; i++)
            clients.Add(await world.ClientWith("signals", c => new Dictionary<string, string?>(ServerFixture.SignalColumns(c))
            {
                ["reported_at"] = PatternStore.Now.AddDays(-2).ToString("O"),
                [BottleneckTag.Column] = Ghosts,
            }));
        Assert.Equal(5, (await world.Single()).Clients);

        await world.Store.PurgeClientsAsync([clients[0]], PatternStore.Now);

        Assert.Equal((4, 4), ((await world.Single()).Cases, (await world.Single()).Clients));
        Assert.Equal(new PatternRun(0, 0), await world.Store.DetectPatternsAsync(PatternStore.Now));
        Assert.Equal(4, ServerStore.Count(world.DbPath, "SELECT count(*) FROM tagged_rows"));
    }

    [Fact]
    public async Task Migration12_FillsTheTagsOfRowsStoredBefore_SoTheNextPushCountsThemToo()
    {
        using var world = await PatternStore.Create();
        for (var i = 0; i < 4; i++)
            await world.Signal(Ghosts);
        using (var db = new SqliteConnection($"Data Source={world.DbPath};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "DROP TABLE tagged_rows; DROP TABLE enrol_attempts; ALTER TABLE rows DROP COLUMN pushed_seq; DELETE FROM schema_migrations WHERE number >= 12;";
            cmd.ExecuteNonQuery();
        }

        await new SqliteSyncStore(world.DbPath).MigrateAsync();
        await world.Signal(Ghosts);

        Assert.Equal((5, 5), ((await world.Single()).Cases, (await world.Single()).Clients));
    }
}
