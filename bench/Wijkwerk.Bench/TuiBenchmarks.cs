using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Demo;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Clients;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Bench;

/// <summary>
/// The terminal app with a caseload of 10,000 clients, headless on a 160×50 fake terminal: start to
/// the first interactive frame, opening the client list, and a keystroke in the client filter until
/// its frame is written. BenchmarkDotNet gives mean/median/P95/max; a Stopwatch run of ~680
/// keystrokes (printed with "TUI-FIGURES"; the list is reloaded before each word so no query is remembered from an earlier word) adds p99 and the bytes written per keystroke.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class TuiBenchmarks
{
    public const int Clients = 10_000;
    private const int Width = 160;
    private const int Height = 50;
    private static readonly string[] Typing = ["jan", "bos", "de v", "1234", "19", "van", "e", "ma", "k", "sen"];

    private TuiStore? _store;
    private FakeTerminal? _terminal;
    private UiLoop? _loop;
    private WijkwerkApp? _app;

    [GlobalSetup]
    public void Setup()
    {
        _store = TuiStore.WithDemoClients(Clients);
        var clock = Stopwatch.StartNew();
        StartApp(openClients: false);
        Console.WriteLine($"TUI-FIGURES first frame, cold (first run in this process, JIT included): {clock.Elapsed.TotalMilliseconds:0.0} ms");
    }

    [GlobalSetup(Target = nameof(KeystrokeInClientFilter))]
    public void SetupFilter()
    {
        _store = TuiStore.WithDemoClients(Clients);
        StartApp(openClients: true);
        MeasureKeystrokes();
    }

    [GlobalCleanup]
    public void Cleanup() => _store?.Dispose(); // the store is shared by every app started here, so apps are not disposed

    /// <summary>The app on an unlocked store (unlocking itself is in StoreBenchmarks.Unlock), home screen drawn.</summary>
    [Benchmark]
    public long StartToFirstFrame()
    {
        StartApp(openClients: false);
        return _terminal!.BytesWritten;
    }

    [IterationSetup(Target = nameof(OpenClientList))]
    public void OnHome()
    {
        StartApp(openClients: false);
    }

    /// <summary>'c' on the home screen: load, decrypt and sort 10,000 clients, draw the list.</summary>
    [Benchmark]
    public int OpenClientList()
    {
        _terminal!.Enqueue(KeyInput.Character('c'));
        _loop!.RunUntilIdle();
        return ((ClientsScreen)_loop.Screens.Top!).Visible.Count;
    }

    [IterationSetup(Target = nameof(KeystrokeInClientFilter))]
    public void FreshClientList()
    {
        ((ClientsScreen)_loop!.Screens.Top!).OnResumed(); // reloads, forgetting earlier queries
        GC.Collect(); // the reload's garbage is not the keystroke's
    }

    /// <summary>
    /// A name typed letter by letter into the filter of 10,000 clients and erased again (16 keys, each
    /// until its frame is written): the first letter filters them all, later ones narrow, Backspace widens.
    /// </summary>
    [Benchmark(OperationsPerInvoke = 16)]
    public int KeystrokeInClientFilter()
    {
        const string name = "de vries";
        var narrowed = 0;
        foreach (var c in name)
        {
            _terminal!.Enqueue(KeyInput.Character(c));
            _loop!.RunUntilIdle();
            narrowed += ((ClientsScreen)_loop.Screens.Top!).Visible.Count;
        }

        foreach (var _ in name)
        {
            _terminal!.Enqueue(KeyInput.Backspace);
            _loop!.RunUntilIdle();
        }

        return narrowed;
    }

    private void StartApp(bool openClients)
    {
        _terminal = new FakeTerminal(Width, Height);
        var options = new AppOptions(Lang.Nl, ColorMode.Colour, AppOptions.DefaultAutoLock);
        _loop = new UiLoop(_terminal, TimeProvider.System, TooSmallMessage.Dutch, options.ColorMode);
        _app = new WijkwerkApp(_loop, options, TimeProvider.System, _store!.PathToStore, _store.Store);
        _app.Start();
        _loop.RunUntilIdle();
        if (openClients)
        {
            _terminal.Enqueue(KeyInput.Character('c'));
            _loop.RunUntilIdle();
        }
    }

    // Real typing: words typed letter by letter and erased again, each key timed until its frame is written.
    private void MeasureKeystrokes()
    {
        var times = new List<double>();
        var bytes = new List<long>();
        void Key(KeyInput key, bool record)
        {
            _terminal!.ResetCounters();
            var clock = Stopwatch.StartNew();
            _terminal.Enqueue(key);
            _loop!.RunUntilIdle();
            clock.Stop();
            if (!record)
                return;
            times.Add(clock.Elapsed.TotalMilliseconds);
            bytes.Add(_terminal.BytesWritten);
        }

        var screen = (ClientsScreen)_loop!.Screens.Top!;
        for (var round = 0; round < 15; round++)
        {
            foreach (var word in Typing)
            {
                // As when the list was just opened: no earlier query to build on (not timed).
                screen.OnResumed();
                GC.Collect();
                var record = round >= 2;
                foreach (var c in word)
                    Key(KeyInput.Character(c), record);
                foreach (var _ in word)
                    Key(KeyInput.Backspace, record);
            }
        }

        times.Sort();
        bytes.Sort();
        double At(double p) => times[(int)Math.Min(times.Count - 1, Math.Ceiling(p * times.Count) - 1)];
        var i = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(i, $"TUI-FIGURES keystroke-to-frame over {times.Count} keys, {Clients} clients, {Width}x{Height}: median {At(0.50):0.00} ms, p95 {At(0.95):0.00} ms, p99 {At(0.99):0.00} ms, max {times[^1]:0.00} ms, mean {times.Average():0.00} ms"));
        Console.WriteLine(string.Create(i, $"TUI-FIGURES bytes written per keystroke: median {bytes[bytes.Count / 2]}, mean {bytes.Average():0}, max {bytes[^1]}, min {bytes[0]} (full first frame {Width}x{Height} for comparison: see StartToFirstFrame's return)"));
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
    }
}

