using Microsoft.Data.Sqlite;
using Serilog.Events;
using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Tui.Screens.Revoked;
using Wijkwerk.Tui.Screens.Unlock;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Screens;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.App;

/// <summary>F5 in the headless app against a scripted server: whatever the sync meets, the app says so and goes on.</summary>
public sealed class BackgroundSyncTests
{
    private const string BrokeMessage = "Sync mislukt door een fout; druk F5 opnieuw.";

    [Fact]
    public void UnexpectedFailure_SaysSoInDutchInTheStatusLine_LogsOnlyTypeAndCode_AndTheNextF5Syncs()
    {
        using var app = new AppHarness();
        app.EnrolLocally();
        var pulls = 0;
        var transport = new ScriptedTransport();
        // What a pulled row the laptop cannot store looks like to the runner: not a transport problem. The
        // server's figures then match what the laptop holds, so the sync that works needs no repair.
        transport.OnPull = after => Interlocked.Increment(ref pulls) == 1
            ? throw new SqliteException($"NOT NULL constraint failed, row of {app.Store.Identity.WorkerName}", 19)
            : HoldingWhatTheLaptopHolds(app, after);
        app.Transport = transport;

        app.Press(KeyInput.Function(5)).WaitForSync();
        var failed = app.Screen();
        app.Press(KeyInput.Function(5)).WaitForSync();

        // The message wraps over the rows above the status line rather than being cut.
        var bottom = string.Join(' ', failed.Split('\n')[^4..].Select(r => r.Trim()));
        Assert.Contains(BrokeMessage, bottom, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", failed, StringComparison.Ordinal);
        var logged = Assert.Single(app.Log.Events, e => e.Level == LogEventLevel.Error);
        Assert.Equal("\"SqliteException\"", logged.Properties["ExceptionType"].ToString());
        Assert.Equal("19", logged.Properties["ErrorCode"].ToString());
        Assert.Null(logged.Exception); // its message could quote a row
        Assert.DoesNotContain(app.Store.Identity.WorkerName, string.Join('\n', app.Log.Lines), StringComparison.Ordinal);
        Assert.Equal(2, pulls);
        Assert.False(app.App.Sync.IsRunning);
        Assert.Contains("Gesynchroniseerd:", app.Screen(), StringComparison.Ordinal);
        Assert.Equal(0, app.Store.PendingChanges());
    }

    [Fact]
    public void F5WhileAConnectionCheckWaitsForItsAnswer_SyncsRightAfterIt()
    {
        using var app = new AppHarness();
        app.EnrolLocally();
        using var checkAnswered = new ManualResetEventSlim();
        var pulls = 0;
        var transport = new ScriptedTransport();
        transport.OnPull = after => Interlocked.Increment(ref pulls) == 1
            ? checkAnswered.Wait(TimeSpan.FromSeconds(30)) ? new PullResponse([], after, false, 0, 0) : throw new TimeoutException()
            : HoldingWhatTheLaptopHolds(app, after);
        app.Transport = transport;
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        app.Loop.RunUntilIdle();

        app.Press(KeyInput.Function(5));
        var whileChecking = app.Screen();
        checkAnswered.Set();
        app.WaitForSync();

        Assert.DoesNotContain(Texts.Get(TextId.UiSyncNotEnrolled, Lang.Nl), whileChecking, StringComparison.Ordinal);
        Assert.Equal(1, transport.Pushes);
        Assert.Contains("Gesynchroniseerd:", app.Screen(), StringComparison.Ordinal);
        Assert.Equal(0, app.Store.PendingChanges());
    }

    private static PullResponse HoldingWhatTheLaptopHolds(AppHarness app, long after)
    {
        using var reader = app.Store.OpenAnother();
        var (count, checksum) = new LocalSync(reader).Scope();
        return new PullResponse([], after, false, count, checksum);
    }

    [Fact]
    public void UnexpectedFailureInTheTransport_StillEndsTheSync_AndF5StartsAnother()
    {
        using var app = new AppHarness();
        app.EnrolLocally();
        var transport = new ScriptedTransport { OnPush = _ => throw new InvalidOperationException("onverwacht") };
        app.Transport = transport;

        app.Press(KeyInput.Function(5)).WaitForSync();
        app.Press(KeyInput.Function(5)).WaitForSync();

        Assert.Equal(2, transport.Pushes);
        Assert.Contains(BrokeMessage, app.Screen(), StringComparison.Ordinal);
        Assert.Equal(2, app.Log.Events.Count(e => e.Level == LogEventLevel.Error));
    }

    public static TheoryData<string> NurseScreens => ["home", "clients", "dossier", "help over dossier", "new signal with typing", "client edit with typing", "conflicts", "report"];

    [Theory]
    [MemberData(nameof(NurseScreens))]
    public void RevokedWhileOpen_OnAnyScreen_UploadsItsAuditLog_WipesTheStore_AndEndsOnTheRevokedScreen(string where)
    {
        using var app = new AppHarness();
        Open(app, where);
        AssertRevokedEndsWell(app, where == "help over dossier" ? () => app.Press('?') : null);
    }

    public static TheoryData<string> ConsultantScreens => ["advice queue", "advice", "decision form with typing"];

    [Theory]
    [MemberData(nameof(ConsultantScreens))]
    public void RevokedWhileOpen_OnTheConsultantsScreens_WipesTheStore_AndEndsOnTheRevokedScreen(string where)
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5');
        if (where != "advice queue")
            desk.App.Press(KeyInput.Enter);
        if (where == "decision form with typing")
            desk.App.Press('b').Press(KeyInput.Tab, KeyInput.Tab, KeyInput.Tab, KeyInput.Tab, KeyInput.Tab, KeyInput.Tab, KeyInput.Tab, KeyInput.Tab).Type("Nog niet bewaard");
        AssertRevokedEndsWell(desk.App);
    }

