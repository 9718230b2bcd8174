using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.EndToEnd;

/// <summary>
/// The real program, enrolled with the real <c>wijkwerk-server</c>, open in a real terminal while the
/// administrator revokes the laptop: without a key pressed, the next connection check shows the revoked
/// screen and the store is gone from the disk.
/// </summary>
[Collection(nameof(WijkwerkInTmuxTests))]
public sealed class RevokeInTmuxTests : InTmuxTest
{
    // The first check runs at start and the next one a check interval later; the rest is the slow machine's margin.
    private static readonly TimeSpan UntilTheNextCheck = AppOptions.DefaultConnectionCheck * 3;

    private string StorePath => Path.Combine(Data.Path, "wijkwerk.db");

    [Fact]
    public async Task RevokedWhileOpenOnTheClientList_ShowsTheRevokedScreen_AndTheStoreIsWiped()
    {
        await using var server = await ServerProcess.Start();
        CreateStore();
        var login = WijkwerkProcess.Run(Data.Path, "login", "--server", server.Address.ToString(), "--code", await server.EnrolmentCode());
        var device = EnrolledDevice();

        Tmux.Start();
        var online = Tmux.WaitFor(" online · ", UntilTheNextCheck);
        OpenClientList();
        await server.Revoke(device);
        var revoked = Tmux.WaitFor("Deze laptop is ingetrokken door de beheerder.", UntilTheNextCheck);
        var storeAfter = File.Exists(StorePath);
        Tmux.Press("Enter");
        var exit = Tmux.WaitForExit();

        Assert.True(login.ExitCode == 0, login.Error);
        Assert.Contains("Wijkwerk · Startscherm", online, StringComparison.Ordinal);
        Assert.Contains("Wijkwerk · Laptop ingetrokken", revoked, StringComparison.Ordinal);
        Assert.Contains("zijn gewist.", revoked, StringComparison.Ordinal);
        Assert.False(storeAfter);
        Assert.NotEqual(0, exit);
        Assert.False(File.Exists(StorePath));
    }

    protected override void BeforeDataRemoved() => SqliteConnection.ClearAllPools();

    private void CreateStore()
    {
        var nurse = new StoreIdentity(Id<Worker>.New(TimeProvider.System), "Ilse Testverpleegkundige", Role.Nurse, Guid.NewGuid());
        using var store = LocalStore.Create(StorePath, WijkwerkProcess.Passphrase, nurse, TimeProvider.System);
    }

    private Guid EnrolledDevice()
    {
        using var store = LocalStore.Open(StorePath, WijkwerkProcess.Passphrase, TimeProvider.System);
        return store.Identity.DeviceId;
    }
}
