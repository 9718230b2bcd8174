using System.Globalization;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Sync;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// A push made ready before its device's turn (<see cref="MutationApplier.Prepare"/>, as the push endpoint does) is applied
/// exactly as one prepared in its transaction: the same answers, and the same rows, stamps, checksums and sums stored. A
/// mutation made ready on one Dutch day and applied on the next is judged by the day it is applied. On both stores.
/// </summary>
public abstract class PreparedPushStoreTests(Func<StoreKind> kinds) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly StoreKind _inTransaction = kinds();
    private readonly StoreKind _beforeTurn = kinds();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _inTransaction.DisposeAsync();
        await _beforeTurn.DisposeAsync();
    }

    [Fact]
    public async Task APushMadeReadyBeforeItsTurn_AnswersAndStoresWhatAPushPreparedInItsTransactionDoes()
    {
        Guid client = Guid.NewGuid(), other = Guid.NewGuid(), member = Guid.NewGuid(), second = Guid.NewGuid(), signal = Guid.NewGuid();
        var tomorrow = AmsterdamTime.DayOf(Now).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Mutation[] First() =>
        [
            new(1, "clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Jan")),
            new(2, "household_members", member, SyncProtocol.Operations.Insert, 0, ServerFixture.HouseholdColumns(client)),
            new(3, "signals", signal, SyncProtocol.Operations.Insert, 0, ServerFixture.SignalColumns(client)),
            new(4, "household_members", second, SyncProtocol.Operations.Insert, 0, ServerFixture.HouseholdColumns(client, "Els")),
            new(5, "unknown_table", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, new Dictionary<string, string?>()),
            new(6, "household_members", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, With(ServerFixture.HouseholdColumns(client), "birth_date", tomorrow)),
            // A row the server lacks, sent as an update: judged whole.
            new(7, "clients", other, SyncProtocol.Operations.Update, 0, ServerFixture.ClientColumns("Kees")),
        ];
        // Bram, in Anna's team, writes the client's notes after her first push; her second push wrote them on the version before.
        Mutation[] Brams() => [new(1, "clients", client, SyncProtocol.Operations.Update, 1, new Dictionary<string, string?> { ["notes"] = "Bram belde" })];
        Mutation[] Second() =>
        [
            new(8, "clients", client, SyncProtocol.Operations.Update, 1, new Dictionary<string, string?> { ["notes"] = "Belt liever 's ochtends" }),
            new(9, "signals", signal, SyncProtocol.Operations.Delete, 1, new Dictionary<string, string?>()),
            // An insert of an id the server has: an update from version 0.
            new(10, "clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Johannes")),
        ];

        var (inTransaction, storedInTransaction) = await Pushed(_inTransaction, ready: false, First, Brams, Second);
        var (beforeTurn, storedBeforeTurn) = await Pushed(_beforeTurn, ready: true, First, Brams, Second);

        Assert.Equal(Describe(inTransaction), Describe(beforeTurn));
        Assert.Equal(storedInTransaction, storedBeforeTurn);
        Assert.Equal(new long[] { 5, 6 }, inTransaction.Where(r => r.Status == SyncProtocol.Results.Refused).Select(r => r.MutationId));
        Assert.Contains(storedInTransaction, s => s.StartsWith($"signals | {signal} | {client} | 2 | 1 | ", StringComparison.Ordinal));
        Assert.Contains(storedInTransaction, s => s.StartsWith($"clients | {client} | notes | Bram belde | Belt liever", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMutationMadeReadyOnOneDutchDay_AndAppliedOnTheNext_IsJudgedByTheDayItIsApplied()
    {
        var store = await _beforeTurn.OpenAsync();
        var device = await store.EnrolNoordNurse(Now);
        var client = Guid.NewGuid();
        var today = AmsterdamTime.DayOf(Now);
        var tomorrow = Now;
        while (AmsterdamTime.DayOf(tomorrow) == today)
            tomorrow = tomorrow.AddHours(1);
        Mutation[] mutations =
        [
            new(1, "clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns()),
            new(2, "household_members", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0,
                With(ServerFixture.HouseholdColumns(client), "birth_date", today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        ];

        var ready = MutationApplier.Prepare(device, mutations, Now);
        var (results, _) = await store.PushAsync(device, mutations, [], tomorrow, prepared: ready);

        Assert.NotNull(ready[1]!.Refusal);
        Assert.All(results, r => Assert.Equal(SyncProtocol.Results.Accepted, r.Status));
    }

    /// <summary>
    /// The pushes on a new store by two nurses of Noord; the answers, and every stored row, client sum and conflict with the
    /// devices' and workers' ids replaced (the rows pushed hold none as a value, so their checksums agree too; a conflict's
    /// checksum holds its own new id, so conflicts are compared by what they hold).
    /// </summary>
    private static async Task<(List<MutationResult> Results, List<string> Stored)> Pushed(
        StoreKind kind, bool ready, Func<Mutation[]> first, Func<Mutation[]> brams, Func<Mutation[]> second)
    {
        var store = await kind.OpenAsync();
        var anna = await store.EnrolNoordNurse(Now);
        await store.AddWorkerAsync("Bram", Role.Nurse, "Noord", Now);
        var bram = await StoreDevices.Enrol(store, "Bram", Now);
        var results = new List<MutationResult>();
        foreach (var (device, mutations) in new[] { (anna, first()), (bram, brams()), (anna, second()) })
        {
            var (answers, _) = await store.PushAsync(device, mutations, [], Now, prepared: ready ? MutationApplier.Prepare(device, mutations, Now) : null);
            results.AddRange(answers);
        }

        var stored = new List<string>();
        await using var db = await kind.ConnectAsync();
        foreach (var sql in new[]
                 {
                     "SELECT tbl, row_id, client_id, version, deleted, columns, column_versions, checksum, updated_by, updated_device, seq, pushed_seq FROM rows ORDER BY tbl, row_id;",
                     // A client's sum less its conflicts' checksums (modulo 2^32, as sums are kept): what its rows add up to.
                     """
                     SELECT s.client_id, s.row_count,
                         ((s.checksum - COALESCE((SELECT sum(c.checksum) FROM conflicts c WHERE c.client_id = s.client_id), 0)) % 4294967296 + 4294967296) % 4294967296
                     FROM client_sums s ORDER BY s.client_id;
                     """,
                     "SELECT tbl, row_id, column_name, kept_value, other_value FROM conflicts ORDER BY tbl, row_id, column_name;",
                 })
        {
            await using var cmd = db.CreateCommand();
            cmd.CommandText = sql;
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var line = string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)));
                stored.Add(line.Replace(anna.DeviceId.ToString(), "ANNA-DEVICE").Replace(anna.WorkerId.ToString(), "ANNA")
                    .Replace(bram.DeviceId.ToString(), "BRAM-DEVICE").Replace(bram.WorkerId.ToString(), "BRAM"));
            }
        }

        return (results, stored);
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> columns, string column, string value)
    {
        columns[column] = value;
        return columns;
    }

    private static IEnumerable<string> Describe(IEnumerable<MutationResult> results) =>
        results.Select(r => $"{r.MutationId} {r.Status} v{r.Version} {r.Reason} [{string.Join(',', r.ConflictColumns)}]");

    public sealed class OnSqlite() : PreparedPushStoreTests(() => new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : PreparedPushStoreTests(() => new PostgresKind(cluster));
}
