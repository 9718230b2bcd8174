using System.Collections.Concurrent;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>One push or pull at a time per device (within this server process).</summary>
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
