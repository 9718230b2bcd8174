namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>What a group's write made of one item: its result, or the failure that item alone met.</summary>
internal readonly record struct Outcome<TResult>(TResult? Result, Exception? Failure)
{
    public static Outcome<TResult> Of(TResult result) => new(result, null);

    public static Outcome<TResult> Failed(Exception failure) => new(default, failure);
}

/// <summary>
/// Writes what many requests hand in at about the same time in one transaction, and answers each request once its
/// own item is committed (group commit). While one transaction is written, the items that arrive wait for the next,
/// so a burst of requests costs a few commits instead of one each: on SQLite every commit waits its turn as the one
/// writer and for the disk, and 200 pulls at once each logging its transfers spent most of their time in that queue.
/// A group holds items up to <paramref name="maxWeight"/> (by <paramref name="weight"/>), and always at least one.
/// A write that fails as a whole fails every request of its group, as a write of their own would have.
/// </summary>
internal sealed class GroupCommit<TItem, TResult>(
    Func<IReadOnlyList<TItem>, Task<IReadOnlyList<Outcome<TResult>>>> write, Func<TItem, int>? weight = null, int maxWeight = int.MaxValue)
{
    private readonly Lock _lock = new();
    private readonly Queue<(TItem Item, TaskCompletionSource<TResult> Committed)> _waiting = new();
    private bool _writing;

    /// <summary>Completes once the item is committed; a request that stops waiting (<paramref name="cancel"/>) leaves its item to be written.</summary>
    public Task<TResult> Add(TItem item, CancellationToken cancel)
    {
        var committed = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_lock)
        {
            _waiting.Enqueue((item, committed));
            start = !_writing;
            _writing = true;
        }

        if (start)
            _ = Task.Run(WriteWhileWaiting, CancellationToken.None);
        return committed.Task.WaitAsync(cancel);
    }

    private async Task WriteWhileWaiting()
    {
        while (NextGroup() is { } group)
        {
            try
            {
                var outcomes = await write([.. group.Select(g => g.Item)]);
                for (var i = 0; i < group.Count; i++)
                {
                    if (outcomes[i].Failure is { } failure)
                        group[i].Committed.SetException(failure);
                    else
                        group[i].Committed.SetResult(outcomes[i].Result!);
                }
            }
            catch (Exception e)
            {
                foreach (var (_, committed) in group)
                    committed.SetException(e);
            }
        }
    }

    private int Weigh(TItem item) => weight?.Invoke(item) ?? 1;

    /// <summary>The items waiting, as many as one group holds; null (and no longer writing) when none wait.</summary>
    private List<(TItem Item, TaskCompletionSource<TResult> Committed)>? NextGroup()
    {
        lock (_lock)
        {
            if (_waiting.Count == 0)
            {
                _writing = false;
                return null;
            }

            var group = new List<(TItem Item, TaskCompletionSource<TResult> Committed)> { _waiting.Dequeue() };
            var held = Weigh(group[0].Item);
            while (_waiting.TryPeek(out var next) && held + Weigh(next.Item) <= maxWeight)
            {
                held += Weigh(next.Item);
                group.Add(_waiting.Dequeue());
            }

            return group;
        }
    }
}
