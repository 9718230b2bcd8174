using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// A real laptop store enrolled as a device of a server store, syncing with the real engine through
/// <see cref="StoreTransport"/>: store-level tests of what laptops end up holding.
/// </summary>
public sealed class StoreLaptop : TestLaptop
{
    private StoreLaptop(string folder, LocalStore store, DeviceSession device)
        : base(folder, store) => Device = device;

    public DeviceSession Device { get; }

    /// <summary>Enrols a new device of the worker on the store and makes its laptop store.</summary>
    public static async Task<StoreLaptop> Enrol(ISyncStore server, string worker)
    {
        var (enrolment, device) = await StoreDevices.EnrolAnswered(server, worker, DateTimeOffset.UtcNow);
        var (folder, store) = await Create("wijkwerk-storelaptop-", new Uri("http://127.0.0.1:9/"), () => Task.FromResult(enrolment));
        return new StoreLaptop(folder, store, device);
    }

    /// <summary>One sync with the given server store (the same device, wherever its database now is).</summary>
    public Task<SyncReport> Sync(ISyncStore server) => new SyncEngine(Store, new StoreTransport(server, Device)).Run();
}
