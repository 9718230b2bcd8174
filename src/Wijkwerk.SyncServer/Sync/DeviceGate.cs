using System.Collections.Concurrent;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>
/// One push or pull at a time per device within this server process: a laptop that sends again before its first answer
/// hears "busy" at once instead of queueing. Correctness across instances does not rest on it (issue 15 item 3), so it
/// stays in process rather than costing every sync a round trip to the database: a push is idempotent per (device,
/// mutation id) in its own transaction, and on PostgreSQL a device's pushes take a transaction lock on the device
/// (SqlSyncStore.Push), so the same batch through two instances at once is applied once and both get the same
/// answers (MultiInstanceTests); a pull only reads and the laptop keeps its own anchor.
/// </summary>
public sealed class DeviceGate
{
    private readonly ConcurrentDictionary<Guid, byte> _busy = new();

    public IDisposable? TryEnter(Guid device) => _busy.TryAdd(device, 0) ? new Exit(this, device) : null;

    private sealed class Exit(DeviceGate gate, Guid device) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
                gate._busy.TryRemove(device, out _);
        }
    }
}
