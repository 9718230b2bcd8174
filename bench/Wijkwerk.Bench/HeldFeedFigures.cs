using System.Diagnostics;
using Npgsql;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Postgres;

namespace Wijkwerk.Bench;

/// <summary>
/// What a pull does while a transaction elsewhere stays open on PostgreSQL (issue 15): a writer pushes 10 changes every
/// 100 ms and a reader pulls every 200 ms, for a spell with nothing open (the reference, same run), a spell of N seconds
/// with a transaction held open on another connection, and the spell after it ends. Per spell: pulls, pull latency
/// (median, p95, max), rows served, and the rows waiting above the horizon at its end. PostgreSQL from WIJKWERK_BENCH_PG
/// (a database this run empties).
/// </summary>
public static class HeldFeedFigures
{
    private static readonly TimeSpan WriteEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan PullEvery = TimeSpan.FromMilliseconds(200);

    public static async Task Run(int seconds)
    {
        var connection = Environment.GetEnvironmentVariable("WIJKWERK_BENCH_PG");
        if (connection is null or "")
        {
            Console.WriteLine("held: set WIJKWERK_BENCH_PG to a PostgreSQL database connection string (the run empties its public schema)");
            return;
        }

        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using var empty = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", db);
            await empty.ExecuteNonQueryAsync();
        }

        var store = new PostgresSyncStore(connection);
        await store.MigrateAsync();
        var now = DateTimeOffset.UtcNow;
        await store.AddTeamAsync("Noord", now);
        await store.AddWorkerAsync("Anna Zorg", Role.Nurse, "Noord", now);
        var writer = await Device(store, 1);
        var reader = await Device(store, 2);
        var state = new Traffic(store, writer, reader);
        await state.CatchUp();

        var spell = TimeSpan.FromSeconds(seconds);
        Console.WriteLine($"Feed held back, PostgreSQL store, writes of 10 rows every {WriteEvery.TotalMilliseconds} ms, a pull every {PullEvery.TotalMilliseconds} ms, spells of {seconds} s:");
        Print("nothing open (reference)", await state.Spell(spell), await store.FeedHoldAsync());
        await using var other = new NpgsqlConnection(connection);
        await other.OpenAsync();
        await using var open = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_current_xact_id();", other, open))
            await take.ExecuteScalarAsync();
        Print("a transaction held open elsewhere", await state.Spell(spell), await store.FeedHoldAsync());
        await open.RollbackAsync();
        Print("after it ended", await state.Spell(spell), await store.FeedHoldAsync());
    }

    private static void Print(string name, IReadOnlyList<(double Ms, int Rows)> pulls, FeedHold hold)
    {
        var ms = pulls.Select(p => p.Ms).Order().ToList();
        var first = pulls.Count > 0 ? pulls[0] : (0, 0);
        Console.WriteLine(FormattableString.Invariant(
            $"  {name}: {pulls.Count} pulls, latency median {ms[ms.Count / 2]:F1} ms, p95 {ms[(int)(ms.Count * 0.95)]:F1} ms, max {ms[^1]:F1} ms; rows served {pulls.Sum(p => p.Rows)} (first pull {first.Item2} rows in {first.Item1:F1} ms); waiting at the end {hold.Waiting}"));
    }

    private static async Task<DeviceSession> Device(ISyncStore store, int n)
    {
        var now = DateTimeOffset.UtcNow;
        await store.AddEnrolmentCodeAsync("Anna Zorg", "code-" + n, now.AddHours(1), now);
        await store.EnrolAsync("code-" + n, new NewDevice(Guid.NewGuid(), "laptop " + n, "token-" + n, "hash-" + n), now);
        return (await store.FindDeviceAsync("hash-" + n))!;
    }

    private static Dictionary<string, string?> Columns() => new()
    {
        ["first_name"] = "Cliënt", ["surname_prefix"] = "", ["surname"] = "Proef", ["birth_date"] = "1950-01-02",
        ["postcode"] = "1234AB", ["house_number"] = "5", ["addition"] = "", ["phone"] = "", ["bsn"] = "", ["notes"] = "",
    };

    /// <summary>The writer and the reader, with the reader's anchor carried from spell to spell.</summary>
    private sealed class Traffic(ISyncStore store, DeviceSession writer, DeviceSession reader)
    {
        private long _anchor;
        private long _mutation;

        public async Task CatchUp()
        {
            PullResponse page;
            do
            {
                page = await store.PullAsync(reader, _anchor, 1000, DateTimeOffset.UtcNow);
                _anchor = page.NextAnchor;
            }
            while (page.HasMore);
        }

        public async Task<IReadOnlyList<(double Ms, int Rows)>> Spell(TimeSpan length)
        {
            using var stop = new CancellationTokenSource(length);
            var writing = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var batch = Enumerable.Range(0, 10).Select(_ => new Mutation(Interlocked.Increment(ref _mutation), "clients", Guid.CreateVersion7(), SyncProtocol.Operations.Insert, 0,
                        Columns())).ToList();
                    var results = await store.PushAsync(writer, batch, DateTimeOffset.UtcNow);
                    if (results.Any(r => r.Status != SyncProtocol.Results.Accepted))
                        throw new InvalidOperationException("the store refused a benchmark row: " + results.First(r => r.Status != SyncProtocol.Results.Accepted).Reason);
                    await Task.Delay(WriteEvery);
                }
            });

            var pulls = new List<(double, int)>();
            while (!stop.IsCancellationRequested)
            {
                var watch = Stopwatch.StartNew();
                var page = await store.PullAsync(reader, _anchor, 1000, DateTimeOffset.UtcNow);
                pulls.Add((watch.Elapsed.TotalMilliseconds, page.Changes.Count));
                _anchor = page.NextAnchor;
                await Task.Delay(PullEvery);
            }

            await writing;
            return pulls;
        }
    }
}
