using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Bench;

/// <summary>
/// Sync figures with the real server process on loopback and real laptop stores: first sync of a team
/// of 5,000 clients / 100,000 rows, an incremental sync of 100 changes, and many devices at once; each
/// beside a raw SQLite bulk insert of the same rows. Wall-clock figures: the small syncs, the real program's first sync and first
/// upload and the raw inserts of 100,000 rows as medians of rounds run here, every round beside; the rest from one run, to read as sizes.
/// </summary>
public static partial class SyncFigures
{
    private const string Passphrase = "benchmark passphrase";

    /// <summary>
    /// The figures on the SQLite store (unless <c>WIJKWERK_BENCH_STORE</c> is <c>postgres</c>), then with <c>WIJKWERK_BENCH_PG</c>
    /// set (a database this run empties) on PostgreSQL.
    /// </summary>
    /// <param name="devicesOnly">Only the many devices at once (with the bench's two laptops set up but no 100,000 rows).</param>
    /// <param name="rounds">How often the one-team burst of a server that has run a while is run: one burst's p99 moves by a third between runs here.</param>
    public static async Task Run(string serverDll, int devices, bool devicesOnly, int rounds = 1)
    {
        Console.WriteLine(Environment.GetEnvironmentVariable("WIJKWERK_BENCH_SERVER") is { Length: > 0 } installed
            ? $"server: the installed program ({installed})"
            : "server: the build output (dotnet wijkwerk-server.dll; WIJKWERK_BENCH_SERVER names an installed one)");
        if (Environment.GetEnvironmentVariable("WIJKWERK_BENCH_STORE") == "postgres")
        {
            Console.WriteLine("server store SQLite: not measured (WIJKWERK_BENCH_STORE=postgres)");
        }
        else
        {
            Console.WriteLine("server store: SQLite");
            await RunOn(serverDll, devices, devicesOnly, rounds, postgres: null);
        }

        if (Environment.GetEnvironmentVariable("WIJKWERK_BENCH_PG") is { Length: > 0 } postgres)
        {
            Console.WriteLine("server store: PostgreSQL");
            await StoreFigures.Empty(postgres);
            await RunOn(serverDll, devices, devicesOnly, rounds, postgres);
        }
        else
        {
            Console.WriteLine("server store PostgreSQL: not measured (set WIJKWERK_BENCH_PG to a database connection string)");
        }
    }

