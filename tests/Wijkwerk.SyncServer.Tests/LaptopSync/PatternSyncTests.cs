using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// Issue 14 end to end, through the real server process and real laptop stores: four nurses each record a tagged
/// minimaatwerk request offline on their own laptop and sync; the pattern then reaches the team leaders' laptops with
/// counts and money and nothing that names a client, and not the nurses'. Steps made offline by two team leaders travel
/// up; the one the server refuses (the other leader moved the pattern first) is refused with its reason, and the rest of
/// that push goes through.
/// </summary>
public class PatternSyncTests
{
    private static readonly string[] Nurses = ["Anna Zorg", "Bram Zorg", "Dirk Zorg", "Eva Zorg"];
    private static readonly string[] Surnames = ["Visser", "Smit", "Mulder", "Bos"];

    private static async Task<(SyncWorld World, Laptop[] Nurses, Laptop Lotte, Laptop Lars)> Team()
    {
        var world = new SyncWorld();
        world.Team("Noord");
        foreach (var nurse in Nurses)
            world.User(nurse, "Noord");
        world.User("Lotte Leiding", "Noord", "teamleader");
        world.User("Lars Leiding", "Noord", "teamleader");
        world.Admin("budget", "set", "--team", "Noord", "--year", BudgetRows.Year.ToString(), "--amount", "10000");
        var nurses = new Laptop[Nurses.Length];
        for (var i = 0; i < Nurses.Length; i++)
            nurses[i] = await world.Laptop(Nurses[i]);
        return (world, nurses, await world.Laptop("Lotte Leiding"), await world.Laptop("Lars Leiding"));
    }

    [Fact]
    public async Task TagsRecordedOfflineOnFourLaptops_ReachTheTeamLeadersAsAPatternWithCountsAndNoNames_AndStepsTravelUp()
    {
        var (world, nurses, lotte, lars) = await Team();
        using var _ = world;
        foreach (var nurse in nurses)
            await nurse.Sync(); // the team and its budget, as on any morning; then offline
        var clients = new List<Guid>();
        for (var i = 0; i < nurses.Length; i++)
        {
            var client = nurses[i].NewClient("Gerrit", Surnames[i]);
            clients.Add(client.Id.Value);
            var request = BudgetRows.Request(client.Id.Value, nurses[i].Store.Identity.WorkerId.Value, "Noord") with { BottleneckTag = i % 2 == 0 ? "Spookbewoning" : " spookbewoning " };
            nurses[i].Store.Budget.Request(request);
        }

        Assert.Empty(await lotte.StoreAfterSync());
        foreach (var nurse in nurses)
            Assert.Equal(0, (await nurse.Sync()).Refused);

        var received = Assert.Single(await lotte.StoreAfterSync());
        Assert.Equal(("spookbewoning", PatternState.Raised, 4, 4, 1), (received.Pattern.TagKey, received.Pattern.State, received.Pattern.Cases, received.Pattern.Clients, received.Pattern.BySource.Count));
        Assert.Equal(1, lotte.Store.Patterns.NewCount());
        Assert.Empty(await nurses[0].StoreAfterSync());
        var held = ReferenceBody(lotte);
        Assert.All(clients, c => Assert.DoesNotContain(c.ToString(), held, StringComparison.OrdinalIgnoreCase));
        Assert.All(Surnames.Append("Gerrit"), name => Assert.DoesNotContain(name, held));

        // Offline, both team leaders take the pattern to the werktafel; Lars also agrees a fix there.
        Assert.Single(await lars.StoreAfterSync());
        var id = received.Pattern.Id;
        lotte.Store.Patterns.Move(id, PatternState.Discussed, "Werktafel van dinsdag", null);
        lars.Store.Patterns.Move(id, PatternState.Discussed, "", null);
        var fix = new StructuralFix("Vinkje 'nieuwe huurder' gedeeld met de Belastingdienst", "Burgerzaken", lars.Store.Patterns.Today.AddMonths(2));
        lars.Store.Patterns.Move(id, PatternState.FixAgreed, "", fix);
        Assert.Equal(PatternState.FixAgreed, lars.Store.Patterns.Find(id)!.Pattern.State);

        Assert.Equal(0, (await lotte.Sync()).Refused);
        var report = await lars.Sync();

        Assert.Equal((1, 1), (report.Accepted, report.Refused));
        var larsView = lars.Store.Patterns.Find(id)!;
        Assert.Equal(PatternState.FixAgreed, larsView.Pattern.State);
        Assert.Contains("kan niet van 'besproken aan de werktafel' naar 'besproken aan de werktafel'", larsView.Refusal);
        Assert.Equal([("Lotte Leiding", PatternState.Discussed), ("Lars Leiding", PatternState.FixAgreed)], larsView.Steps.Select(s => (s.By, s.Step.To)));
        Assert.All(larsView.Steps, s => Assert.False(s.Pending));
        var lotteView = Assert.Single(await lotte.StoreAfterSync());
        Assert.Equal((PatternState.FixAgreed, fix), (lotteView.Pattern.State, lotteView.Pattern.Fix));
        Assert.Contains("structurele oplossing afgesproken", world.Admin("pattern", "list"));
    }

    private static string ReferenceBody(Laptop laptop)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(laptop.Folder, "wijkwerk.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = new SqliteCommand("SELECT body FROM reference_data", connection);
        return (string)command.ExecuteScalar()!;
    }
}

internal static class PatternLaptop
{
    public static async Task<IReadOnlyList<Core.Storage.Repositories.PatternView>> StoreAfterSync(this Laptop laptop)
    {
        Assert.Equal(0, (await laptop.Sync()).Refused);
        return laptop.Store.Patterns.All();
    }
}
