using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Screens.Revoked;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.App;

/// <summary>
/// The headless app enrolled with the real <c>wijkwerk-server</c> process: the status line says online only
/// once the server answered, offline once it stopped answering, and a revoke reaches the open app.
/// </summary>
public sealed class ConnectionTests
{
    private static readonly TimeSpan NextCheck = AppOptions.DefaultConnectionCheck + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task ServerUp_OnlineOnceItAnswered_OfflineOnceItStopped_AndF5SaysWhy()
    {
        await using var server = await ServerProcess.Start();
        using var app = new AppHarness(160, 30);
        var (http, _) = await Enrol(app, server);
        using var client = http;
        var beforeAnyAnswer = app.StatusLine();

        app.Wait(TimeSpan.FromSeconds(1));
        var answered = app.StatusLine();
        await server.Stop();
        app.Wait(NextCheck);
        var stopped = app.StatusLine();
        app.Press(KeyInput.Function(5)).WaitForSync();
        var syncWhileDown = app.Screen();

        Assert.Contains(" verbinding nog onbekend · ", beforeAnyAnswer, StringComparison.Ordinal);
        Assert.Contains(" online · ", answered, StringComparison.Ordinal);
        Assert.Contains(" offline · ", stopped, StringComparison.Ordinal);
        Assert.Contains("Synchroniseren mislukt: De server is niet bereikbaar.", syncWhileDown, StringComparison.Ordinal);
        app.Wait(TimeSpan.FromSeconds(9));
        Assert.Contains(" offline · ", app.StatusLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedWhileTypingAForm_TheNextCheckUploadsTheLog_WipesTheStore_AndShowsTheRevokedScreen()
    {
        await using var server = await ServerProcess.Start();
        using var app = new AppHarness(160, 30);
        var (http, device) = await Enrol(app, server);
        using var client = http;
        app.Wait(TimeSpan.FromSeconds(1));
        app.Press('c').Press(KeyInput.Enter).Press('n').Press(KeyInput.Tab, KeyInput.Tab).Type("Nog niet bewaard");
        app.TopAs<SignalFormScreen>();

        await server.Revoke(device);
        app.Wait(NextCheck);

        app.TopAs<RevokedScreen>();
        Assert.Contains("Deze laptop is ingetrokken door de beheerder.", app.Screen(), StringComparison.Ordinal);
        Assert.False(File.Exists(app.StorePath));
        Assert.True(app.App.IsLocked);
    }

    [Fact]
    public void NeverEnrolled_SaysItWorksLocally_AndAsksNoServer()
    {
        using var app = new AppHarness(160, 30);

        app.Wait(NextCheck);

        Assert.Contains(" lokaal, niet aangemeld · ", app.StatusLine(), StringComparison.Ordinal);
        Assert.False(app.App.Sync.IsBusy);
        Assert.Empty(app.Log.Events);
    }

    /// <summary>Enrols the harness's store the way <c>wijkwerk login</c> does, and lets F5 and the checks talk to that server.</summary>
    private static async Task<(HttpClient Http, Guid Device)> Enrol(AppHarness app, ServerProcess server)
    {
        var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        var transport = new HttpSyncTransport(http);
        var enrolment = await transport.Enrol(new EnrolRequest(await server.EnrolmentCode(), "test-laptop"), CancellationToken.None);
        new LocalSync(app.Store).Enrol(server.Address, enrolment);
        app.Loop.Post(app.App.RefreshStatus);
        app.Loop.RunUntilIdle();
        app.Transport = transport;
        return (http, enrolment.DeviceId);
    }
}
