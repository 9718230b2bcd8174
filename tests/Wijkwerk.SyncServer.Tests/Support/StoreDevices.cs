using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>Devices enrolled straight on a server store, for store-level tests.</summary>
public static class StoreDevices
{
    /// <summary>Enrols a new device of the worker (who must exist) and answers its session, as the store finds it by its token's hash.</summary>
    public static async Task<DeviceSession> Enrol(ISyncStore store, string worker, DateTimeOffset now, string? tokenHash = null) =>
        (await EnrolAnswered(store, worker, now, tokenHash)).Session;

    /// <summary><see cref="Enrol"/>, with the store's answer to the enrolment (what a laptop keeps).</summary>
    public static async Task<(EnrolResponse Answer, DeviceSession Session)> EnrolAnswered(ISyncStore store, string worker, DateTimeOffset now, string? tokenHash = null)
    {
        var n = Guid.NewGuid().ToString("N");
        tokenHash ??= "token-hash-" + n;
        await store.AddEnrolmentCodeAsync(worker, "code-" + n, now.AddHours(1), now);
        var answer = (await store.EnrolAsync("code-" + n, new NewDevice(Guid.NewGuid(), "laptop " + n, "token-" + n, tokenHash), now))!;
        return (answer, (await store.FindDeviceAsync(tokenHash))!);
    }
}
