using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>A real laptop store enrolled with a code at a real server process, syncing over HTTP with whatever server address it is given.</summary>
public sealed class ServerLaptop : TestLaptop
{
    private ServerLaptop(string folder, LocalStore store)
        : base(folder, store)
    {
    }

    public static async Task<ServerLaptop> Enrol(string server, string code)
    {
        var (folder, store) = await Create("wijkwerk-serverlaptop-", new Uri(server), async () =>
        {
            using var http = new HttpClient { BaseAddress = new Uri(server) };
            return await new HttpSyncTransport(http).Enrol(new EnrolRequest(code, "test-laptop"), CancellationToken.None);
        });
        return new ServerLaptop(folder, store);
    }

    public async Task<SyncReport> Sync(string server)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server) };
        return await new SyncEngine(Store, new HttpSyncTransport(http)).Run();
    }
}
