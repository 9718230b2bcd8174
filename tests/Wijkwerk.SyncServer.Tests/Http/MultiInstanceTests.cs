using System.Net;
using System.Security.Cryptography;
using System.Text;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>
/// Issue 15: two server processes on one PostgreSQL database, any instance serving any request of any device. The
/// enrolment limit is one count for both; the same push through both at once is applied once with the same answers;
/// and many laptops pushing and pulling through both alternately end up each holding every committed row of their scope.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MultiInstanceTests(PostgresCluster cluster) : IDisposable
{
    private const int Laptops = 8;
    private const int Rounds = 5;
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkwerk-multi-").FullName;

    [Fact]
    public async Task EnrolmentLimit_IsOneCountForBothInstances()
    {
        await using var servers = await TwoInstances.StartAsync(cluster, Logs, [], enrolPermitsPerMinute: 3);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await servers.Http(i % 2).SendAsync(SyncClient.Request(HttpMethod.Post, SyncProtocol.EnrolPath, null,
                SyncClient.JsonBody("""{"code":"AAAA-BBBB","deviceName":"x"}""")));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 3), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5)], statuses);
    }

    [Fact]
    public async Task ManyLaptops_PushingAndPullingThroughBothInstances_EachHoldEveryRowOnce()
    {
        var nurses = Enumerable.Range(1, Laptops).Select(i => $"Verpleegkundige{i}").ToList();
        await using var servers = await TwoInstances.StartAsync(cluster, Logs, nurses);
        var laptops = await Task.WhenAll(nurses.Select((n, i) => servers.Enrol(n, i % 2)).Select(async e => new Laptop(await e)));
        var expectedVersions = new Dictionary<Guid, long>();
        var expectedNotes = new Dictionary<Guid, string>();

        for (var round = 0; round < Rounds; round++)
        {
            var batches = laptops.Select(l => l.NextBatch(round)).ToList();
            await Task.WhenAll(laptops.Select((laptop, i) => laptop.PushTwiceAtOnce(servers, batches[i])));
            await Task.WhenAll(laptops.Select((laptop, i) => laptop.PullAll(servers.Http((i + round + 1) % 2))));
        }

        await Task.WhenAll(laptops.Select((laptop, i) => laptop.PullAll(servers.Http(i % 2))));
        foreach (var laptop in laptops)
        {
            foreach (var (client, updates) in laptop.UpdatesPerClient)
                expectedVersions[client] = 1 + updates;
            foreach (var (client, notes) in laptop.Notes)
                expectedNotes[client] = notes;
        }

        var stored = await servers.StoredRows("clients");
        var truth = Fingerprint(stored.Select(r => (r.Key, r.Value.Version, (IReadOnlyDictionary<string, string?>)r.Value.Columns)));
        Assert.Equal(Laptops * Rounds, stored.Count);
        // Each update was sent through both instances at once: a second application would have raised the version again.
        Assert.Equal(expectedVersions.OrderBy(e => e.Key), stored.Select(r => KeyValuePair.Create(r.Key, r.Value.Version)).OrderBy(e => e.Key));
        Assert.Equal(Laptops * (Rounds + (Rounds * (Rounds - 1) / 2)), await servers.Count("SELECT count(*) FROM applied_mutations;"));
        Assert.Equal(0, await servers.Count("SELECT count(*) FROM conflicts;"));
        Assert.All(stored, r => Assert.Equal(expectedNotes[r.Key], r.Value.Columns["notes"]));
        foreach (var laptop in laptops)
        {
            Assert.Equal(stored.Count, laptop.Rows.Count);
            Assert.Equal(truth, Fingerprint(laptop.Rows.Select(r => (r.Key, r.Value.Version, r.Value.Columns))));
        }

        // The request log's "{method} {path} {status} in {ms} ms": a status, not a request that took 500 ms.
        Assert.DoesNotContain(" 500 in ", servers.Log(0) + servers.Log(1));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Logs => Path.Combine(_folder, "logs");

    /// <summary>A checksum by value: every row's id, version and the columns the laptops write, in id order.</summary>
    private static string Fingerprint(IEnumerable<(Guid Id, long Version, IReadOnlyDictionary<string, string?> Columns)> rows) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows.OrderBy(r => r.Id)
            .Select(r => $"{r.Id}|{r.Version}|{r.Columns["first_name"]}|{r.Columns["notes"]}")))));

    /// <summary>
    /// One laptop, as the wire protocol sees it: it adds a client each round and changes the notes of every client it
    /// added before, keeps its own anchor, and holds what it pulled (the newest version of each client).
    /// </summary>
    private sealed class Laptop(EnrolResponse enrolled)
    {
        private readonly List<(Guid Id, long Version)> _own = [];
        private long _nextMutation;
        private long _anchor;

        public Dictionary<Guid, (long Version, IReadOnlyDictionary<string, string?> Columns)> Rows { get; } = [];

        public Dictionary<Guid, long> UpdatesPerClient { get; } = [];

        /// <summary>The notes this laptop last wrote on each of its clients.</summary>
        public Dictionary<Guid, string> Notes { get; } = [];

        public Mutation[] NextBatch(int round)
        {
            var batch = new List<Mutation>();
            foreach (var (id, version) in _own)
            {
                var notes = $"ronde {round} door {enrolled.DeviceId}";
                Notes[id] = notes;
                UpdatesPerClient[id] = UpdatesPerClient.GetValueOrDefault(id) + 1;
                batch.Add(new Mutation(++_nextMutation, "clients", id, SyncProtocol.Operations.Update, version, new Dictionary<string, string?> { ["notes"] = notes }));
            }

            var client = Guid.NewGuid();
            var columns = ServerFixture.ClientColumns($"Client{round}");
            columns["notes"] = "nieuw";
            Notes[client] = "nieuw";
            UpdatesPerClient[client] = 0;
            batch.Add(new Mutation(++_nextMutation, "clients", client, SyncProtocol.Operations.Insert, 0, columns));
            return [.. batch];
        }

        /// <summary>The same batch through both instances at the same moment (a retry that overtook its first try): both answers must be the same.</summary>
        public async Task PushTwiceAtOnce(TwoInstances servers, Mutation[] batch)
        {
            var answers = await Task.WhenAll(Push(servers.Http(0), batch), Push(servers.Http(1), batch));
            Assert.Equal(Describe(answers[0]), Describe(answers[1]));
            Assert.All(answers[0].Results, r => Assert.Equal(SyncProtocol.Results.Accepted, r.Status));
            _own.Clear();
            foreach (var result in answers[0].Results)
                _own.Add((batch.Single(m => m.MutationId == result.MutationId).RowId, result.Version));
        }

        public async Task PullAll(HttpClient http)
        {
            var (changes, last) = await new SyncClient(http, enrolled.Token, enrolled.DeviceId, enrolled.WorkerId, enrolled.Role).PullAll(_anchor);
            _anchor = last.NextAnchor;
            foreach (var change in changes.Where(c => c.Table == "clients"))
            {
                if (change.Deleted || change.Removed)
                    Rows.Remove(change.RowId);
                else if (!Rows.TryGetValue(change.RowId, out var held) || held.Version < change.Version)
                    Rows[change.RowId] = (change.Version, change.Columns);
            }
        }

        private async Task<PushResponse> Push(HttpClient http, Mutation[] batch) =>
            await new SyncClient(http, enrolled.Token, enrolled.DeviceId, enrolled.WorkerId, enrolled.Role).Push(batch);

        private static string Describe(PushResponse response) =>
            string.Join(';', response.Results.Select(r => $"{r.MutationId}:{r.Status}:{r.Version}:{r.Reason}:{string.Join(',', r.ConflictColumns)}"));
    }
}
