using Serilog;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Tui.Screens.Conflicts;
using Wijkwerk.Tui.Screens.Clients;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Screens.Fund;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Screens.Indications;
using Wijkwerk.Tui.Screens.Reports;
using Wijkwerk.Tui.Screens.Revoked;
using Wijkwerk.Tui.Screens.Unlock;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.App;

/// <summary>
/// The running app: the unlocked store, navigation between screens, the global commands, the status
/// bar and the idle lock. Lives on the UI thread only.
/// </summary>
public sealed class WijkwerkApp : IDisposable
{
    /// <summary>The id of the advice queue command; home repeats it in its hints for the consultant, whose daily work it is.</summary>
    public const string AdviceQueueCommand = "advices";

    private readonly string _storePath;
    private readonly StatusBar _statusBar;
    private LocalStore? _store;
    private DateTimeOffset _lastActivity;
    private readonly ConnectionState _connection;
    private DateTimeOffset _nextCheck;
    private bool _syncWhenCheckEnds;
    private long _pendingChanges;
    private SyncSettings? _syncSettings;

    /// <param name="log">Where a sync that fails is recorded (ids, counts and types only); none when null.</param>
    public WijkwerkApp(UiLoop loop, AppOptions options, TimeProvider clock, string storePath, LocalStore? openStore, Func<Uri, ISyncTransport>? transport = null, ILogger? log = null)
    {
        Sync = new SyncRunner(loop, transport ?? (server => new HttpSyncTransport(new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(100) })),
            log ?? Serilog.Core.Logger.None);
        Loop = loop;
        Options = options;
        Clock = clock;
        _storePath = storePath;
        _store = openStore;
        _statusBar = new StatusBar(options.Lang);
        Toast = new Toast(clock);
        GlobalCommands = BuildGlobalCommands();
        _lastActivity = clock.GetUtcNow();
        // Two and a half intervals: one check that answers late does not make the line say something else.
        _connection = new ConnectionState(clock, options.ConnectionCheckEvery * 2.5);
        loop.Tick += LockWhenIdle;
        loop.Tick += CheckConnectionWhenDue;
        loop.UnhandledKey = key => GlobalCommands.TryDispatch(key);
    }

    public UiLoop Loop { get; }

    public ScreenStack Screens => Loop.Screens;

    public AppOptions Options { get; }

    public Lang Lang => Options.Lang;

    public TimeProvider Clock { get; }

    public Toast Toast { get; }

    public CommandTable GlobalCommands { get; }

    public SyncRunner Sync { get; }

    /// <summary>Set when the server revoked this laptop and its store was wiped; the program says it on exit.</summary>
    public string? WipedMessage { get; private set; }

    public bool IsLocked => _store is null;

    public LocalStore Store => _store ?? throw new InvalidOperationException("The store is locked.");

    public string T(TextId id, params object[] args) => Texts.Format(id, Lang, args);

    /// <summary>Shows the unlock screen, or home (and any draft left behind) when the store is already open.</summary>
    public void Start()
    {
        Screens.Clear();
        if (_store is null)
        {
            Screens.Push(new UnlockScreen(this));
            return;
        }

        RefreshStatus();
        _nextCheck = Clock.GetUtcNow();
        Screens.Push(Home());
        RestoreLatestDraft();
    }

    /// <returns>The message to show when the passphrase is wrong or the store cannot be opened.</returns>
    public string? Unlock(string passphrase)
    {
        try
        {
            _store = LocalStore.Open(_storePath, passphrase, Clock);
        }
        catch (StoreException e)
        {
            return e.Describe(Lang);
        }

        NoteActivity();
        Start();
        return null;
    }

    /// <summary>Forgets the key and everything on screen. Drafts are already saved, encrypted, as typed.</summary>
    public void Lock()
    {
        _store?.Dispose();
        _store = null;
        Start();
        Notify(T(TextId.UiLockedAfterIdle, new Count((int)Options.AutoLockAfter.TotalMinutes, Noun.Minute)), ForWhoWasAway);
    }

    /// <summary>
    /// How long a message stays that was given while the person may not be looking: after an idle lock, and after a start
    /// that brought back a form the app went down with (a crash, a flat battery, a kill).
    /// </summary>
    private static readonly TimeSpan ForWhoWasAway = TimeSpan.FromMinutes(1);

    public void NoteActivity() => _lastActivity = Clock.GetUtcNow();

    public void Push(AppScreen screen) => Screens.Push(screen);

    /// <summary>Closes the top screen and lets the one below reload what the closed one may have changed.</summary>
    public void Back()
    {
        if (Screens.Count <= 1)
            return;
        Screens.Pop();
        RefreshStatus();
        (Screens.Top as AppScreen)?.OnResumed();
    }

    /// <summary>The secretariat's laptop holds the fund and nothing of the dossiers: its day starts at the fund's queue.</summary>
    private AppScreen Home() => SyncSchema.ReceivesFundOnly(Store.Identity.Role) ? new FundHomeScreen(this) : new HomeScreen(this);

    public void GoHome()
    {
        Screens.Clear();
        RefreshStatus();
        Screens.Push(Home());
    }

    public void GoClients()
    {
        GoHome();
        Screens.Push(new ClientsScreen(this));
    }

    /// <summary>The Wmo advice queue over home, so Esc lands on the start of the day.</summary>
    public void GoAdvices()
    {
        GoHome();
        Screens.Push(new ReviewQueueScreen(this));
    }

    /// <summary>Shows a message about the screen in front; it goes when that screen does, so it never reads as news about the next one.</summary>
    public void Notify(string message, TimeSpan? duration = null) => Toast.Show(message, duration, FullScreen);

    /// <summary>A message about a screen that another one covered is done: it does not come back with that screen.</summary>
    public void DropMessageOfCoveredScreen()
    {
        if (!Toast.IsVisibleOn(FullScreen))
            Toast.Dismiss();
    }

    /// <summary>The screen a person is looking at, under any help or question drawn over it.</summary>
    private IScreen? FullScreen => Screens.Screens.LastOrDefault(s => !s.IsOverlay);

    /// <summary>Reads what the status line shows once, after changes and syncs, instead of on every frame.</summary>
    public void RefreshStatus()
    {
        _pendingChanges = _store?.PendingChanges() ?? 0;
        _syncSettings = _store is null ? null : new LocalSync(_store).Settings();
    }

    /// <summary>Help comes first among the hints: when the line is short, "? Hulp" still leads to every other key.</summary>
    public void RenderStatus(ScreenBuffer buffer, Rect area, CommandTable commands)
    {
        _statusBar.Commands = CommandTable.Combine(new CommandTable(GlobalCommands.Commands.Where(c => c.Id == "help")), commands);
        _statusBar.Status = StatusText();
        _statusBar.Render(buffer, area, focused: false);
    }

    public void Quit()
    {
        if (Screens.Screens.OfType<AppScreen>().Any(s => s.HasUnsavedChanges))
        {
            ConfirmScreen.Show(Screens, new ConfirmDialog(T(TextId.UiQuitWithUnsaved), T(TextId.UiYes), T(TextId.UiNo)), yes =>
            {
                if (yes)
                    Loop.Stop();
            });
            return;
        }

        Loop.Stop();
    }

    public void Dispose() => _store?.Dispose();

    /// <summary>Most important first: the status bar leaves out the last ones whole when the line is short.</summary>
    private IReadOnlyList<string> StatusText()
    {
        if (_store is null)
            return [WipedMessage ?? T(TextId.UiStatusLocked)];
        var identity = _store.Identity;
        return [Connection(), identity.WorkerName, T(TextId.UiStatusPending, _pendingChanges), EnumTexts.Name(identity.Role, Lang)];
    }

    /// <summary>online/offline as the last contact proved it, and when the last sync was; "syncing" with progress while one runs.</summary>
    private string Connection()
    {
        if (Sync.IsRunning)
            return T(TextId.UiSyncing, Sync.Progress?.Done ?? 0);
        if (_syncSettings is not { IsEnrolled: true } settings)
            return T(TextId.UiNotEnrolled);
        var state = T(_connection.Now switch
        {
            App.Connection.Online => TextId.UiOnline,
            App.Connection.Offline => TextId.UiOffline,
            _ => TextId.UiConnectionUnknown,
        });
        return settings.LastSync is { } last ? T(TextId.UiLastSync, state, AmsterdamTime.ShowDateTime(last)) : state;
    }

    private void StartSync()
    {
        if (Sync.IsRunning)
            return;
        // A connection check takes a second at most; F5 pressed meanwhile syncs right after it.
        if (Sync.IsBusy)
        {
            _syncWhenCheckEnds = true;
            return;
        }

        if (!Sync.Start(Store, Synced, SyncFailed, SyncBroke))
            Notify(T(TextId.UiSyncNotEnrolled));
    }

    private void Synced(SyncReport report)
    {
        _connection.Answered();
        RefreshStatus();
        (Screens.Top as AppScreen)?.OnResumed();
        var done = T(TextId.SyncDone, report.Pushed, report.Pulled, new Count(report.Conflicts, Noun.Conflict), report.Refused, report.Removed);
        var notes = new[]
        {
            report.Repair is { } repair ? T(TextId.SyncRepaired, new Count(repair.Rewritten, Noun.Row), repair.Removed, repair.Requeued) : null,
            report.SetAside > 0 ? T(TextId.SyncSetAside, new Count(report.SetAside, Noun.Row)) : null,
            !report.Converged && report.Repair is null && Store.PendingChanges() == 0 ? T(TextId.SyncNotConverged) : null,
        }.OfType<string>().ToList();
        Notify(string.Join(" ", [done, .. notes]), TimeSpan.FromSeconds(notes.Count > 0 ? 12 : 6));
    }

    private void SyncFailed(SyncTransportException e)
    {
        if (ContactFailed(e))
            return;
        Notify(T(TextId.SyncFailed, e.Message), TimeSpan.FromSeconds(8));
    }

    /// <summary>
    /// A server that refused is still a server that answered: only no answer at all is offline.
    /// Returns true when the laptop was revoked and is now wiped.
    /// </summary>
    private bool ContactFailed(SyncTransportException e)
    {
        if (e.Code == HttpSyncTransport.Unreachable)
            _connection.Failed();
        else
            _connection.Answered();
        if (!e.IsRevoked)
            return false;
        WipeRevoked();
        return true;
    }

    /// <summary>Asks the server now and then while the app is open; the answer only changes the status line, unless it is a revoke.</summary>
    private void CheckConnectionWhenDue()
    {
        if (_store is null || Clock.GetUtcNow() < _nextCheck || Sync.IsBusy)
            return;
        _nextCheck = Clock.GetUtcNow() + Options.ConnectionCheckEvery;
        // A check that broke says nothing about the server; the log has it, and the next check tries again.
        Sync.Check(_store, () =>
        {
            _connection.Answered();
            CheckEnded();
        }, e =>
        {
            if (!ContactFailed(e))
                CheckEnded();
        }, CheckEnded);
    }

    private void CheckEnded()
    {
        if (!_syncWhenCheckEnds || _store is null)
            return;
        _syncWhenCheckEnds = false;
        StartSync();
    }

    /// <summary>Whatever broke is in the log; the person learns it failed, that their work is safe, and that F5 tries again.</summary>
    private void SyncBroke()
    {
        RefreshStatus();
        (Screens.Top as AppScreen)?.OnResumed();
        Notify(T(TextId.UiSyncBroke), TimeSpan.FromSeconds(20));
    }

    /// <summary>
    /// The laptop may be lost: the key and the files go, with whatever was open or typed. Every screen that
    /// held the store goes first, so nothing reads it again, and the app stays on a screen that says why
    /// (also when it had locked itself meanwhile).
    /// </summary>
    private void WipeRevoked()
    {
        Screens.Clear();
        _store?.Dispose();
        _store = null;
        LocalStore.Wipe(_storePath);
        WipedMessage = T(TextId.SyncRevokedWiped);
        Toast.Dismiss();
        Screens.Push(new RevokedScreen(this));
    }

    private void RestoreLatestDraft()
    {
        // The newest draft whose form can open; one that cannot yet (a mandate draft waiting for a valid mandate) is kept.
        foreach (var key in _store!.Drafts.Keys())
        {
            if (FormScreens.OpenForDraft(this, key))
            {
                Notify(T(TextId.UiDraftRestored), ForWhoWasAway);
                return;
            }
        }
    }

    private void LockWhenIdle()
    {
        if (_store is not null && Clock.GetUtcNow() - _lastActivity >= Options.AutoLockAfter)
            Lock();
    }

    private CommandTable BuildGlobalCommands()
    {
        CommandDefinition Global(string id, TextId label, KeyInput[] keys, Action handler, bool inStatusBar = true) =>
            new(id, Texts.Get(label, Lang.Nl), Texts.Get(label, Lang.En), keys, () => !IsLocked || id is "quit" or "help", handler) { ShowInStatusBar = inStatusBar };

        return new CommandTable(
        [
            Global("help", TextId.CmdHelp, [KeyInput.Character('?'), KeyInput.Function(1)], ShowHelp),
            Global("home", TextId.CmdHome, [KeyInput.Character('h')], GoHome, inStatusBar: false),
            Global("clients", TextId.CmdClients, [KeyInput.Character('c')], GoClients, inStatusBar: false),
            Global("sync", TextId.CmdSync, [KeyInput.Function(5)], StartSync),
            Global("conflicts", TextId.CmdConflicts, [KeyInput.Character('4')], () => Push(new ConflictsScreen(this)), inStatusBar: false),
            Global(AdviceQueueCommand, TextId.CmdAdviceQueue, [KeyInput.Character('5')], GoAdvices, inStatusBar: false),
            Global("reports", TextId.CmdReports, [KeyInput.Character('6')], () => Push(new AgreementReportScreen(this)), inStatusBar: false),
            Global("quit", TextId.CmdQuit, [KeyInput.Character('q'), KeyInput.Ctrl('c')], Quit),
        ]);
    }

    private void ShowHelp()
    {
        var commands = (Screens.Top as AppScreen)?.AllCommands ?? GlobalCommands;
        Screens.Push(new HelpScreen(Screens, new HelpOverlay(commands, Lang, T(TextId.UiHelpTitle))));
    }
}
