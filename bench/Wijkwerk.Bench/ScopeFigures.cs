using System.Diagnostics;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Bench;

/// <summary>
/// What the value checksum of a laptop's scope costs at the end of every sync: a store filled as a pull
/// fills it (every client column sealed, two household members each), then the checksum computed from
/// the rows (open every sealed value, hash every row). Wall-clock figures from one run: read them as sizes.
/// </summary>
public static class ScopeFigures
{
    public static void Run(int clients)
    {
        using var bench = new BenchStore();
        var sync = new LocalSync(bench.Store);
        var now = DateTimeOffset.UtcNow;
        var worker = Guid.NewGuid();
        long seq = 0;
        var page = new List<RowChange>();
        for (var i = 0; i < clients; i++)
        {
            var client = Guid.CreateVersion7();
            page.Add(new RowChange(++seq, "clients", client, 3, false, false, now, worker, new Dictionary<string, string?>
            {
                ["first_name"] = "Voornaam" + i, ["surname_prefix"] = "", ["surname"] = "Achternaam" + i, ["birth_date"] = "1940-01-02",
                ["postcode"] = "1234 AB", ["house_number"] = (i % 200).ToString(System.Globalization.CultureInfo.InvariantCulture), ["addition"] = "",
                ["phone"] = "0612345678", ["bsn"] = "", ["notes"] = "Wil graag op dinsdag bezoek, na de koffie; dochter belt elke week.",
            }));
            for (var m = 0; m < 2; m++)
            {
                page.Add(new RowChange(++seq, "household_members", Guid.CreateVersion7(), 1, false, false, now, worker, new Dictionary<string, string?>
                {
                    ["client_id"] = client.ToString(), ["name"] = "Huisgenoot " + m, ["relation"] = "Partner", ["birth_date"] = "1941-03-04",
                }));
            }

            if (page.Count >= 1500 || i == clients - 1)
            {
                sync.Apply(new PullResponse(page, seq, i < clients - 1, 0, 0));
                page = [];
            }
        }

        // CPU time beside wall-clock: on a shared machine the wall clock measures the neighbours too.
        var times = new List<(double Wall, double Cpu)>();
        (long Count, uint Checksum) scope = default;
        var process = Process.GetCurrentProcess();
        for (var run = 0; run < 3; run++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            scope = sync.Scope();
            process.Refresh();
            times.Add((watch.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds));
        }

        var best = times.MinBy(t => t.Cpu);
        Console.WriteLine($"scope checksum by value: {scope.Count:N0} rows ({clients:N0} clients, {clients * 10:N0} sealed client values): " +
            $"{best.Cpu:F0} ms CPU, {best.Wall:F0} ms wall ({best.Cpu * 1000 / scope.Count:F1} µs CPU a row); runs (wall/CPU ms): " +
            string.Join(", ", times.Select(t => $"{t.Wall:F0}/{t.Cpu:F0}")));
    }
}
