using System.Text.Json;
using System.Text.RegularExpressions;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store.Postgres;

/// <summary>
/// Every member of <see cref="ISyncStore"/> but the backup, called in one script on a SQLite and on a PostgreSQL store:
/// both must answer the same, word for word, apart from the ids each store makes itself (numbered by first appearance)
/// and the feed's anchors and change numbers, which each store orders its own way.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class StoreParityTests(PostgresCluster cluster) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { IncludeFields = true };
    private readonly SqliteKind _sqlite = new();
    private readonly PostgresKind _postgres = new(cluster);
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private readonly Guid[] _ids = [.. Enumerable.Range(0, 40).Select(_ => Guid.NewGuid())];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task TheSameScript_GivesTheSameAnswers_OnSqliteAndOnPostgres()
    {
        var onSqlite = await Script(await _sqlite.OpenAsync());
        var onPostgres = await Script(await _postgres.OpenAsync());

        Assert.Contains(onSqlite, line => line.StartsWith("pull ", StringComparison.Ordinal) && line.Contains("\"checksumOfDelivered\":true", StringComparison.Ordinal));
        Assert.Contains(onSqlite, line => line.StartsWith("purge ", StringComparison.Ordinal) && line.Contains("\"clients\":1", StringComparison.Ordinal));
        for (var i = 0; i < Math.Max(onSqlite.Count, onPostgres.Count); i++)
            Assert.Equal(onSqlite.ElementAtOrDefault(i), onPostgres.ElementAtOrDefault(i));
    }

    private async Task<List<string>> Script(ISyncStore store)
    {
        var lines = new List<string>();
        void Say(string what, object? value) => lines.Add(what + " " + JsonSerializer.Serialize(value, Json));
        var now = _now;
        var today = AmsterdamTime.DayOf(now);

        Say("team", await store.AddTeamAsync("Noord", now));
        Say("team", await store.AddTeamAsync("Zuid", now));
        Say("worker", await store.AddWorkerAsync("Anna Zorg", Role.Nurse, "noord", now));
        Say("worker", await store.AddWorkerAsync("Lotte Leiding", Role.TeamLeader, "Noord", now));
        Say("worker", await store.AddWorkerAsync("Kees Wmo", Role.WmoConsultant, "Noord", now));
        Say("duplicate", await Refusal(() => store.AddWorkerAsync("anna zorg", Role.Nurse, "Noord", now)));
        var anna = await Enrol(store, "Anna Zorg", 0, lines);
        var lotte = await Enrol(store, "Lotte Leiding", 1, lines);
        var kees = await Enrol(store, "Kees Wmo", 2, lines);
        Say("expired", await store.EnrolAsync("unknown-code", new NewDevice(_ids[3], "x", "t", "th"), now));

        await store.AddDepartmentAsync("Wonen", now);
        await store.AddDepartmentAsync("Schulden", now);
        await store.RemoveDepartmentAsync("schulden", now);
        Say("departments", await store.ListDepartmentsAsync());
        var mandate = await store.GrantMandateAsync("Lotte Leiding", ["wonen"], today, today.AddMonths(6), now);
        Say("mandate", mandate);
        var second = await store.GrantMandateAsync("Lotte Leiding", ["Wonen"], today.AddDays(1), today.AddMonths(1), now);
        await store.RevokeMandateAsync(second.Id.Value, now);
        Say("mandates", await store.ListMandatesAsync());
        Say("cost table", await store.ImportCostTableAsync(
            [new CostEntry("WON-01", "Woonbegeleiding", Money.FromEuros(61), CostPeriod.PerMonth, today.AddDays(-10), "synthetisch"),
             new CostEntry("SCH-02", "Schuldhulp", Money.FromEuros(120), CostPeriod.PerOccurrence, today.AddDays(-10), "synthetisch")], "kosten.csv", now));
        Say("cost tables", await store.CostTablesAsync());
        Say("budget", await store.SetTeamBudgetAsync("Noord", today.Year, Money.FromEuros(20_000), Money.FromEuros(600), now));
        Say("budgets", await store.ListTeamBudgetsAsync());
        Say("partner", await store.AddFundPartnerAsync("Woningcorporatie Noord", now));
        Say("deposit", await store.AddFundDepositAsync("woningcorporatie noord", Money.FromEuros(5_000), today, now));
        Say("member", await store.AddFundMemberAsync("Anna Zorg", now));
        Say("member", await store.AddFundMemberAsync("Lotte Leiding", now));
        Say("member out", await store.RemoveFundMemberAsync("lotte leiding", now));
        Say("members", await store.ListFundMembersAsync());
        Say("fund", await store.FundAsync());
        Say("pause", await store.SetPauseSettingsAsync(10, now));
        Say("pause", await store.PauseSettingsAsync());

        Say("bottleneck", await store.AddBottleneckAsync("Spookbewoning", now));
        Say("pattern settings", await store.SetPatternSettingsAsync(new PatternSettings(2, 12), now));
        var clients = _ids[10..14];
        var mutation = 0L;
        foreach (var (client, i) in clients.Select((c, i) => (c, i)))
        {
            var request = BudgetRows.Request(client, anna.WorkerId, "Noord", 50) with
            {
                Id = new Id<Core.Domain.Budget.BudgetRequest>(_ids[20 + i]), RequestedAt = now.AddMinutes(-1), BottleneckTag = i < 3 ? "Wachtlijst" : "Wachtrij",
            };
            Say("push", await store.PushAsync(anna,
            [
                new Mutation(++mutation, "clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Cliënt " + i)),
                new Mutation(++mutation, BudgetColumns.RequestTable, request.Id.Value, SyncProtocol.Operations.Insert, 0, BudgetColumns.ToColumns(request)),
            ], now));
        }

        Say("conflict", await store.PushAsync(lotte, [new Mutation(1, "clients", clients[0], SyncProtocol.Operations.Update, 0, new Dictionary<string, string?> { ["notes"] = "van Lotte" })], now));
        Say("accept", await store.AcceptBottleneckAsync("wachtlijst", now));
        Say("merge", await store.MergeBottleneckAsync("Wachtrij", "Wachtlijst", now));
        Say("circle", await Refusal(() => store.MergeBottleneckAsync("Wachtlijst", "Wachtrij", now)));
        Say("bottlenecks", await store.ListBottlenecksAsync());
        Say("detect", await store.DetectPatternsAsync(now));
        Say("patterns", await store.ListPatternsAsync());
        Say("pattern settings", await store.PatternSettingsAsync());
        Say("reference", await store.ReferenceDataAsync(lotte.WorkerId, 0));
        Say("reference unchanged", await store.ReferenceDataAsync(lotte.WorkerId, (await store.ReferenceDataAsync(lotte.WorkerId, 0))!.Version));

        await store.AssignClientAsync(clients[3], "Zuid", now);
        await store.UnassignClientAsync(clients[3], "Noord", now);
        Say("pull", Feed(await store.PullAsync(anna, 0, 1000, now)));
        Say("pull consultant", Feed(await store.PullAsync(kees, 0, 1000, now)));
        Say("audit stored", await store.StoreAuditAsync(anna,
            [new AuditRecord(1, "View", now.AddDays(-3), clients[0], Guid.Empty, "nurse", Guid.Empty, "Success", ""),
             new AuditRecord(2, "View", now, clients[0], Guid.Empty, "nurse", Guid.Empty, "Success", "")], now));
        Say("client audit", await store.ClientAuditAsync(clients[0]));

        Say("files", await store.ClientFilesAsync());
        Say("rows", await store.CountClientRowsAsync([clients[1]]));
        Say("purge", await store.PurgeClientsAsync([clients[1]], now));
        Say("after purge", Feed(await store.PullAsync(lotte, 0, 1000, now)));
        Say("audit before", await store.CountAuditBeforeAsync(now.AddDays(-1)));
        Say("audit purged", await store.PurgeAuditBeforeAsync(now.AddDays(-1)));
        await store.RevokeDeviceAsync(kees.DeviceId, now);
        Say("devices", await store.ListDevicesAsync());
        Say("revoked", await store.FindDeviceAsync("token-hash-2"));
        return [.. lines.Select(Numbered)];
    }

    private async Task<DeviceSession> Enrol(ISyncStore store, string worker, int n, List<string> lines)
    {
        await store.AddEnrolmentCodeAsync(worker, "code-" + n, _now.AddHours(1), _now);
        lines.Add("enrol " + JsonSerializer.Serialize(await store.EnrolAsync("code-" + n, new NewDevice(_ids[n], "laptop " + n, "token-" + n, "token-hash-" + n), _now), Json));
        lines.Add("reused " + JsonSerializer.Serialize(await store.EnrolAsync("code-" + n, new NewDevice(_ids[30 + n], "again", "t", "th" + n), _now), Json));
        return (await store.FindDeviceAsync("token-hash-" + n))!;
    }

    private static async Task<string> Refusal(Func<Task> act) => (await Assert.ThrowsAsync<AdminException>(act)).Message;

    /// <summary>
    /// A page (from the start of the feed) without what each store numbers its own way: the anchor and the changes'
    /// places in the feed; and whether its scope checksum is that of the rows it delivered (its value differs, as the
    /// rows hold the ids each store made); the colleagues by name, as the page lists them in order of the ids each store made.
    /// </summary>
    private static object Feed(PullResponse page)
    {
        var live = new Dictionary<(string, Guid), RowChange>();
        foreach (var change in page.Changes)
        {
            if (change.Deleted || change.Removed)
                live.Remove((change.Table, change.RowId));
            else
                live[(change.Table, change.RowId)] = change;
        }

        var delivered = ScopeChecksum.Sum(live.Values.Select(c => ScopeChecksum.Of(c.Table, c.RowId, c.Version, c.Columns)));
        return new { Changes = page.Changes.Select(c => c with { Seq = 0 }), page.HasMore, page.ScopeCount, ChecksumOfDelivered = page.ScopeChecksum == delivered, Workers = page.Workers?.OrderBy(w => w.Name, StringComparer.Ordinal) };
    }

    /// <summary>The line with every id replaced by its number of first appearance in it, the script's own ids by their place.</summary>
    private string Numbered(string line)
    {
        var seen = new List<string>();
        return GuidPattern().Replace(line, m =>
        {
            var own = Array.FindIndex(_ids, id => id.ToString() == m.Value);
            if (own >= 0)
                return "id" + own;
            if (!seen.Contains(m.Value))
                seen.Add(m.Value);
            return "new" + seen.IndexOf(m.Value);
        });
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();
}
