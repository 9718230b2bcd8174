using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Sqlite;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Patterns;

/// <summary>
/// A real server store (SQLite file) with team Noord (nurse Anna, team leader Lotte), team Zuid (team leader Zora) and
/// Noord's budget for this year; tagged cases arrive as Anna's pushed clients and minimaatwerk requests.
/// </summary>
public sealed class PatternStore : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wijkwerk-patterns-" + Guid.NewGuid().ToString("N"));
    private long _mutation;

    private PatternStore(SqliteSyncStore store) => Store = store;

    public SqliteSyncStore Store { get; private set; } = null!;

    public string DbPath => Path.Combine(_folder, "server.db");

    public DeviceSession Nurse { get; private set; } = null!;

    public DeviceSession Leader { get; private set; } = null!;

    public DeviceSession OtherLeader { get; private set; } = null!;

    public static DateTimeOffset Now => DateTimeOffset.UtcNow;

    public static async Task<PatternStore> Create()
    {
        var result = new PatternStore(null!);
        Directory.CreateDirectory(result._folder);
        var store = new SqliteSyncStore(result.DbPath);
        result.Store = store;
        await store.MigrateAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddTeamAsync("Zuid", Now);
        result.Nurse = await Enrolled(store, "Anna Zorg", Role.Nurse, "Noord");
        result.Leader = await Enrolled(store, "Lotte Leiding", Role.TeamLeader, "Noord");
        result.OtherLeader = await Enrolled(store, "Zora Zuid", Role.TeamLeader, "Zuid");
        await store.SetTeamBudgetAsync("Noord", BudgetRows.Year, Money.FromEuros(100_000), Money.FromEuros(500), Now);
        return result;
    }

    private static async Task<DeviceSession> Enrolled(SqliteSyncStore store, string name, Role role, string team)
    {
        await store.AddWorkerAsync(name, role, team, Now);
        var code = "code-" + name;
        await store.AddEnrolmentCodeAsync(name, code, Now.AddHours(1), Now);
        await store.EnrolAsync(code, new NewDevice(Guid.NewGuid(), "laptop", "token-" + name, "hash-" + name), Now);
        return (await store.FindDeviceAsync("hash-" + name))!;
    }

    /// <summary>A new client of Anna's with one tagged minimaatwerk request per entry; answers the client's id.</summary>
    public async Task<Guid> Client(string tag, int requests = 1)
    {
        var client = Guid.NewGuid();
        var mutations = new List<Mutation> { new(++_mutation, "clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Cliënt" + _mutation)) };
        for (var i = 0; i < requests; i++)
        {
            var request = BudgetRows.Request(client, Nurse.WorkerId, "Noord", 50) with { BottleneckTag = tag };
            mutations.Add(new Mutation(++_mutation, BudgetColumns.RequestTable, request.Id.Value, SyncProtocol.Operations.Insert, 0, BudgetColumns.ToColumns(request)));
        }

        var results = await Store.PushAsync(Nurse, mutations, Now);
        Assert.All(results, r => Assert.True(r.Status == SyncProtocol.Results.Accepted, r.Reason));
        return client;
    }

    /// <summary>A new client of Anna's with the one row <paramref name="row"/> makes for it (a tagged signal, advice or escalation).</summary>
    public async Task<Guid> ClientWith(string table, Func<Guid, IReadOnlyDictionary<string, string?>> row)
    {
        var client = Guid.NewGuid();
        var results = await Store.PushAsync(Nurse,
        [
            new(++_mutation, "clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Cliënt" + _mutation)),
            new(++_mutation, table, Guid.CreateVersion7(), SyncProtocol.Operations.Insert, 0, row(client).ToDictionary()),
        ], Now);
        Assert.All(results, r => Assert.True(r.Status == SyncProtocol.Results.Accepted, r.Reason));
        return client;
    }

    /// <summary>A new client of Anna's with one signal of two days ago under the tag; answers the signal's row id.</summary>
    public async Task<Guid> Signal(string tag)
    {
        var signal = Guid.CreateVersion7();
        var client = Guid.NewGuid();
        await Push(
            new(++_mutation, "clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Cliënt" + _mutation)),
            new(++_mutation, "signals", signal, SyncProtocol.Operations.Insert, 0, new Dictionary<string, string?>(ServerFixture.SignalColumns(client))
            {
                ["reported_at"] = Now.AddDays(-2).ToString("O"),
                [BottleneckTag.Column] = tag,
            }));
        return signal;
    }

    /// <summary>Anna's laptop changes or deletes a row it holds at <paramref name="baseVersion"/>.</summary>
    public Task Change(string table, Guid row, string operation, long baseVersion, Dictionary<string, string?> columns) =>
        Push(new Mutation(++_mutation, table, row, operation, baseVersion, columns));

    private async Task Push(params Mutation[] mutations)
    {
        var results = await Store.PushAsync(Nurse, mutations, Now);
        Assert.All(results, r => Assert.True(r.Status == SyncProtocol.Results.Accepted, r.Reason));
    }

    public async Task<IReadOnlyList<Guid>> Clients(string tag, int count)
    {
        var clients = new List<Guid>();
        for (var i = 0; i < count; i++)
            clients.Add(await Client(tag));
        return clients;
    }

    /// <summary>Pushes the steps as one batch from the device; one result per step, in order.</summary>
    public async Task<IReadOnlyList<MutationResult>> Steps(DeviceSession device, params PatternStep[] steps) =>
        await Store.PushAsync(device, steps.Select(s => new Mutation(++_mutation, PatternColumns.StepTable, s.Id, SyncProtocol.Operations.Insert, 0, PatternColumns.ToColumns(s))).ToList(), Now);

    public static PatternStep Step(DeviceSession by, Pattern pattern, PatternState to, string reason = "", StructuralFix? fix = null) =>
        new(Guid.CreateVersion7(), pattern.Id, to, Now.AddSeconds(-5), new Id<Worker>(by.WorkerId), reason, fix);

    public async Task<Pattern> Single() => Assert.Single(await Store.ListPatternsAsync());

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
