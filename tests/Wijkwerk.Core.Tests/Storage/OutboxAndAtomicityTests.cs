using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

public class OutboxAndAtomicityTests
{
    [Fact]
    public void Add_Client_WritesRowOutboxEntryAndAuditEventTogether()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();

        temp.Store.Clients.Add(client);

        Assert.Equal(1, temp.Count("SELECT count(*) FROM clients"));
        Assert.Equal(1, temp.Count($"SELECT count(*) FROM outbox WHERE row_id = '{client.Id}' AND operation = 'insert' AND table_name = 'clients'"));
        Assert.Equal(1, temp.Count($"SELECT count(*) FROM audit_events WHERE client_id = '{client.Id}' AND event_type = 'Create'"));
        Assert.Equal(1, temp.Store.PendingChanges());
    }

    [Theory]
    [InlineData("outbox")]
    [InlineData("audit_events")]
    public void Add_CrashBeforeOutboxOrAuditLands_LeavesNothing(string failingTable)
    {
        using var temp = new TempStore();
        // A real SQLite failure in the middle of the write, after the row itself was inserted.
        temp.Execute($"CREATE TRIGGER crash BEFORE INSERT ON {failingTable} BEGIN SELECT RAISE(ABORT, 'simulated crash'); END");

        Assert.Throws<SqliteException>(() => temp.Store.Clients.Add(temp.NewClient()));

        Assert.Equal(0, temp.Count("SELECT count(*) FROM clients"));
        Assert.Equal(0, temp.Count("SELECT count(*) FROM outbox"));
        Assert.Equal(0, temp.Count("SELECT count(*) FROM audit_events"));
        temp.Execute("DROP TRIGGER crash");
        temp.Store.Clients.Add(temp.NewClient());
        Assert.Equal(1, temp.Count("SELECT count(*) FROM outbox"));
        Assert.True(Audit.AuditLog.Verify(temp.Store).IsIntact);
    }

    [Fact]
    public void Import_CrashHalfway_ImportsNoneOfTheFile()
    {
        using var temp = new TempStore();
        var clients = Enumerable.Range(0, 50).Select(i => temp.NewClient("Anna" + (char)('a' + (i % 26)), "Berg" + i)).ToList();
        temp.Execute($"CREATE TRIGGER crash BEFORE INSERT ON outbox WHEN (SELECT count(*) FROM outbox) >= 25 BEGIN SELECT RAISE(ABORT, 'simulated crash'); END");

        Assert.Throws<SqliteException>(() => temp.Store.Clients.Import(clients));

        Assert.Equal(0, temp.Count("SELECT count(*) FROM clients"));
        Assert.Equal(0, temp.Count("SELECT count(*) FROM outbox"));
    }

    [Fact]
    public void Update_OnePhoneNumber_OutboxNamesOnlyThatColumn()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);

        var changed = temp.Store.Clients.Update(client with { Phone = PhoneNumber.Parse("0687654321").Value });
        var unchanged = temp.Store.Clients.Update(client with { Phone = PhoneNumber.Parse("0687654321").Value });

        Assert.True(changed);
        Assert.False(unchanged);
        using var connection = temp.Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT operation, columns FROM outbox ORDER BY seq";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("insert", reader.GetString(0));
        Assert.True(reader.Read());
        Assert.Equal("update", reader.GetString(0));
        Assert.Equal("[\"phone\"]", reader.GetString(1));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Delete_Client_LeavesTombstoneAndHidesIt()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);

        Assert.True(temp.Store.Clients.Delete(client.Id));
        Assert.False(temp.Store.Clients.Delete(client.Id));

        Assert.Empty(temp.Store.Clients.Search());
        Assert.Null(temp.Store.Dossiers.Open(client.Id));
        Assert.Equal(1, temp.Count("SELECT count(*) FROM clients WHERE deleted = 1"));
        Assert.Equal(1, temp.Count("SELECT count(*) FROM outbox WHERE operation = 'delete'"));
    }

    [Fact]
    public void EverySyncedTable_HasTheSyncColumns()
    {
        using var temp = new TempStore();
        foreach (var table in new[] { "clients", "household_members", "consents", "signals", "follow_ups", "home_visits" })
        {
            foreach (var column in new[] { "id", "version", "updated_at", "updated_by", "deleted" })
                Assert.Equal(1, temp.Count($"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'"));
        }
    }

    [Fact]
    public void Signal_StatusChange_StampsWorkerAndClockAndKeepsVersionZeroUntilSynced()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        var signal = Signal.Report(Id<Signal>.New(temp.Clock), client.Id, SignalSource.Pharmacy, null, "Medicatie kwijt", [LifeDomain.FittingSupport], Urgency.Eropaf, ConsentBasis.WithResident, null, temp.Clock.GetUtcNow()).Value;
        temp.Store.Signals.Add(signal);
        temp.Clock.Advance(TimeSpan.FromHours(1));

        temp.Store.Signals.Update(signal.MoveTo(SignalStatus.PickedUp, temp.Clock.GetUtcNow()).Value);

        var stored = Assert.Single(temp.Store.Signals.Open());
        Assert.Equal(SignalStatus.PickedUp, stored.Status);
        Assert.Equal(EropafState.Met, stored.EropafStateAt(temp.Clock.GetUtcNow()));
        Assert.Equal(0, temp.Count("SELECT version FROM signals"));
        Assert.Equal(1, temp.Count($"SELECT count(*) FROM signals WHERE updated_by = '{TempStore.Identity.WorkerId}' AND updated_at LIKE '2026-03-14T10:30%'"));
        Assert.Equal(1, temp.Count("SELECT count(*) FROM outbox WHERE table_name = 'signals' AND operation = 'update' AND columns LIKE '%status%' AND columns LIKE '%picked_up_at%'"));
    }
}
