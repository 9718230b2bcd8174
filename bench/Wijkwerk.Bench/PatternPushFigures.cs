using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Sqlite;

namespace Wijkwerk.Bench;

/// <summary>
/// What pattern detection adds to a push (issue 14, issue 15's 100 changes in 50 ms): the real server store on a
/// SQLite file that already holds 10,000 tagged signals of 2,000 clients under 50 tags, then pushes of 100 and 500
/// tagged signals under five of those tags, beside the same pushes of untagged signals and of new clients (a table no
/// pattern reads) as references. Each push stores new rows, three runs each; wall-clock and CPU from one run: read them as sizes.
/// </summary>
public static class PatternPushFigures
{
    private const int StoredRows = 10_000;
    private const int StoredClients = 2_000;
    private const int Tags = 50;

    public static async Task Run()
    {
        var folder = RunLeftovers.Folder("wijkwerk-patternbench-");
        try
        {
            var store = new SqliteSyncStore(Path.Combine(folder, "server.db"));
            await store.MigrateAsync();
            var now = DateTimeOffset.UtcNow;
            await store.AddTeamAsync("Noord", now);
            await store.AddWorkerAsync("Anna Zorg", Role.Nurse, "Noord", now);
            await store.AddEnrolmentCodeAsync("Anna Zorg", "code", now.AddHours(1), now);
            await store.EnrolAsync("code", new NewDevice(Guid.NewGuid(), "laptop", "token", "hash"), now);
            var nurse = (await store.FindDeviceAsync("hash"))!;
            var push = new Pusher(store, nurse);

            var clients = Enumerable.Range(0, StoredClients).Select(_ => Guid.CreateVersion7()).ToList();
            foreach (var chunk in clients.Chunk(500))
                await push.Send(chunk.Select(c => push.Mutation("clients", c, ClientColumns(c))));
            var fill = Enumerable.Range(0, StoredRows).Select(i => push.Mutation("signals", Guid.CreateVersion7(), Signal(clients[i % StoredClients], i, "Knelpunt " + (i % Tags))));
            var filled = Stopwatch.StartNew();
            foreach (var chunk in fill.Chunk(500))
                await push.Send(chunk);
            Console.WriteLine($"store filled: {StoredRows:N0} tagged signals of {StoredClients:N0} clients under {Tags} tags in {filled.Elapsed.TotalSeconds:F1} s; {(await store.ListPatternsAsync()).Count} patterns");

            foreach (var size in (int[])[100, 500])
            {
                var tagged = await Measure(push, size, i => "Knelpunt " + (i % 5));
                var untagged = await Measure(push, size, _ => null);
                Console.WriteLine($"push of {size} signals: tagged {Figures(tagged.Signals)}; untagged signals (reference) {Figures(untagged.Signals)}; " +
                    $"{size} new clients (reference, no pattern source) {Figures([.. tagged.Clients, .. untagged.Clients])}");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            RunLeftovers.Remove(folder);
        }

        // Each run pushes new clients first (timed: rows of a table no pattern reads, a second reference), then one signal each.
        async Task<(List<(double Wall, double Cpu)> Clients, List<(double Wall, double Cpu)> Signals)> Measure(Pusher push, int size, Func<int, string?> tag)
        {
            var (clientRuns, signalRuns) = (new List<(double, double)>(), new List<(double, double)>());
            for (var run = 0; run < 3; run++)
            {
                var clients = Enumerable.Range(0, size).Select(_ => Guid.CreateVersion7()).ToList();
                clientRuns.Add(await Timed(() => push.Send(clients.Select(c => push.Mutation("clients", c, ClientColumns(c))))));
                var batch = clients.Select((c, i) => push.Mutation("signals", Guid.CreateVersion7(), Signal(c, i, tag(i)))).ToList();
                signalRuns.Add(await Timed(() => push.Send(batch)));
            }

            return (clientRuns, signalRuns);
        }
    }

    private static async Task<(double Wall, double Cpu)> Timed(Func<Task> work)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await work();
        process.Refresh();
        return (watch.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static string Figures(List<(double Wall, double Cpu)> runs)
    {
        var median = runs.OrderBy(r => r.Wall).ElementAt(runs.Count / 2);
        return $"median {median.Wall:F0} ms wall / {median.Cpu:F0} ms CPU (runs wall/CPU ms: {string.Join(", ", runs.Select(r => $"{r.Wall:F0}/{r.Cpu:F0}"))})";
    }

    private static Dictionary<string, string?> ClientColumns(Guid client) => new()
    {
        ["first_name"] = "Cliënt", ["surname_prefix"] = "", ["surname"] = client.ToString("N")[..8], ["birth_date"] = "1950-01-02",
        ["postcode"] = "1234AB", ["house_number"] = "5", ["addition"] = "", ["phone"] = "", ["bsn"] = "", ["notes"] = "",
    };

    private static Dictionary<string, string?> Signal(Guid client, int i, string? tag)
    {
        var columns = new Dictionary<string, string?>
        {
            ["client_id"] = client.ToString(), ["source"] = "Pharmacy", ["observation"] = "Post stapelt zich op", ["life_domains"] = "1,2",
            ["urgency"] = "Normal", ["consent_in_consultation"] = "1", ["status"] = "New", ["source_other"] = "", ["consent_reason"] = "",
            ["reported_at"] = DateTimeOffset.UtcNow.AddDays(-(i % 300)).ToString("O", CultureInfo.InvariantCulture),
        };
        if (tag is not null)
            columns[BottleneckTag.Column] = tag;
        return columns;
    }

    private sealed class Pusher(SqliteSyncStore store, DeviceSession device)
    {
        private long _mutation;

        public Mutation Mutation(string table, Guid row, Dictionary<string, string?> columns) =>
            new(++_mutation, table, row, SyncProtocol.Operations.Insert, 0, columns);

        public async Task Send(IEnumerable<Mutation> mutations)
        {
            var results = await store.PushAsync(device, mutations.ToList(), DateTimeOffset.UtcNow);
            if (results.FirstOrDefault(r => r.Status != SyncProtocol.Results.Accepted) is { } refused)
                throw new InvalidOperationException($"the benchmark's push was refused: {refused.Reason}");
        }
    }
}
