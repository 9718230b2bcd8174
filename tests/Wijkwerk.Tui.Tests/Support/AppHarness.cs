using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Demo;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// The whole app, headless: a real store file (demo caseload, fixed seed, fixed clock), a fake terminal
/// of the given size and the UI loop, driven by keys and read back as the text a person would see.
/// </summary>
public sealed class AppHarness : IDisposable
{
    public const string Passphrase = "harness-wachtwoord-42";
    public const int DemoClients = 24;

    private static readonly object TemplateGate = new();
    private static string? _templateFolder;
    private readonly TempFolder _folder = new();
    private readonly Lang _lang;

    /// <param name="locked">Start on the unlock screen, as without WIJKWERK_PASSPHRASE.</param>
    /// <param name="clients">Demo clients in the store; 0 gives an empty caseload.</param>
    /// <param name="role">Whose laptop it is: the demo nurse, or the same demo worker in another role.</param>
    /// <param name="identity">Who the store belongs to, when a test needs its own worker (e.g. a Wmo consultant).</param>
    public AppHarness(int width = 80, int height = 24, Lang lang = Lang.Nl, bool locked = false, int clients = DemoClients, Role role = Role.Nurse, StoreIdentity? identity = null)
    {
        StorePath = _folder.File("wijkwerk.db");
        if (clients == DemoClients && role == DemoData.DemoWorker.Role && identity is null)
            CopyTemplate(StorePath);
        else
            BuildStore(StorePath, clients, Clock, identity ?? DemoData.DemoWorker with { Role = role });

        _lang = lang;
        (Terminal, Loop, App) = Launch(width, height, locked);
    }

    public FakeClock Clock { get; } = new();

    /// <summary>What the app logged, e.g. a sync that failed.</summary>
    public LogCapture Log { get; } = new();

    /// <summary>What F5 talks to; a test that syncs sets it (and <see cref="EnrolLocally"/>) first.</summary>
    public ISyncTransport? Transport { get; set; }

    /// <summary>
    /// Throws the running app away without any goodbye (as a killed process would: nothing saved on
    /// the way out) and starts a new one on the same store file.
    /// </summary>
    public void Restart()
    {
        App.Dispose();
        (Terminal, Loop, App) = Launch(Terminal.Width, Terminal.Height, locked: false);
    }

    public string StorePath { get; }

    public FakeTerminal Terminal { get; private set; }

    public UiLoop Loop { get; private set; }

    public WijkwerkApp App { get; private set; }

    public LocalStore Store => App.Store;

    public IScreen? Top => Loop.Screens.Top;

    public T TopAs<T>()
        where T : class => Top as T ?? throw new Xunit.Sdk.XunitException($"Expected {typeof(T).Name} on top, found {Top?.GetType().Name ?? "nothing"}.\n{Screen()}");

    /// <summary>Presses the keys one by one and lets the app handle them and render.</summary>
    public AppHarness Press(params KeyInput[] keys)
    {
        Terminal.Enqueue(keys);
        Loop.RunUntilIdle();
        return this;
    }

    public AppHarness Press(char c) => Press(KeyInput.Character(c));

    /// <summary>Types the text; '\n' becomes Enter.</summary>
    public AppHarness Type(string text)
    {
        Terminal.EnqueueText(text);
        Loop.RunUntilIdle();
        return this;
    }

    /// <summary>Pastes the text as a terminal with bracketed paste sends it, through the same key decoding as the real terminal.</summary>
    public AppHarness Paste(string text)
    {
        Terminal.EnqueuePaste(text);
        Loop.RunUntilIdle();
        return this;
    }

    /// <summary>The rendered text grid, rows joined by '\n', trailing spaces trimmed.</summary>
    public string Screen() => Terminal.ScreenText();

    /// <summary>Marks the store enrolled as its own worker, without a server, so F5 starts a sync over <see cref="Transport"/>.</summary>
    public void EnrolLocally()
    {
        var identity = Store.Identity;
        new LocalSync(Store).Enrol(new Uri("http://127.0.0.1:9/"), new EnrolResponse(identity.DeviceId, "harness-token", identity.WorkerId.Value,
            identity.WorkerName, identity.Role.Code(), [new TeamInfo(Guid.Parse("0193a000-0000-7000-8000-0000000000e1"), "Wijkteam Noord")]));
        App.RefreshStatus();
    }

    /// <summary>Lets the background sync (or connection check) finish and the UI loop handle what it posted.</summary>
    public AppHarness WaitForSync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (App.Sync.IsBusy && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
            Loop.RunUntilIdle();
        }

        Assert.False(App.Sync.IsBusy, "The background sync did not end within 30 s.");
        Loop.RunUntilIdle();
        return this;
    }

    /// <summary>Lets the clock run on by <paramref name="time"/>, so what is due on the loop's tick (a connection check) happens, and waits for it.</summary>
    public AppHarness Wait(TimeSpan time)
    {
        Clock.Advance(time);
        Loop.RunUntilIdle();
        return WaitForSync();
    }

    /// <summary>The bottom line: the status (or a message) and the key hints.</summary>
    public string StatusLine() => Screen().Split('\n')[^1];

    public void Resize(int width, int height)
    {
        Terminal.Resize(width, height);
        Loop.RunUntilIdle();
    }

    public void Dispose()
    {
        App.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private (FakeTerminal, UiLoop, WijkwerkApp) Launch(int width, int height, bool locked)
    {
        var terminal = new FakeTerminal(width, height);
        var options = new AppOptions(_lang, ColorMode.Colour, AppOptions.DefaultAutoLock);
        var loop = new UiLoop(terminal, Clock, _lang == Lang.En ? TooSmallMessage.English : TooSmallMessage.Dutch, options.ColorMode);
        var store = locked ? null : LocalStore.Open(StorePath, Passphrase, Clock);
        var app = new WijkwerkApp(loop, options, Clock, StorePath, store,
            _ => Transport ?? throw new InvalidOperationException("Set AppHarness.Transport before a test syncs."), Log.Logger);
        app.Start();
        loop.RunUntilIdle();
        return (terminal, loop, app);
    }

    private static void BuildStore(string path, int clients, TimeProvider clock, StoreIdentity identity)
    {
        using var store = LocalStore.Create(path, Passphrase, identity, clock);
        if (clients > 0)
            DemoData.Fill(store, clients);
    }

    // Creating a store derives a key (twice: to seal it, then to open the store) and fills it: do that once, then copy the closed file.
    private static void CopyTemplate(string target)
    {
        lock (TemplateGate)
        {
            if (_templateFolder is null)
            {
                var folder = Directory.CreateTempSubdirectory("wijkwerk-tui-template-").FullName;
                BuildStore(Path.Combine(folder, "wijkwerk.db"), DemoClients, new FakeClock(), DemoData.DemoWorker);
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                _templateFolder = folder;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
            }
        }

        foreach (var file in Directory.GetFiles(_templateFolder))
            File.Copy(file, Path.Combine(Path.GetDirectoryName(target)!, Path.GetFileName(file)));
    }
}
