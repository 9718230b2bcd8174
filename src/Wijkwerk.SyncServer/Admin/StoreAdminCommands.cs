using Wijkwerk.Core.Localization;
using Wijkwerk.SyncServer.Store;
using static Wijkwerk.SyncServer.Admin.AdminCommands;

namespace Wijkwerk.SyncServer.Admin;

/// <summary>
/// Issue 15: <c>admin store finish-update</c>, run by the administrator once every server instance on a store runs this
/// release (README, updating the server): from then on the store is written in the newest formats this release reads.
/// </summary>
public static class StoreAdminCommands
{
    public static Task<int> FinishUpdate(StoreOptions options) => RunOnExisting(options, async (store, choice) =>
    {
        var changed = await store.FinishUpdateAsync();
        Console.WriteLine(Texts.Format(changed ? TextId.StoreFinishedUpdate : TextId.StoreAlreadyUpdated, Lang.Nl, choice.Describe()));
        return 0;
    });
}