    private static async Task RunOn(string serverDll, int devices, bool devicesOnly, int rounds, string? postgres)
    {
        var folder = RunLeftovers.Folder("wijkwerk-syncbench-");
        string[] db = postgres is null ? ["--db", Path.Combine(folder, "server.db")] : ["--store", "postgres", "--connection", postgres];
        Admin(serverDll, db, "team", "add", "Noord");
        Admin(serverDll, db, "user", "add", "--team", "Noord", "--name", "Anna", "--role", "nurse");
        Admin(serverDll, db, "user", "add", "--team", "Noord", "--name", "Bram", "--role", "nurse");
        var start = ServerStart(serverDll, ["serve", "--urls", "http://127.0.0.1:0", .. db]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        // Hundreds of devices enrol from this one address; the enrolment rate limit is for real networks.
        start.Environment["Wijkwerk__EnrolPermitsPerMinute"] = "100000";
        // On PostgreSQL the server logs beside where it was started (the repository, under scripts/bench) unless told otherwise.
        start.Environment["Wijkwerk__LogFolder"] = Path.Combine(folder, "logs");
        using var server = RunLeftovers.Start(start);
        try
        {
            var address = new Uri(Listening(server));
            var measured = new MeasuredServer(server, Postgres: postgres is not null);
            var a = await Laptop(folder, "a", address, Admin(serverDll, db, "device", "enroll", "--user", "Anna"));
            var b = await Laptop(folder, "b", address, Admin(serverDll, db, "device", "enroll", "--user", "Bram"));
            if (!devicesOnly)
                await Figures(serverDll, db, folder, address, measured, a, b);
            if (devices > 0)
                await ManyDevices(serverDll, db, folder, address, devices, rounds, measured);
        }
        finally
        {
            RunLeftovers.Stop(server);
            RunLeftovers.Remove(folder);
        }
    }

    /// <summary>The first upload and first sync of 100,000 rows (the bench process and the real program), and the small syncs.</summary>
    private static async Task Figures(string serverDll, string[] db, string folder, Uri address, MeasuredServer server, LocalStore a, LocalStore b)
    {
        var rows = Fill(a, clients: 5000, signalsPerClient: 19);
        using var uploadHttp = Http(address);
        var uploading = new TimedTransport(new HttpSyncTransport(uploadHttp));
        var uploadCpu = new CpuSplit(server);
        var push = await Timed(() => new SyncEngine(a, uploading).Run());
        Console.WriteLine($"first upload: {rows:N0} rows pushed in {push.Elapsed.TotalSeconds:F2} s ({rows / push.Elapsed.TotalSeconds:N0} rows/s); {uploading.Split(push.Elapsed)}; {uploadCpu}");
        var memoryBefore = Process.GetCurrentProcess().WorkingSet64;
        using var peak = new PeakWorkingSet();
        using var pullHttp = Http(address);
        var pulling = new TimedTransport(new HttpSyncTransport(pullHttp));
        var pullCpu = new CpuSplit(server);
        var pull = await Timed(() => new SyncEngine(b, pulling).Run());
        Console.WriteLine($"first sync of a team: {pull.Result.Pulled:N0} rows pulled in {pull.Elapsed.TotalSeconds:F2} s ({pull.Result.Pulled / pull.Elapsed.TotalSeconds:N0} rows/s, {pull.Elapsed.TotalMilliseconds * 1000 / pull.Result.Pulled:F1} µs a row), converged {pull.Result.Converged}, peak working set {peak.Stop() / 1024 / 1024} MB (was {memoryBefore / 1024 / 1024} MB before it; the bench process holds laptop A's store and 100,000 generated rows too)");
        Console.WriteLine($"  first sync: {pulling.Split(pull.Elapsed)}; {pullCpu}");
        var raws = Enumerable.Range(1, 3).Select(round => RawInsert(folder, rows, round)).ToList();
        var raw = MedianOf(raws);
        Console.WriteLine($"raw SQLite bulk insert of the same {rows:N0} rows (one transaction, prepared), median of 3: {raw.TotalSeconds:F2} s into a plain table " +
            $"(rounds: {Seconds(raws)}; first sync {pull.Elapsed / raw:F1}x)");
        var asStored = Enumerable.Range(1, 3).Select(round => StoredRowsInsert.Time(b.Path, [.. SyncSchema.Tables.Select(t => t.Name)], Path.Combine(folder, $"raw-as-stored-{round}.db"))).ToList();
        var asStoredMedian = MedianBy(asStored, r => r.Elapsed).Elapsed;
        Console.WriteLine($"  the {asStored[0].Rows:N0} rows as the first sync stored them, into the laptop's own tables and indexes, median of 3: {asStoredMedian.TotalSeconds:F2} s " +
            $"(rounds: {Seconds(asStored.Select(r => r.Elapsed))}; first sync {pull.Elapsed / asStoredMedian:F1}x)");
        ProgramFirstSync(serverDll, db, folder, address, raw, ["Carla", "Dirk"], "");

        await SmallSyncs(a, b, folder, address);
        // Last: its rows, of teams of their own, would lie in the feed between the small syncs' anchors and their changes.
        var others = ProgramUpload(serverDll, db, folder, address, server);
        // A municipality's store holds many teams: a new laptop's first sync should cost its own scope, not theirs.
        ProgramFirstSync(serverDll, db, folder, address, raw, ["Greet", "Hans"], $" in a store that now holds {others:N0} rows of other teams too");
    }

    /// <summary>
    /// The laptop programs a figure is taken of: the build output started with <c>dotnet</c>, then the program as a laptop has
    /// it installed (<c>scripts/publish</c>: Native AOT where it can be built), which <c>WIJKWERK_BENCH_PROGRAM</c> names.
    /// </summary>
    private static IEnumerable<(string What, string[] Program)> Programs(string serverDll, string figure)
    {
        yield return ("the build output (dotnet wijkwerk.dll)", ["dotnet", Path.Combine(Path.GetDirectoryName(serverDll)!, "wijkwerk.dll")]);
        if (Environment.GetEnvironmentVariable("WIJKWERK_BENCH_PROGRAM") is { Length: > 0 } installed)
            yield return ($"the installed program ({installed})", [installed]);
        else
            Console.WriteLine($"{figure} by the installed program: not measured (set WIJKWERK_BENCH_PROGRAM to it; scripts/bench sync publishes one)");
    }

    /// <summary>A new nurse of <paramref name="team"/> logged in by the program on a laptop of her own: its data folder.</summary>
    private static string LoggedIn(string serverDll, string[] db, string folder, Uri address, string team, string user, string[] program)
    {
        var data = Path.Combine(folder, "program-" + user);
        Admin(serverDll, db, "user", "add", "--team", team, "--name", user, "--role", "nurse");
        var code = Admin(serverDll, db, "device", "enroll", "--user", user).TrimEnd().Split('\n')[^1].Trim();
        Wijkwerk(program, "login", "--server", address.ToString(), "--code", code, "--allow-http", "--data", data);
        return data;
    }

    /// <summary>
    /// Runs of each program's first sync, and of its first upload: one run of either moved by a fifth from one run to the
    /// next on a machine of two shared cores, as much as the changes measured by it.
    /// </summary>
    private const int FirstSyncRounds = 5;

    /// <summary>Fewer than <see cref="FirstSyncRounds"/>: each round first writes 100,000 rows into its laptop.</summary>
    private const int UploadRounds = 3;

    /// <summary>
    /// The first sync as a person runs it: the real <c>wijkwerk sync</c> in a process of its own (the store's key derivation
    /// included), each round on a new laptop of team Noord, its time from process start to exit (the median and every round,
    /// beside the raw insert's median) and its peak working set, beside the same program starting and exiting with nothing to
    /// do (<c>--version</c>). A round's laptop is removed once measured, so the rounds take no more disk than one.
    /// </summary>
    /// <param name="users">A name for each program's nurses, new to the store.</param>
    /// <param name="where">What the figure says of the store, after "first sync".</param>
    private static void ProgramFirstSync(string serverDll, string[] db, string folder, Uri address, TimeSpan raw, string[] users, string where)
    {
        foreach (var ((what, program), user) in Programs(serverDll, "first sync").Zip(users))
        {
            var (start, _) = Wijkwerk(program, "--version");
            var rounds = new List<(TimeSpan Elapsed, long Peak)>();
            for (var round = 1; round <= FirstSyncRounds; round++)
            {
                var data = LoggedIn(serverDll, db, folder, address, "Noord", user + round, program);
                rounds.Add(Wijkwerk(program, "sync", "--data", data));
                Directory.Delete(data, recursive: true);
            }

            var median = MedianBy(rounds, r => r.Elapsed).Elapsed;
            Console.WriteLine($"first sync{where} by {what}, its own process, median of {FirstSyncRounds}: {median.TotalSeconds:F2} s from process start to exit " +
                              $"({median / raw:F1}x the raw insert; rounds: {Seconds(rounds.Select(r => r.Elapsed))}), peak working set {rounds.Max(r => r.Peak) / 1024 / 1024} MB " +
                              $"at most; the program starting and exiting (--version) {start.TotalSeconds:F2} s");
        }
    }

    /// <summary>
    /// The first upload as a person runs it: 100,000 rows of the same kind as the bench's own upload written into a new
    /// laptop (a nurse of a team of its own, so nothing comes back), then the real <c>wijkwerk sync</c> in a process of its
    /// own, from process start to exit, in <see cref="UploadRounds"/> rounds (the median, every round, and the median round's
    /// processor time); the upload by this process above is the warm figure beside it.
    /// </summary>
    /// <returns>The rows all rounds uploaded.</returns>
    private static int ProgramUpload(string serverDll, string[] db, string folder, Uri address, MeasuredServer server)
    {
        var uploaded = 0;
        foreach (var ((what, program), (team, user)) in Programs(serverDll, "first upload").Zip([("West", "Erik"), ("Oost", "Fenna")]))
        {
            var rounds = new List<(TimeSpan Elapsed, long Peak, string Cpu)>();
            var rows = 0;
            for (var round = 1; round <= UploadRounds; round++)
            {
                Admin(serverDll, db, "team", "add", team + round);
                var data = LoggedIn(serverDll, db, folder, address, team + round, user + round, program);
                using (var laptop = LocalStore.Open(Path.Combine(data, "wijkwerk.db"), Passphrase, TimeProvider.System))
                    rows = Fill(laptop, clients: 5000, signalsPerClient: 19);
                var cpu = new CpuSplit(server);
                var (upload, peak) = Wijkwerk(program, "sync", "--data", data);
                rounds.Add((upload, peak, cpu.ServerAndDatabase));
                uploaded += rows;
                Directory.Delete(data, recursive: true);
            }

            var median = MedianBy(rounds, r => r.Elapsed);
            Console.WriteLine($"first upload by {what}, its own process, median of {UploadRounds}: {rows:N0} rows in {median.Elapsed.TotalSeconds:F2} s from process start to exit " +
                              $"({rows / median.Elapsed.TotalSeconds:N0} rows/s; rounds: {Seconds(rounds.Select(r => r.Elapsed))}), peak working set {rounds.Max(r => r.Peak) / 1024 / 1024} MB " +
                              $"at most; processor time of the median round: {median.Cpu}");
        }

        return uploaded;
    }

    private static TimeSpan MedianOf(IReadOnlyList<TimeSpan> rounds) => MedianBy(rounds, r => r);

    /// <summary>The round in the middle by time (of an even count, the later of the two).</summary>
    private static T MedianBy<T>(IReadOnlyList<T> rounds, Func<T, TimeSpan> time) => rounds.OrderBy(time).ElementAt(rounds.Count / 2);

    /// <summary>Every round's seconds, in the order run.</summary>
    private static string Seconds(IEnumerable<TimeSpan> rounds) =>
        string.Join(", ", rounds.Select(r => r.TotalSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Runs the laptop program (its command line up to the arguments) to its end: its time from start to exit and its peak working set.</summary>
    private static (TimeSpan Elapsed, long Peak) Wijkwerk(string[] program, params string[] args)
    {
        var start = new ProcessStartInfo(program[0], [.. program[1..], .. args]);
        start.Environment["WIJKWERK_PASSPHRASE"] = Passphrase;
        var (_, elapsed, peak) = RunToEnd(start, "wijkwerk " + args[0]);
        return (elapsed, peak);
    }

    /// <summary>Rounds of the small syncs: each alone is a few milliseconds, and one run of it says more about this machine's noise than about the sync.</summary>
    private const int SmallSyncRounds = 7;

    /// <summary>
    /// 100 changes pushed by laptop A and pulled by laptop B, then a sync of B with nothing to do, <see cref="SmallSyncRounds"/>
    /// times: each figure's median and every round's, with the split of the median round.
    /// </summary>
    private static async Task SmallSyncs(LocalStore a, LocalStore b, string folder, Uri address)
    {
        var pushes = new List<(TimeSpan Elapsed, string Split)>();
        var pulls = new List<(TimeSpan Elapsed, string Split)>();
        var idles = new List<(TimeSpan Elapsed, string Split)>();
        for (var round = 0; round < SmallSyncRounds; round++)
        {
            Edit(a, 100);
            pushes.Add(await TimedSync(a, address));
            pulls.Add(await TimedSync(b, address));
            idles.Add(await TimedSync(b, address));
        }

        Console.WriteLine($"incremental, median of {SmallSyncRounds} rounds: 100 changes pushed in {Median(pushes)}, pulled in {Median(pulls)}; raw insert of 100 rows {RawInsert(folder, 100).TotalMilliseconds:F1} ms");
        Console.WriteLine($"  pushed, median round: {MedianRound(pushes).Split}");
        Console.WriteLine($"  pulled, median round: {MedianRound(pulls).Split}");
        Console.WriteLine($"nothing to do, median of {SmallSyncRounds} rounds: {Median(idles)}");
        Console.WriteLine($"  median round: {MedianRound(idles).Split}");
    }

    private static (TimeSpan Elapsed, string Split) MedianRound(List<(TimeSpan Elapsed, string Split)> rounds) => MedianBy(rounds, r => r.Elapsed);

    /// <summary>The median in milliseconds, then every round's in the order run.</summary>
    private static string Median(List<(TimeSpan Elapsed, string Split)> rounds) =>
        $"{MedianRound(rounds).Elapsed.TotalMilliseconds:F1} ms (rounds: {string.Join(", ", rounds.Select(r => r.Elapsed.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))})";

    /// <summary>Laptops per team in the second round of many devices: a neighbourhood team's size.</summary>
    private const int TeamSize = 10;

    /// <summary>
    /// Many laptops, each catching up once, then all syncing at once. First all in one team with a small caseload (200
    /// clients), where each change goes to every other laptop: the worst case, its work growing with the square of the
    /// laptops. Then as many laptops in teams of <see cref="TeamSize"/>, each team with a caseload of its own.
    /// </summary>
    private static async Task ManyDevices(string serverDll, string[] db, string folder, Uri address, int count, int rounds, MeasuredServer server)
    {
        var laptops = await Devices(serverDll, db, folder, address, ["Zuid"], count);

        // The first laptop brings the caseload; each device then catches up alone (not measured). Then all sync at once with
        // one change each: first each to a client of its own, as a team's day goes, then all to the same client, the worst
        // case, where every push waits for the one before on that client's row.
        Fill(laptops[0], clients: 200, signalsPerClient: 0);
        await CatchUp(laptops, address, i => i);
        await Burst(laptops, address, server, "one change each, each to a client of its own", (laptop, i) => Edit(laptop, 1, first: i));
        await Burst(laptops, address, server, "one change each, all to the same client", (laptop, _) => Edit(laptop, 1));
        // Once more, each to a client of its own: what a burst costs from one round to the next.
        var p99s = new List<double>();
        for (var round = 1; round <= rounds; round++)
            p99s.Add(await Burst(laptops, address, server, rounds == 1 ? "one change each, each to a client of its own, again" : $"one change each, each to a client of its own, again ({round} of {rounds})", (laptop, i) => Edit(laptop, 1, first: i)));
        if (rounds > 1)
        {
            p99s.Sort();
            Console.WriteLine($"{count} devices at once, again: p99 median {p99s[rounds / 2]:F0} ms, {p99s.Count(p => p <= 1000)} of {rounds} rounds at or under 1 s (each, in order of size: {string.Join(", ", p99s.Select(p => p.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ms)");
        }

        foreach (var laptop in laptops)
            laptop.Dispose();

        var teams = Enumerable.Range(1, Math.Max(1, count / TeamSize)).Select(t => "Wijk" + t).ToArray();
        laptops = await Devices(serverDll, db, folder, address, teams, TeamSize);
        for (var t = 0; t < teams.Length; t++)
            Fill(laptops[t * TeamSize], clients: 2 * TeamSize, signalsPerClient: 0);
        await CatchUp(laptops, address, i => i % TeamSize);
        await Burst(laptops, address, server, $"in teams of {TeamSize}, one change each, each to a client of its own", (laptop, i) => Edit(laptop, 1, first: i % TeamSize));
        await Burst(laptops, address, server, $"in teams of {TeamSize}, once more", (laptop, i) => Edit(laptop, 1, first: i % TeamSize));
        foreach (var laptop in laptops)
            laptop.Dispose();
    }

    /// <summary>
    /// Each laptop alone, not measured: it catches up, then pushes a change of its own (to the client at
    /// <paramref name="client"/> of its index), as every laptop in use has pushed before. This also compiles the bench's
    /// laptops' push path, which stands in for the installed program's, compiled ahead of time on each laptop of its own.
    /// Without it, the first burst was the first push of every laptop here: the bench's compiler thread took 11% of the
    /// processor samples of the bench and the server in it (1.4% in a burst after it; perf, one run), and the laptops
    /// 1.13-1.14 s of processor time against 0.73-0.94 s in the bursts after it (two runs), on the two cores the server shares.
    /// </summary>
    private static async Task CatchUp(List<LocalStore> laptops, Uri address, Func<int, int> client)
    {
        foreach (var laptop in laptops)
            await Sync(laptop, address);
        for (var i = 0; i < laptops.Count; i++)
        {
            Edit(laptops[i], 1, first: client(i));
            await Sync(laptops[i], address);
        }
    }

    /// <summary>The teams, each with <paramref name="perTeam"/> nurses, each with an enrolled laptop: team by team, in order.</summary>
    private static async Task<List<LocalStore>> Devices(string serverDll, string[] db, string folder, Uri address, IReadOnlyList<string> teams, int perTeam)
    {
        var laptops = new List<LocalStore>();
        foreach (var team in teams)
        {
            Admin(serverDll, db, "team", "add", team);
            for (var i = 0; i < perTeam; i++)
            {
                var name = $"{team}-{i}";
                Admin(serverDll, db, "user", "add", "--team", team, "--name", name, "--role", "nurse");
                laptops.Add(await Laptop(folder, name, address, Admin(serverDll, db, "device", "enroll", "--user", name), firstSync: false));
            }
        }

        return laptops;
    }

    /// <summary>Every laptop makes its change, then all sync at once: the time in all and each laptop's, p50 and p99; the p99.</summary>
    private static async Task<double> Burst(List<LocalStore> laptops, Uri address, MeasuredServer server, string what, Action<LocalStore, int> change)
    {
        for (var i = 0; i < laptops.Count; i++)
            change(laptops[i], i);
        var latencies = new double[laptops.Count];
        var cpu = new CpuSplit(server);
        var all = Stopwatch.StartNew();
        await Task.WhenAll(laptops.Select((laptop, i) => Task.Run(async () =>
        {
            var one = Stopwatch.StartNew();
            await Sync(laptop, address);
            latencies[i] = one.Elapsed.TotalMilliseconds;
        })));
        all.Stop();
        Array.Sort(latencies);
        var count = laptops.Count;
        var p99 = latencies[Math.Min(count - 1, count * 99 / 100)];
        Console.WriteLine($"{count} devices at once, {what}: {all.Elapsed.TotalSeconds:F2} s in all ({count / all.Elapsed.TotalSeconds:F0} syncs/s), p50 {latencies[count / 2]:F0} ms, p99 {p99:F0} ms; {cpu}");
        return p99;
    }

    private static async Task<LocalStore> Laptop(string folder, string name, Uri address, string enrolOutput, bool firstSync = false)
    {
        var path = Path.Combine(folder, name, "wijkwerk.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var store = LocalStore.Create(path, Passphrase, new StoreIdentity(Id<Worker>.New(TimeProvider.System), "-", Role.Nurse, Guid.NewGuid()), TimeProvider.System))
        {
            using var http = new HttpClient { BaseAddress = address };
            var code = enrolOutput.TrimEnd().Split('\n')[^1].Trim();
            new LocalSync(store).Enrol(address, await new HttpSyncTransport(http).Enrol(new EnrolRequest(code, name), CancellationToken.None));
        }

        var opened = LocalStore.Open(path, Passphrase, TimeProvider.System);
        if (firstSync)
            await Sync(opened, address);
        return opened;
    }

    private static async Task<SyncReport> Sync(LocalStore store, Uri address)
    {
        using var http = Http(address);
        return await new SyncEngine(store, new HttpSyncTransport(http)).Run();
    }

    /// <summary>One sync through a <see cref="TimedTransport"/>: its time, and where that went.</summary>
    private static async Task<(TimeSpan Elapsed, string Split)> TimedSync(LocalStore store, Uri address)
    {
        using var http = Http(address);
        var transport = new TimedTransport(new HttpSyncTransport(http));
        var sync = await Timed(() => new SyncEngine(store, transport).Run());
        return (sync.Elapsed, transport.Split(sync.Elapsed));
    }

    private static HttpClient Http(Uri address) => new() { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };

    internal static int Fill(LocalStore store, int clients, int signalsPerClient)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        store.Batch(() =>
        {
            for (var i = 0; i < clients; i++)
            {
                var client = new ClientInput("Naam" + i, "Achternaam" + i, "1950-01-01", "1234 AB", (1 + i % 900).ToString(System.Globalization.CultureInfo.InvariantCulture), "", "0612345678", "").Validate(Id<Client>.New(TimeProvider.System), today).Client!;
                store.Clients.Add(client);
                for (var s = 0; s < signalsPerClient; s++)
                    store.Signals.Add(Signal.Report(Id<Signal>.New(TimeProvider.System), client.Id, SignalSource.Pharmacy, null, "Medicatie kwijt, verward", [LifeDomain.FittingSupport], Urgency.Normal, ConsentBasis.WithResident, null, DateTimeOffset.UtcNow).Value);
            }
        });
        return clients * (1 + signalsPerClient);
    }

    /// <summary>Changes the notes of <paramref name="changes"/> clients, from the <paramref name="first"/>-th in the store's order on.</summary>
    private static void Edit(LocalStore store, int changes, int first = 0)
    {
        var clients = store.Clients.Search();
        store.Batch(() =>
        {
            for (var i = 0; i < changes; i++)
                store.Clients.Update(clients[(first + i) % clients.Count] with { Notes = "wijziging " + Guid.NewGuid() });
        });
    }

    /// <summary>The physical floor: the same number of 12-column rows into a plain table, one prepared statement, one transaction.</summary>
    private static TimeSpan RawInsert(string folder, int rows, int round = 1)
    {
        var path = Path.Combine(folder, $"raw-{rows}-{round}.db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT, b TEXT, c TEXT, d TEXT, e TEXT, f TEXT, g TEXT, h TEXT, i TEXT, j TEXT, version INTEGER)";
            setup.ExecuteNonQuery();
        }

        var watch = Stopwatch.StartNew();
        using var tx = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t VALUES ($id, $v, $v, $v, $v, $v, $v, $v, $v, $v, $v, 1)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.AddWithValue("$v", "Medicatie kwijt, verward");
        insert.Prepare();
        for (var i = 0; i < rows; i++)
        {
            id.Value = Guid.NewGuid().ToString();
            insert.ExecuteNonQuery();
        }

        tx.Commit();
        return watch.Elapsed;
    }

    private static string Admin(string serverDll, string[] db, params string[] args) =>
        RunToEnd(ServerStart(serverDll, ["admin", .. args, .. db]), "admin " + string.Join(' ', args)).Output;

    /// <summary>
    /// The server program: the build output started with <c>dotnet</c>, or the program as a municipality installs it
    /// (<c>scripts/publish server</c>: Native AOT where it can be built), which <c>WIJKWERK_BENCH_SERVER</c> names.
    /// </summary>
    private static ProcessStartInfo ServerStart(string serverDll, string[] args) =>
        Environment.GetEnvironmentVariable("WIJKWERK_BENCH_SERVER") is { Length: > 0 } installed
            ? new ProcessStartInfo(installed, args)
            : new ProcessStartInfo("dotnet", [serverDll, .. args]);

    /// <summary>Runs a program to its end (both streams read, so neither fills up): its output, time from start to exit and peak working set.</summary>
    private static (string Output, TimeSpan Elapsed, long Peak) RunToEnd(ProcessStartInfo start, string what)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var watch = Stopwatch.StartNew();
        using var process = RunLeftovers.Start(start);
        try
        {
            using var peak = new PeakWorkingSet(process);
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var elapsed = watch.Elapsed;
            // The sampler refreshes the same Process object; once it has stopped, a refresh can no longer race the exit code.
            var top = peak.Stop();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{what}: {errors.Result}{output}");
            return (output, elapsed, top);
        }
        finally
        {
            RunLeftovers.Forget(process);
        }
    }

    private static async Task<(T Result, TimeSpan Elapsed)> Timed<T>(Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        var result = await work();
        return (result, watch.Elapsed);
    }

    private static string Listening(Process server)
    {
        while (server.StandardOutput.ReadLine() is { } line)
        {
            if (Address().Match(line) is { Success: true } match)
            {
                _ = server.StandardOutput.ReadToEndAsync();
                _ = server.StandardError.ReadToEndAsync();
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException("the server did not start");
    }

    [GeneratedRegex(@"(http://127\.0\.0\.1:\d+)")]
    private static partial Regex Address();
}
