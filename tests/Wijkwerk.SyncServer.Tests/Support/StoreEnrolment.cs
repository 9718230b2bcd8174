using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Tests.Support;

public static class StoreEnrolment
{
    /// <summary>Adds team Noord with nurse Anna to a store and enrols her laptop (token hash "hash"), all at <paramref name="now"/>.</summary>
    public static async Task<DeviceSession> EnrolNoordNurse(this ISyncStore store, DateTimeOffset now)
    {
        await store.AddTeamAsync("Noord", now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", now);
        await store.AddEnrolmentCodeAsync("Anna", "code", now.AddHours(1), now);
        await store.EnrolAsync("code", new NewDevice(Guid.NewGuid(), "laptop", "token", "hash"), now);
        return (await store.FindDeviceAsync("hash"))!;
    }
}
