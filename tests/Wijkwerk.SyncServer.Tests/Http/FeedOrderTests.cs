using System.Diagnostics;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>
/// The change-feed ordering rule over HTTP: while several devices push at once, devices that keep pulling
/// from their anchor end up with exactly the server's final state (no row missed, none left stale).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class FeedOrderTests(ServerFixture server)
{
    [Fact]
    public async Task ConcurrentWritersAndPullers_EveryPullersUnionEqualsTheFinalState()
    {
        var writers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => server.NewDevice("Anna")));
        var pullers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => server.NewDevice("Bram")));
        var deadline = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();

        var pulling = pullers.Select(p => Task.Run(async () =>
        {
            var state = new Dictionary<(string, Guid), long>();
            long anchor = 0;
            while (!stop.IsCancellationRequested && deadline.Elapsed < TimeSpan.FromSeconds(60))
                anchor = Apply(state, await p.Pull(anchor, limit: 13));
            // After the writers stopped: one more pass to the end of the feed.
            for (var page = 0; page < 1000; page++)
            {
                var response = await p.Pull(anchor, limit: 13);
                anchor = Apply(state, response);
                if (!response.HasMore)
                    return (state, response);
            }

            throw new InvalidOperationException("feed did not end");
        })).ToList();

        var writing = writers.Select(w => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            for (var batch = 0; batch < 15 && deadline.Elapsed < TimeSpan.FromSeconds(60); batch++)
            {
                var fresh = Guid.NewGuid();
                var mutations = new List<Mutation> { new(w.NextMutationId(), "clients", fresh, "insert", 0, ServerFixture.ClientColumns("W" + batch)) };
                if (mine.Count > 0)
                {
                    var old = mine[batch % mine.Count];
                    mutations.Add(new(w.NextMutationId(), "household_members", Guid.NewGuid(), "insert", 0, ServerFixture.HouseholdColumns(old, "lid " + batch)));
                    mutations.Add(new(w.NextMutationId(), "clients", old, "update", 0, new Dictionary<string, string?> { ["notes"] = "batch " + batch }));
                }

                var results = await w.Push([.. mutations]);
                Assert.DoesNotContain(results.Results, r => r.Status == SyncProtocol.Results.Refused);
                mine.Add(fresh);
            }
        })).ToList();

        await Task.WhenAll(writing);
        await stop.CancelAsync();
        var pulled = await Task.WhenAll(pulling);

        var final = await server.NewDevice("Bram");
        var (changes, last) = await final.PullAll(0, limit: 2000);
        var expected = new Dictionary<(string, Guid), long>();
        Apply(expected, new PullResponse(changes, last.NextAnchor, false, last.ScopeCount, last.ScopeChecksum));
        Assert.Equal(last.ScopeCount, expected.Count);
        foreach (var (state, response) in pulled)
        {
            Assert.Equal(expected.OrderBy(e => e.Key), state.OrderBy(e => e.Key));
            Assert.Equal(last.ScopeChecksum, response.ScopeChecksum);
        }

        Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), "took too long");
    }

    private static long Apply(Dictionary<(string, Guid), long> state, PullResponse page)
    {
        foreach (var change in page.Changes)
        {
            if (change.Deleted || change.Removed)
                state.Remove((change.Table, change.RowId));
            else
                state[(change.Table, change.RowId)] = change.Version;
        }

        return page.NextAnchor;
    }
}
