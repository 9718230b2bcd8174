using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Bench;

/// <summary>
/// The laptop reading one pulled page of 2,000 rows off the wire (a first sync reads 50 of them): 100 clients with 19
/// signals each, shaped like the sync figures' rows.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class PullPageReadBenchmarks
{
    private readonly byte[] _page = Page();

    [Benchmark]
    public int ReadAPageOf2000Rows() => JsonSerializer.Deserialize(_page, ProtocolJson.Default.PullResponse)!.Changes.Count;

    /// <summary>The same page read as it arrives, as the laptop did before it read an answer whole (<see cref="WholeJson"/>).</summary>
    [Benchmark]
    public async Task<int> ReadAPageOf2000RowsAsItArrives() =>
        (await JsonSerializer.DeserializeAsync(new InPieces(_page, 16_384), ProtocolJson.Default.PullResponse))!.Changes.Count;

    private static byte[] Page()
    {
        var changes = new List<RowChange>();
        var at = new DateTimeOffset(2026, 12, 3, 7, 0, 0, TimeSpan.Zero);
        for (var c = 0; c < 100; c++)
        {
            var client = Guid.CreateVersion7(at.AddSeconds(c));
            changes.Add(Change(changes.Count, "clients", client, at, SyncSchema.ColumnsOf("clients").ToDictionary(n => n, n => ClientValue(n, c))));
            for (var s = 0; s < 19; s++)
                changes.Add(Change(changes.Count, "signals", Guid.CreateVersion7(at.AddSeconds(c)), at, SyncSchema.ColumnsOf("signals").ToDictionary(n => n, n => SignalValue(n, client))));
        }

        return JsonSerializer.SerializeToUtf8Bytes(new PullResponse(changes, changes.Count, true, 100_000, 12345), ProtocolJson.Default.PullResponse);
    }

    private static RowChange Change(int seq, string table, Guid id, DateTimeOffset at, Dictionary<string, string?> columns) =>
        new(seq + 1, table, id, 1, false, false, at, Guid.CreateVersion7(at), columns);

    private static string? ClientValue(string column, int i) => column switch
    {
        "first_name" => "Naam" + i,
        "last_name" => "Achternaam" + i,
        "birth_date" => "1950-01-01",
        "postcode" => "1234 AB",
        "house_number" => (1 + i % 900).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "phone" => "0612345678",
        _ => "",
    };

    /// <summary>Values shaped like the bench's signals: ids, names, a date, a line of text.</summary>
    private static string? SignalValue(string column, Guid client) => column switch
    {
        "client_id" => client.ToString(),
        "observation" => "Medicatie kwijt, verward",
        "reported_at" => "2026-12-03T07:00:00.1234567+00:00",
        "assignee" or "picked_up_at" or "bottleneck_tag" => null,
        _ => "Pharmacy",
    };
}