    [Fact]
    public void RevokedWhileTheAppLockedItselfDuringTheSync_StillWipes_AndEndsOnTheRevokedScreen()
    {
        using var app = new AppHarness();
        app.EnrolLocally();
        using var answer = new ManualResetEventSlim();
        var transport = new ScriptedTransport { OnPull = _ => answer.Wait(TimeSpan.FromSeconds(30)) ? throw ScriptedTransport.Revoked() : throw new TimeoutException() };
        app.Transport = transport;

        app.Press(KeyInput.Function(5));
        app.App.Lock();
        app.TopAs<UnlockScreen>();
        answer.Set();
        app.WaitForSync();

        app.TopAs<RevokedScreen>();
        Assert.False(File.Exists(app.StorePath));
        Assert.NotEmpty(transport.Audit);
    }

    private static void Open(AppHarness app, string where)
    {
        switch (where)
        {
            case "home":
                break;
            case "clients":
                app.Press('c');
                break;
            case "dossier":
                app.Press('c').Press(KeyInput.Enter);
                break;
            case "help over dossier":
                app.Press('c').Press(KeyInput.Enter);
                break;
            case "new signal with typing":
                app.Press('c').Press(KeyInput.Enter).Press('n').Press(KeyInput.Tab, KeyInput.Tab).Type("Nog niet bewaard");
                break;
            case "client edit with typing":
                app.Press('c').Press(KeyInput.Enter).Press('e').Type(" nog niet bewaard");
                break;
            case "conflicts":
                ConflictsScreenTests.ArriveConflict(app, app.Store.Clients.Search()[0].Id.Value, "notes", "Versie van Anna", "Versie van Bram");
                app.Press('4');
                break;
            case "report":
                app.Press('6');
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(where), where, null);
        }
    }

    /// <summary>
    /// F5, then (while the server has not answered yet) <paramref name="whileSyncing"/>; the answer is "revoked":
    /// the device's own audit events go up, the files go, the app says so and closes on Enter.
    /// </summary>
    private static void AssertRevokedEndsWell(AppHarness app, Action? whileSyncing = null)
    {
        app.EnrolLocally();
        var identity = app.Store.Identity;
        var events = AuditLog.Read(app.Store).Select(e => e.Seq).ToList();
        using var answer = new ManualResetEventSlim();
        PushResponse Revoked() => answer.Wait(TimeSpan.FromSeconds(30)) ? throw ScriptedTransport.Revoked() : throw new TimeoutException();
        var transport = new ScriptedTransport { OnPush = _ => Revoked(), OnPull = _ => throw ScriptedTransport.Revoked() };
        app.Transport = transport;

        app.Press(KeyInput.Function(5));
        whileSyncing?.Invoke();
        var opened = app.Top!.GetType();
        answer.Set();
        app.WaitForSync();

        var screen = app.Screen();
        Assert.True(app.Top is RevokedScreen, $"Expected the revoked screen over {opened.Name}, found {app.Top?.GetType().Name}.\n{screen}");
        Assert.Equal(1, app.Loop.Screens.Count);
        Assert.Contains("Deze laptop is ingetrokken door de beheerder.", screen, StringComparison.Ordinal);
        Assert.Contains("zijn gewist.", screen, StringComparison.Ordinal);
        Assert.True(screen.Contains("Druk Enter of q om", StringComparison.Ordinal), screen);
        Assert.Contains("Deze laptop is ingetrokken", screen.Split('\n')[^1], StringComparison.Ordinal);
        Assert.False(File.Exists(app.StorePath));
        Assert.False(File.Exists(app.StorePath + "-wal"));
        Assert.True(app.App.IsLocked);
        Assert.Equal(events, transport.Audit.Select(e => e.Seq));
        Assert.All(transport.Audit, e => Assert.Equal((identity.DeviceId, identity.WorkerId.Value), (e.DeviceId, e.WorkerId)));
        Assert.NotNull(app.App.WipedMessage);

        app.Press('c').Press(KeyInput.Function(5));
        Assert.IsType<RevokedScreen>(app.Top);
        app.Press(KeyInput.Enter);
        Assert.True(app.Loop.IsStopped);
    }
}
