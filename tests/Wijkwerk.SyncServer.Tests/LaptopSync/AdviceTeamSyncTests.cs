using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Indications.Reports;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// The team an advice counts for is the server's: the team whose caseload holds the client, whatever a
/// laptop remembered at enrolment. Through the real server and real laptop stores.
/// </summary>
public class AdviceTeamSyncTests
{
    private static AdviceContent Content(DateOnly today) => new(
        new Provision(ProductCategory.HouseholdHelp, "01A01", new Volume(3, VolumeUnit.Hour, VolumeFrequency.PerWeek), today.AddDays(14), 12),
        "Meneer kan na de heupoperatie het huis niet schoonhouden.",
        null,
        "Buurvrouw doet de boodschappen.",
        "Thuis herstellen.",
        today.AddDays(-3),
        today.AddDays(-1),
        LegalBasis.WmoTask,
        ConsentStatus.Given,
        "",
        true,
        true);

    private static void Sql(string path, string sql, params (string Name, object Value)[] args)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in args)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    private static string? ServerTeam(SyncWorld world, Id<IndicationAdvice> id)
    {
        using var connection = new SqliteConnection($"Data Source={world.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_extract(columns, '$.team') FROM rows WHERE tbl = $t AND row_id = $r";
        command.Parameters.AddWithValue("$t", AdviceColumns.AdviceTable);
        command.Parameters.AddWithValue("$r", id.ToString());
        return command.ExecuteScalar() as string;
    }

    /// <summary>The worker joins a team after enrolment, as an administrator would do on the server.</summary>
    private static void Join(SyncWorld world, string worker, string team) => Sql(world.Database,
        "INSERT INTO worker_teams(worker_id, team_id) SELECT w.id, t.id FROM workers w, teams t WHERE w.name = $w AND t.name = $t",
        ("$w", worker), ("$t", team));

    private static IndicationAdvice Draft(Laptop nurse, Id<Client> client, string team)
    {
        var today = nurse.Store.Advices.Today;
        var draft = IndicationAdvice.Draft(Id<IndicationAdvice>.New(nurse.Store.Clock), client, nurse.Store.Advices.Me, team, Content(today), nurse.Store.Clock.GetUtcNow(), today).Value;
        nurse.Store.Advices.Add(draft);
        return draft;
    }

    [Fact]
    public async Task LaptopEnrolledWithoutATeam_ServerSetsTheClientsTeam_LaptopTakesIt_LaterStepsAndTheReportFollow()
    {
        using var world = new SyncWorld();
        world.Team("Noord");
        world.User("Anna de Wit", "Noord");
        world.User("Carla Smit", "Noord", "consultant");
        var nurse = await world.Laptop("Anna de Wit");
        var consultant = await world.Laptop("Carla Smit");
        // Enrolled before advices had a team: the laptop remembers none.
        Sql(Path.Combine(nurse.Folder, "wijkwerk.db"), "UPDATE meta SET value = '' WHERE key = 'team'");
        Assert.Equal("", nurse.Store.Advices.Team);

        var client = nurse.NewClient("Gerrit", "Bakker");
        var draft = Draft(nurse, client.Id, nurse.Store.Advices.Team);
        Assert.Equal("", draft.Team);
        var first = await nurse.Sync();
        Assert.Equal((0, 0), (first.Refused, first.Conflicts));
        Assert.Equal("Noord", ServerTeam(world, draft.Id));
        Assert.Equal("Noord", nurse.Store.Advices.Find(draft.Id)!.Team);
        Assert.Equal(0, nurse.Store.PendingChanges());

        // Steps that leave the team alone still go through, on both sides.
        var anna = nurse.Store.Advices.Me;
        var stored = nurse.Store.Advices.Find(draft.Id)!;
        nurse.Store.Advices.Save(stored.Submit(anna, world.Clock.GetUtcNow(), nurse.Store.Advices.Today).Value);
        var submitted = await nurse.Sync();
        Assert.Equal((1, 0, 0), (submitted.Accepted, submitted.Refused, submitted.Conflicts));
        await consultant.Sync();
        var received = consultant.Store.Advices.Find(draft.Id)!;
        Assert.Equal("Noord", received.Team);
        consultant.Store.Advices.Save(received.Grant(consultant.Store.Advices.Me, "", world.Clock.GetUtcNow(), consultant.Store.Advices.Today).Value);
        var decision = await consultant.Sync();
        Assert.Equal((1, 0), (decision.Accepted, decision.Refused));
        Assert.True((await nurse.Sync()).Converged);

        var seen = nurse.Store.Advices.Find(draft.Id)!;
        Assert.Equal((AdviceStatus.Granted, "Noord"), (seen.Status, seen.Team));
        var report = AgreementReport.Build(nurse.Store.Advices.All(), PeriodKind.Month, nurse.Store.Advices.Today);
        Assert.Equal(["Noord"], report.Teams);
        Assert.Equal(1, report.For("Noord").Sum(r => r.AsAdvised));
        Assert.Equal("Noord", ServerTeam(world, draft.Id));
    }

    [Fact]
    public async Task WorkerInSeveralTeams_AdviceGoesToTheFirstOfHerTeamsHoldingTheClient_NotTheOneSheEnrolledWith()
    {
        using var world = new SyncWorld();
        foreach (var team in new[] { "Achterwijk", "Noord", "Oost", "Zuid" })
            world.Team(team);
        world.User("Anna de Wit", "Zuid");
        var nurse = await world.Laptop("Anna de Wit");
        Assert.Equal("Zuid", nurse.Store.Advices.Team);
        Join(world, "Anna de Wit", "Noord");
        Join(world, "Anna de Wit", "Oost");

        // Her new client joins all her teams; then Noord hands it over and Achterwijk (not hers) takes it on too.
        var client = nurse.NewClient("Willem", "Smits");
        Assert.Equal(0, (await nurse.Sync()).Refused);
        world.Admin("client", "unassign", client.Id.ToString(), "--team", "Noord");
        world.Admin("client", "assign", client.Id.ToString(), "--team", "Achterwijk");

        var draft = Draft(nurse, client.Id, nurse.Store.Advices.Team);
        Assert.Equal("Zuid", draft.Team);
        var sync = await nurse.Sync();
        Assert.Equal((0, 0), (sync.Refused, sync.Conflicts));
        Assert.Equal("Oost", ServerTeam(world, draft.Id));
        Assert.Equal("Oost", nurse.Store.Advices.Find(draft.Id)!.Team);
    }

    [Fact]
    public async Task AdviceInsertedAgain_TheServersTeamStands_WithoutConflict()
    {
        using var world = new SyncWorld();
        world.Team("Noord");
        world.User("Anna de Wit", "Noord");
        var nurse = await world.Laptop("Anna de Wit");
        var client = nurse.NewClient("Henk", "Mulder");
        Assert.Equal(0, (await nurse.Sync()).Refused);

        // The server took the insert but its answer was lost; edited meanwhile, the row goes again whole, as
        // a new insert that still carries the team the laptop wrote.
        var draft = Draft(nurse, client.Id, "Oud team");
        using (var lost = new FaultyHandler(1, FaultyHandler.Cut.AfterResponse))
            await Assert.ThrowsAsync<SyncTransportException>(() => nurse.Sync(lost));
        Assert.Equal("Noord", ServerTeam(world, draft.Id));
        var stored = nurse.Store.Advices.Find(draft.Id)!;
        Assert.Equal("Oud team", stored.Team);
        var edited = stored.Edit(nurse.Store.Advices.Me, stored.Content with { ClientWishes = "Thuis herstellen, met hulp van de buurvrouw." }, nurse.Store.Advices.Today).Value;
        nurse.Store.Advices.Save(edited);

        var again = await nurse.Sync();
        Assert.Equal((0, 0), (again.Refused, again.Conflicts));
        Assert.Equal("Noord", ServerTeam(world, draft.Id));
        var seen = nurse.Store.Advices.Find(draft.Id)!;
        Assert.Equal(("Noord", edited.Content), (seen.Team, seen.Content));
    }
}
