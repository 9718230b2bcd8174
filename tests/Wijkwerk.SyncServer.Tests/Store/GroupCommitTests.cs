using Wijkwerk.SyncServer.Store.Sql;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// Items handed in while a group is being written go together in the next write; each caller is answered only when the
/// write that holds its item is done, and a failed write fails its own group's callers, not the next group's.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ItemsArrivingDuringAWrite_GoTogetherInTheNext_AndEachCallerWaitsForItsOwnWrite()
    {
        var writes = new List<int[]>();
        var firstWriteStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var group = new GroupCommit<int>(async items =>
        {
            lock (writes)
                writes.Add([.. items]);
            if (items.Contains(1))
            {
                firstWriteStarted.SetResult();
                await releaseFirst.Task;
            }
        });

        var first = group.Add(1, CancellationToken.None);
        await firstWriteStarted.Task.WaitAsync(Patience);
        var later = Enumerable.Range(2, 5).Select(i => group.Add(i, CancellationToken.None)).ToList();
        await Task.Delay(50);

        Assert.False(first.IsCompleted);
        Assert.All(later, t => Assert.False(t.IsCompleted));
        releaseFirst.SetResult();
        await Task.WhenAll([first, .. later]).WaitAsync(Patience);
        Assert.Equal([[1], [2, 3, 4, 5, 6]], writes);
    }

    [Fact]
    public async Task AFailedWrite_FailsItsGroup_AndTheNextGroupIsStillWritten()
    {
        var written = new List<string>();
        var group = new GroupCommit<string>(items =>
        {
            if (items.Contains("bad"))
                throw new InvalidOperationException("disk full");
            lock (written)
                written.AddRange(items);
            return Task.CompletedTask;
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
        var group = new GroupCommit<int>(async items =>
        {
            await release.Task;
            written.TrySetResult(items);
        });
        using var cancel = new CancellationTokenSource();

        var waiting = group.Add(7, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        release.SetResult();

        Assert.Equal([7], await written.Task.WaitAsync(Patience));
    }
}
