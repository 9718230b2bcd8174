namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// Writes what many requests hand in at about the same time in one transaction, and answers each request once its
/// own item is committed (group commit). While one transaction is written, the items that arrive wait for the next,
/// so a burst of requests costs a few commits instead of one each: on SQLite every commit waits its turn as the one
/// writer and for the disk, and 200 pulls at once each logging its transfers spent most of their time in that queue.
/// A failed write fails every request of its group, as a write of their own would have.
/// </summary>
internal sealed class GroupCommit<TItem>(Func<IReadOnlyList<TItem>, Task> write)
{
    private readonly Lock _lock = new();
    private List<(TItem Item, TaskCompletionSource Committed)> _waiting = [];
    private bool _writing;

    /// <summary>Completes once the item is committed; a request that stops waiting (<paramref name="cancel"/>) leaves its item to be written.</summary>
    public Task Add(TItem item, CancellationToken cancel)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_lock)
        {
            _waiting.Add((item, committed));
            start = !_writing;
            _writing = true;
        }

        if (start)
            _ = Task.Run(WriteWhileWaiting, CancellationToken.None);
        return committed.Task.WaitAsync(cancel);
    }

    private async Task WriteWhileWaiting()
    {
        while (true)
        {
            List<(TItem Item, TaskCompletionSource Committed)> group;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                (group, _waiting) = (_waiting, []);
            }

            try
            {
                await write([.. group.Select(g => g.Item)]);
                foreach (var (_, committed) in group)
                    committed.SetResult();
            }
            catch (Exception e)
            {
                foreach (var (_, committed) in group)
                    committed.SetException(e);
            }
        }
    }
}
