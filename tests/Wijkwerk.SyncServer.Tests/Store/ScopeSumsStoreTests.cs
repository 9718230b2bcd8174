using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Sqlite;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// The sums a pull reports cover each row's values and exactly the rows the device receives: the team's
/// devices their caseload and its conflict records, a consultant submitted advice, its thread and the
/// clients who have one, and no conflict records.
/// </summary>
public abstract class ScopeSumsStoreTests(StoreKind kind) : StoreTest(kind)
{
    private int _mutation;

    [Fact]
    public async Task ScopeChecksum_ChangesWithAValue_AtTheSameVersion()
    {
        var (store, nurse, _, _) = await World();
        var client = await NewClient(store, nurse);
        var (changes, page) = await PullAll(store, nurse);
        var row = Assert.Single(changes);
        var tampered = new Dictionary<string, string?>(row.Columns) { ["notes"] = "anders" };

        Assert.Equal(ScopeChecksum.Of("clients", client, row.Version, row.Columns), page.ScopeChecksum);
        Assert.NotEqual(ScopeChecksum.Of("clients", client, row.Version, tampered), page.ScopeChecksum);
        Assert.Equal(ScopeChecksum.Of("clients", client, 1, new Dictionary<string, string?>(row.Columns) { ["phone"] = "" }),
            ScopeChecksum.Of("clients", client, 1, new Dictionary<string, string?>(row.Columns) { ["phone"] = null }));
    }

    [Fact]
    public async Task OnlyTheLastPage_CarriesTheSums_OfTheWholeScope()
    {
        var (store, nurse, _, _) = await World();
        for (var i = 0; i < 7; i++)
            await NewClient(store, nurse);

        var pages = new List<PullResponse>();
        var after = 0L;
        do
        {
            pages.Add(await store.PullAsync(nurse, after, 3, Now));
            after = pages[^1].NextAnchor;
        }
        while (pages[^1].HasMore && pages.Count < 10);

        Assert.Equal(3, pages.Count);
        Assert.All(pages[..^1], page => Assert.Equal((0L, 0u), (page.ScopeCount, page.ScopeChecksum)));
        Assert.Equal(SumOf(pages.SelectMany(p => p.Changes)), (pages[^1].ScopeCount, pages[^1].ScopeChecksum));
        Assert.Equal(7, pages[^1].ScopeCount);
    }

    [Fact]
    public async Task Consultant_ReceivesOnlySubmittedAdviceAndTheirClients_NoConflicts_AndItsSumsCoverExactlyThat()
    {
        var (store, nurse, otherLaptop, consultant) = await World();
        var withdrawnConcept = await NewClient(store, nurse);
        var concept = await NewAdvice(store, nurse, withdrawnConcept, submitted: false);
        await Push(store, nurse, AdviceColumns.AdviceTable, concept.Id.Value, "update", 1,
            new() { ["status"] = nameof(AdviceStatus.Withdrawn) });
        var submitted = await NewClient(store, nurse);
        var advice = await NewAdvice(store, nurse, submitted, submitted: true);
        var caseloadOnly = await NewClient(store, nurse);
        await Push(store, nurse, "clients", submitted, "update", 1, new() { ["notes"] = "van laptop 1" });
        await Push(store, otherLaptop, "clients", submitted, "update", 1, new() { ["notes"] = "van laptop 2" });

        var (received, page) = await PullAll(store, consultant);
        var (nurseReceived, _) = await PullAll(store, nurse);

        Assert.Equal(
            new[] { ("clients", submitted), (AdviceColumns.AdviceTable, advice.Id.Value) }.Order(),
            received.Select(c => (c.Table, c.RowId)).Order());
        Assert.Equal(SumOf(received), (page.ScopeCount, page.ScopeChecksum));
        Assert.Contains(nurseReceived, c => c.RowId == caseloadOnly);
        Assert.Contains(nurseReceived, c => c.Table == SyncProtocol.ConflictsTable);
    }

    [Fact]
    public async Task FirstSubmission_BringsTheClientToAConsultantWhoseAnchorIsPastIt()
    {
        var (store, nurse, _, consultant) = await World();
        var client = await NewClient(store, nurse);
        var concept = await NewAdvice(store, nurse, client, submitted: false);
        var (nothing, before) = await PullAll(store, consultant);

        var submittedAt = AdviceColumns.ToColumns(concept.Submit(Author(nurse), Now, Today).Value);
        await Push(store, nurse, AdviceColumns.AdviceTable, concept.Id.Value, "update", 1,
            new() { ["status"] = submittedAt["status"], [AdviceColumns.SubmittedColumn] = submittedAt[AdviceColumns.SubmittedColumn] });
        var (arrived, after) = await PullAll(store, consultant, before.NextAnchor);

        Assert.Empty(nothing);
        Assert.Equal((0, 0u), (before.ScopeCount, before.ScopeChecksum));
        Assert.Equal(new[] { ("clients", client), (AdviceColumns.AdviceTable, concept.Id.Value) }.Order(), arrived.Select(c => (c.Table, c.RowId)).Order());
        Assert.Equal(SumOf(arrived), (after.ScopeCount, after.ScopeChecksum));
    }