/// <summary>
/// A store with the demo caseload (fixed seed). Built once and kept in the temp folder, then copied for
/// each benchmark process, because filling 10,000 clients takes longer than what is measured.
/// </summary>
internal sealed class TuiStore : IDisposable
{
    private TuiStore(string folder, LocalStore store)
    {
        Folder = folder;
        Store = store;
    }

    public string Folder { get; }

    public string PathToStore => Path.Combine(Folder, "wijkwerk.db");

    public LocalStore Store { get; }

    public static TuiStore WithDemoClients(int count)
    {
        var template = Path.Combine(Path.GetTempPath(), $"wijkwerk-bench-tui-{count}-{DemoData.Seed}-{DateTime.UtcNow:yyyyMMdd}");
        var file = Path.Combine(template, "wijkwerk.db");
        if (!File.Exists(file))
        {
            var building = template + ".building-" + Environment.ProcessId;
            Directory.CreateDirectory(building);
            using (var store = LocalStore.Create(Path.Combine(building, "wijkwerk.db"), BenchStore.Passphrase, DemoData.DemoWorker, TimeProvider.System))
                DemoData.Fill(store, count);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Move(building, template);
            }
            catch (IOException)
            {
                Directory.Delete(building, recursive: true); // another process was quicker
            }
        }

        var folder = Directory.CreateTempSubdirectory("wijkwerk-bench-tui-").FullName;
        foreach (var part in Directory.GetFiles(template))
            File.Copy(part, Path.Combine(folder, Path.GetFileName(part)));
        return new TuiStore(folder, LocalStore.Open(Path.Combine(folder, "wijkwerk.db"), BenchStore.Passphrase, TimeProvider.System));
    }

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
