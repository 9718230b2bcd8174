using System.Collections.Concurrent;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>
/// One push or pull at a time per device within this server process: a laptop that sends again before its first answer
/// hears "busy" at once instead of queueing. Correctness across instances does not rest on it (issue 15 item 3), so it
/// stays in process rather than costing every sync a round trip to the database: a push is idempotent per (device,
/// mutation id) in its own transaction, and on PostgreSQL a device's pushes take a transaction lock on the device
/// (SqlSyncStore.Push), so the same batch through two instances at once is applied once and both get the same
/// answers (MultiInstanceTests); a pull only reads and the laptop keeps its own anchor. The one exception is a push sent
/// in turn (<see cref="EnterNext"/>), which waits for the device's turn instead.
/// </summary>
public sealed class DeviceGate
{
    private readonly ConcurrentDictionary<Guid, Turn> _busy = new();

    /// <summary>Whether a request of the device holds its turn now: a hint, as the turn may end or be taken the moment after.</summary>
    public bool IsHeld(Guid device) => _busy.ContainsKey(device);

    public IDisposable? TryEnter(Guid device)
    {
        var turn = new Turn(this, device);
        return _busy.TryAdd(device, turn) ? turn : null;
    }

    /// <summary>
    /// The device's turn once the one held now ends, handed over as it ends, so that no request arriving meanwhile takes it
    /// first: for a push sent before the answer to the push before it, read while that one is written. One request waits
    /// so per device; null when another already waits, or the turn did not end within <paramref name="patience"/>.
    /// </summary>
    public async Task<IDisposable?> EnterNext(Guid device, TimeSpan patience, CancellationToken cancel)
    {
        if (TryEnter(device) is { } free)
            return free;
        // Null when the turn ended just now (then the device is likely free) or another request waits already (then it is not).
        if (!_busy.TryGetValue(device, out var held) || held.HandOver() is not { } handover)
            return TryEnter(device);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        waiting.CancelAfter(patience);
        try
        {
            return await handover.Task.WaitAsync(waiting.Token);
        }
        catch (OperationCanceledException)
        {
            // Handed over while giving up: pass it on, as if it had ended at once.
            if (!handover.TrySetCanceled())
                handover.Task.Result.Dispose();
            cancel.ThrowIfCancellationRequested();
            return null;
        }
    }

    private sealed class Turn(DeviceGate gate, Guid device) : IDisposable
    {
        private readonly Lock _lock = new();
        private TaskCompletionSource<Turn>? _waiting;
        private bool _ended;

        /// <summary>Completes with the next turn when this one ends; null when it has ended or another request waits for it already.</summary>
        public TaskCompletionSource<Turn>? HandOver()
        {
            lock (_lock)
            {
                if (_ended || _waiting is not null)
                    return null;
                return _waiting = new TaskCompletionSource<Turn>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public void Dispose()
        {
            TaskCompletionSource<Turn>? waiting;
            lock (_lock)
            {
                if (_ended)
                    return;
                _ended = true;
                waiting = _waiting;
            }

            if (waiting is null)
            {
                gate._busy.TryRemove(new KeyValuePair<Guid, Turn>(device, this));
                return;
            }

            var next = new Turn(gate, device);
            gate._busy.TryUpdate(device, next, this);
            if (!waiting.TrySetResult(next))
                next.Dispose();
        }
    }
}
