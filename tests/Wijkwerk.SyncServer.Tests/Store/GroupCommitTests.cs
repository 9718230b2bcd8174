using Wijkwerk.SyncServer.Store.Sql;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// Items handed in while a group is being written go together in the next write, up to the group's weight; each caller is
/// answered with its own item's outcome, and only when the write that holds its item is done. A failed write fails its own
/// group's callers, not the next group's.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static Task<IReadOnlyList<Outcome<int>>> Doubled(IReadOnlyList<int> items) =>
        Task.FromResult<IReadOnlyList<Outcome<int>>>([.. items.Select(i => Outcome<int>.Of(2 * i))]);

    [Fact]
    public async Task ItemsArrivingDuringAWrite_GoTogetherInTheNext_AndEachCallerWaitsForItsOwnWrite()
    {
        var writes = new List<int[]>();
        var firstWriteStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var group = new GroupCommit<int, int>(async items =>
        {
            lock (writes)
                writes.Add([.. items]);
            if (items.Contains(1))
            {
                firstWriteStarted.SetResult();
                await releaseFirst.Task;
            }

            return await Doubled(items);
        });

        var first = group.Add(1, CancellationToken.None);
        await firstWriteStarted.Task.WaitAsync(Patience);
        var later = Enumerable.Range(2, 5).Select(i => group.Add(i, CancellationToken.None)).ToList();
        await Task.Delay(50);

        Assert.False(first.IsCompleted);
        Assert.All(later, t => Assert.False(t.IsCompleted));
        releaseFirst.SetResult();
        var answers = await Task.WhenAll([first, .. later]).WaitAsync(Patience);
        Assert.Equal([2, 4, 6, 8, 10, 12], answers);
        Assert.Equal([[1], [2, 3, 4, 5, 6]], writes);
    }

    [Fact]
    public async Task AGroup_HoldsItemsUpToItsWeight_AndAnItemHeavierThanThatAlone()
    {
        var writes = new List<int[]>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var group = new GroupCommit<int, int>(async items =>
        {
            lock (writes)
                writes.Add([.. items]);
            if (items.Contains(100))
                await release.Task;
            return await Doubled(items);
        }, weight: item => item, maxWeight: 10);

        // The heavy first item is written alone while the rest queue behind it.
        var all = new[] { 100, 1, 4, 5, 3, 12, 2 }.Select(i => group.Add(i, CancellationToken.None)).ToList();
        release.SetResult();
        await Task.WhenAll(all).WaitAsync(Patience);

        Assert.Equal([[100], [1, 4, 5], [3], [12], [2]], writes);
    }

    [Fact]
    public async Task AnItemsOwnFailure_FailsThatCallerAlone()
    {
        var group = new GroupCommit<int, int>(items => Task.FromResult<IReadOnlyList<Outcome<int>>>(
            [.. items.Select(i => i < 0 ? Outcome<int>.Failed(new ArgumentException("negative")) : Outcome<int>.Of(i))]));

        var outcomes = await Task.WhenAll(new[] { 3, -1, 5 }.Select(async i =>
        {
            try
            {
                return (object)await group.Add(i, CancellationToken.None).WaitAsync(Patience);
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }));

        Assert.Equal([3, "negative", 5], outcomes);
    }

    [Fact]
    public async Task AFailedWrite_FailsItsGroup_AndTheNextGroupIsStillWritten()
    {
        var written = new List<string>();
        var group = new GroupCommit<string, bool>(items =>
        {
            if (items.Contains("bad"))
                throw new InvalidOperationException("disk full");
            lock (written)
                written.AddRange(items);
            return Task.FromResult<IReadOnlyList<Outcome<bool>>>([.. items.Select(_ => Outcome<bool>.Of(true))]);
        });

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => group.Add("bad", CancellationToken.None).WaitAsync(Patience));
        await group.Add("good", CancellationToken.None).WaitAsync(Patience);

        Assert.Equal("disk full", failed.Message);
        Assert.Equal(["good"], written);
    }

    [Fact]
    public async Task ACallerThatStopsWaiting_LeavesItsItemToBeWritten()
    {
        var written = new TaskCompletionSource<IReadOnlyList<int>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var group = new GroupCommit<int, int>(async items =>
        {
            await release.Task;
            written.TrySetResult(items);
            return await Doubled(items);
        });
        using var cancel = new CancellationTokenSource();

        var waiting = group.Add(7, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        release.SetResult();

        Assert.Equal([7], await written.Task.WaitAsync(Patience));
    }
}
