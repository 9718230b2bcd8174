using Wijkwerk.Core.Demo;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
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

    /// <param name="locked">Start on the unlock screen, as without WIJKWERK_PASSPHRASE.</param>
    /// <param name="clients">Demo clients in the store; 0 gives an empty caseload.</param>
    public AppHarness(int width = 80, int height = 24, Lang lang = Lang.Nl, bool locked = false, int clients = DemoClients)
    {
        StorePath = _folder.File("wijkwerk.db");
        if (clients == DemoClients)
            CopyTemplate(StorePath);
        else
            BuildStore(StorePath, clients, Clock);

        Terminal = new FakeTerminal(width, height);
        var options = new AppOptions(lang, ColorMode.Colour, AppOptions.DefaultAutoLock);
        Loop = new UiLoop(Terminal, Clock, lang == Lang.En ? TooSmallMessage.English : TooSmallMessage.Dutch, options.ColorMode);
        var store = locked ? null : LocalStore.Open(StorePath, Passphrase, Clock);
        App = new WijkwerkApp(Loop, options, Clock, StorePath, store);
        App.Start();
        Loop.RunUntilIdle();
    }

    public FakeClock Clock { get; } = new();

    public string StorePath { get; }

    public FakeTerminal Terminal { get; }

    public UiLoop Loop { get; }

    public WijkwerkApp App { get; }

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

    /// <summary>The rendered text grid, rows joined by '\n', trailing spaces trimmed.</summary>
    public string Screen() => Terminal.ScreenText();

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

    private static void BuildStore(string path, int clients, TimeProvider clock)
    {
        using var store = LocalStore.Create(path, Passphrase, DemoData.DemoWorker, clock);
        if (clients > 0)
            DemoData.Fill(store, clients);
    }

    // Creating a store derives a key (PBKDF2) and fills it: do that once, then copy the closed file.
    private static void CopyTemplate(string target)
    {
        lock (TemplateGate)
        {
            if (_templateFolder is null)
            {
                var folder = Directory.CreateTempSubdirectory("wijkwerk-tui-template-").FullName;
                BuildStore(Path.Combine(folder, "wijkwerk.db"), DemoClients, new FakeClock());
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                _templateFolder = folder;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
            }
        }

        foreach (var file in Directory.GetFiles(_templateFolder))
            File.Copy(file, Path.Combine(Path.GetDirectoryName(target)!, Path.GetFileName(file)));
    }
}