    [Fact]
    public async Task AConflictOnAConceptAdvice_NeverReachesTheConsultant_NotEvenAfterSubmission()
    {
        var (store, nurse, otherLaptop, consultant) = await World();
        var client = await NewClient(store, nurse);
        var concept = await NewAdvice(store, nurse, client, submitted: false);
        await Push(store, nurse, AdviceColumns.AdviceTable, concept.Id.Value, "update", 1, new() { ["rationale"] = "Eerste opzet, nog niet voor de gemeente." });
        var conflict = await Push(store, otherLaptop, AdviceColumns.AdviceTable, concept.Id.Value, "update", 1, new() { ["rationale"] = "Tweede opzet." });
        var submittedAt = AdviceColumns.ToColumns(concept.Submit(Author(nurse), Now, Today).Value);
        await Push(store, nurse, AdviceColumns.AdviceTable, concept.Id.Value, "update", 2,
            new() { ["status"] = submittedAt["status"], [AdviceColumns.SubmittedColumn] = submittedAt[AdviceColumns.SubmittedColumn] });

        var (received, page) = await PullAll(store, consultant);

        Assert.Equal(SyncProtocol.Results.Conflict, conflict.Status);
        Assert.DoesNotContain(received, c => c.Table == SyncProtocol.ConflictsTable);
        Assert.Contains(received, c => c.RowId == concept.Id.Value);
        Assert.Equal(SumOf(received), (page.ScopeCount, page.ScopeChecksum));
    }

    [Fact]
    public async Task AWorkerInTwoTeams_ReceivesASharedClientOnce_AndTheSumsCountItOnce_AWorkerInNoTeamReceivesNothing()
    {
        var (store, nurse, _, _) = await World();
        await store.AddTeamAsync("Zuid", Now);
        await store.AddWorkerAsync("Bram", Role.Nurse, "Zuid", Now);
        await store.AddWorkerAsync("Cor", Role.Nurse, "Zuid", Now);
        var zuid = await Device(store, "Bram");
        var teamless = await Device(store, "Cor");
        var shared = await NewClient(store, nurse);
        var noordOnly = await NewClient(store, nurse);
        var zuidOnly = await NewClient(store, zuid);
        await Push(store, zuid, "clients", zuidOnly, "update", 1, new() { ["notes"] = "van Zuid" });
        // As an administrator would: the shared client joins Zuid's caseload too, Anna joins Zuid, Cor leaves every team.
        await Exec("INSERT INTO team_clients(team_id, client_id, assigned_at) SELECT id, @c, @at FROM teams WHERE name = 'Zuid'", ("@c", shared.ToString("D")), ("@at", "2026-11-01T09:00:00Z"));
        await Exec("INSERT INTO worker_teams(worker_id, team_id) SELECT w.id, t.id FROM workers w, teams t WHERE w.name = 'Anna' AND t.name = 'Zuid'");
        await Exec("DELETE FROM worker_teams WHERE worker_id = (SELECT id FROM workers WHERE name = 'Cor')");

        var (received, page) = await PullAll(store, nurse);
        var (nothing, empty) = await PullAll(store, teamless);

        Assert.Equal(new[] { shared, noordOnly, zuidOnly }.Order(), received.Select(c => c.RowId).Distinct().Order());
        Assert.Equal(3, received.Count);
        Assert.Equal(SumOf(received), (page.ScopeCount, page.ScopeChecksum));
        Assert.Equal(3, page.ScopeCount);
        Assert.Empty(nothing);
        Assert.Equal((0L, 0u), (empty.ScopeCount, empty.ScopeChecksum));
    }

    private async Task Exec(string sql, params (string Name, object Value)[] parameters)
    {
        await using var db = await Kind.ConnectAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            cmd.Parameters.Add(parameter);
        }

        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<(ISyncStore Store, DeviceSession Nurse, DeviceSession OtherLaptop, DeviceSession Consultant)> World()
    {
        var store = await Kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        await store.AddWorkerAsync("Kees", Role.WmoConsultant, "Noord", Now);
        return (store, await Device(store, "Anna"), await Device(store, "Anna"), await Device(store, "Kees"));
    }

    private static Task<DeviceSession> Device(ISyncStore store, string worker) => StoreDevices.Enrol(store, worker, Now);

    private static Worker Author(DeviceSession device) => new(new Id<Worker>(device.WorkerId), "Anna", Role.Nurse, []);

    private async Task<Guid> NewClient(ISyncStore store, DeviceSession device)
    {
        var id = Guid.NewGuid();
        await Push(store, device, "clients", id, "insert", 0, ServerFixture.ClientColumns());
        return id;
    }

