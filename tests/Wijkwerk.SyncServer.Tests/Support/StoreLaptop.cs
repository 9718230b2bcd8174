using Wijkwerk.Core.Domain.Teams;
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

    /// <summary>Adds team Noord with these nurses to the store and enrols a laptop for each, in the order given.</summary>
    public static async Task<StoreLaptop[]> Noord(ISyncStore server, params string[] nurses)
    {
        var now = DateTimeOffset.UtcNow;
        await server.AddTeamAsync("Noord", now);
        var laptops = new StoreLaptop[nurses.Length];
        for (var i = 0; i < nurses.Length; i++)
        {
            await server.AddWorkerAsync(nurses[i], Role.Nurse, "Noord", now);
            laptops[i] = await Enrol(server, nurses[i]);
        }

        return laptops;
    }

    /// <summary>One sync with the given server store (the same device, wherever its database now is).</summary>
    public Task<SyncReport> Sync(ISyncStore server) => new SyncEngine(Store, new StoreTransport(server, Device)).Run();
}
