using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Storage.Sync;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// Scenario 12, convergence by value: a laptop whose rows differ from the server's in a value, at the same
/// versions, is not converged, and its next sync re-reads its scope and ends equal to the server.
/// </summary>
public class ScopeRepairTests
{
    [Fact]
    public async Task ValuesThatDifferAtEqualVersions_AreDetected_AndTheNextSyncRepairsThem()
    {
        using var team = await Team.Noord("Anna", "Bram");
        var (anna, bram) = (team.Laptops[0], team.Laptops[1]);
        var client = anna.NewClient("Geertje", "Bos");
        var signal = Signal.Report(
            Id<Signal>.New(team.World.Clock), client.Id, SignalSource.Pharmacy, null, "Vergeet medicatie", [LifeDomain.FittingSupport],
            Urgency.Normal, new ConsentBasis(true, ""), null, team.World.Clock.GetUtcNow()).Value;
        anna.Store.Signals.Add(signal);
        await anna.Sync();
        await bram.Sync();
        var firstNotes = Raw(bram, "SELECT notes FROM clients WHERE id = $id", client.Id.Value);
        anna.Store.Clients.Update(anna.Find(client.Id)! with { Notes = "Na het eerste bezoek" });
        await anna.Sync();
        var before = await bram.Sync();
        var held = new LocalSync(bram.Store).Scope();

        // Bram's file now says the first notes (a valid sealed value of this very cell) and another urgency,
        // at the versions the server holds with other values.
        Raw(bram, "UPDATE clients SET notes = $v WHERE id = $id", client.Id.Value, firstNotes);
        Raw(bram, "UPDATE signals SET urgency = 'Eropaf' WHERE id = $id", signal.Id.Value);
        var tampered = new LocalSync(bram.Store).Scope();
        // A sync re-reads only the rows it touches; the full count, at least once a day, reads every row (here at once).
        new LocalSync(bram.Store).Scope(full: true);
        anna.NewClient("Kees", "Visser");
        await anna.Sync();
        var repaired = await bram.Sync();
        var after = await bram.Sync();

        Assert.True(before.Converged);
        Assert.Equal(held.Count, tampered.Count);
        Assert.NotEqual(held.Checksum, tampered.Checksum);
        Assert.Equal(new Core.Sync.Laptop.ScopeRepairReport(2, 0, 0), repaired.Repair);
        Assert.True(repaired.Converged);
        Assert.Equal(held.Count + 1, new LocalSync(bram.Store).Scope().Count);
        Assert.Equal("Na het eerste bezoek", bram.Find(client.Id)!.Notes);
        Assert.Equal(Urgency.Normal, Assert.Single(bram.Store.Dossiers.Open(client.Id)!.Signals).Urgency);
        Assert.Null(after.Repair);
        Assert.True(after.Converged);
        Assert.Equal(0, bram.Store.PendingChanges());
    }

    /// <summary>Reads or writes the laptop's SQLite file beside the app, as a bug or a stray tool would.</summary>
    internal static object? Raw(Laptop laptop, string sql, Guid id, object? value = null)
    {
        using var db = new SqliteConnection($"Data Source={laptop.Store.Path};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id.ToString());
        if (value is not null)
            command.Parameters.AddWithValue("$v", value);
        return command.ExecuteScalar();
    }
}