    private async Task<IndicationAdvice> NewAdvice(ISyncStore store, DeviceSession device, Guid client, bool submitted)
    {
        var advice = IndicationAdvice.Draft(new Id<IndicationAdvice>(Guid.CreateVersion7()), new Id<Client>(client), Author(device), "Noord",
            AdviceServerFixture.Content(), Now, Today).Value;
        if (submitted)
            advice = advice.Submit(Author(device), Now, Today).Value;
        await Push(store, device, AdviceColumns.AdviceTable, advice.Id.Value, "insert", 0, AdviceColumns.ToColumns(advice));
        return advice;
    }

    private async Task<MutationResult> Push(ISyncStore store, DeviceSession device, string table, Guid row, string operation, long version, Dictionary<string, string?> columns)
    {
        var result = Assert.Single(await store.PushAsync(device, [new Mutation(++_mutation, table, row, operation, version, columns)], Now));
        Assert.NotEqual(SyncProtocol.Results.Refused, result.Status);
        return result;
    }

    private static async Task<(List<RowChange> Changes, PullResponse Last)> PullAll(ISyncStore store, DeviceSession device, long after = 0)
    {
        var changes = new List<RowChange>();
        var last = await CatchUp.Pull(from => store.PullAsync(device, from, 3, Now), after, page => changes.AddRange(page.Changes));
        return (changes, last);
    }

    /// <summary>Count and checksum of the live rows in a feed, as a laptop that applied it computes them.</summary>
    private static (long, uint) SumOf(IEnumerable<RowChange> changes)
    {
        var live = new Dictionary<(string, Guid), RowChange>();
        foreach (var change in changes)
        {
            if (change.Deleted || change.Removed)
                live.Remove((change.Table, change.RowId));
            else
                live[(change.Table, change.RowId)] = change;
        }

        return (live.Count, ScopeChecksum.Sum(live.Values.Select(c => ScopeChecksum.Of(c.Table, c.RowId, c.Version, c.Columns))));
    }

    public sealed class OnSqlite() : ScopeSumsStoreTests(new SqliteKind())
    {
        private SqliteKind Sqlite => (SqliteKind)Kind;

        [Fact]
        public async Task Migration5_RecomputesEveryRowAndConflictChecksumAndBothClientSums_FromTheValues()
        {
            var (store, nurse, otherLaptop, consultant) = await World();
            var client = await NewClient(store, nurse);
            await Push(store, nurse, "clients", client, "update", 1, new() { ["notes"] = "van laptop 1" });
            await Push(store, otherLaptop, "clients", client, "update", 1, new() { ["notes"] = "van laptop 2" });
            await NewAdvice(store, nurse, client, submitted: true);
            var (_, before) = await PullAll(store, nurse);
            var (_, beforeReview) = await PullAll(store, consultant);
            Exec("UPDATE rows SET checksum = 1; UPDATE conflicts SET checksum = 2; UPDATE client_sums SET checksum = 3, row_count = 99; " +
                 "DELETE FROM client_sums_review; DELETE FROM schema_migrations WHERE number >= 5; " +
                 // Step 17's triggers first: SQLite checks every trigger's tables when a table is altered.
                 "DROP TRIGGER workers_names_insert; DROP TRIGGER workers_names_update; DROP TRIGGER workers_names_delete; " +
                 "DROP TRIGGER worker_teams_names_insert; DROP TRIGGER worker_teams_names_update; DROP TRIGGER worker_teams_names_delete; " +
                 // A store at version 4: the later steps' tables go too, so steps 5 to 17 run again in order.
                 "DROP TABLE departments; DROP TABLE mandates; DROP TABLE cost_tables; DROP TABLE cost_entries; DROP TABLE team_budgets; " +
                 "DROP TABLE fund_partners; DROP TABLE fund_deposits; DROP TABLE fund_members; DROP TABLE client_sums_fund; DROP TABLE bottleneck_tags; " +
                 "DROP TABLE pattern_steps; DROP TABLE patterns; DROP TABLE pattern_settings; DROP TABLE pause_settings; DROP TABLE tagged_rows; DROP TABLE store_settings; " +
                 "ALTER TABLE rows DROP COLUMN pushed_seq; DELETE FROM counters WHERE name = 'reference';");

            await new SqliteSyncStore(Sqlite.DbPath).MigrateAsync();

            var (changes, after) = await PullAll(store, nurse);
            var (reviewChanges, afterReview) = await PullAll(store, consultant);
            Assert.Contains(changes, c => c.Table == SyncProtocol.ConflictsTable);
            Assert.Equal((before.ScopeCount, before.ScopeChecksum), (after.ScopeCount, after.ScopeChecksum));
            Assert.Equal((beforeReview.ScopeCount, beforeReview.ScopeChecksum), (afterReview.ScopeCount, afterReview.ScopeChecksum));
            Assert.Equal(SumOf(changes), (after.ScopeCount, after.ScopeChecksum));
            Assert.Equal(SumOf(reviewChanges), (afterReview.ScopeCount, afterReview.ScopeChecksum));
        }

        private void Exec(string sql)
        {
            using var db = new SqliteConnection($"Data Source={Sqlite.DbPath};Pooling=False");
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : ScopeSumsStoreTests(new PostgresKind(cluster));
}
