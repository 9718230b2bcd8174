using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// Issue 11 end to end, through the real server process, its real admin commands and real laptop stores: the
/// administrator grants a mandate and imports the cost table, the team leader records a decision offline and
/// syncs, the team's nurse sees it in the dossier, and the follow-up recorded later reaches her too.
/// </summary>
public class MandateSyncTests
{
    [Fact]
    public async Task AdminGrantsAndImports_LeaderDecidesOffline_NurseSeesDecisionAndLaterFollowUp()
    {
        using var world = new SyncWorld();
        world.Team("Noord");
        world.User("Tessa Leider", "Noord", "teamleader");
        world.User("Nina Zorg", "Noord");
        world.Admin("department", "add", "Opvang");
        world.Admin("department", "add", "Wonen");
        world.Admin("mandate", "grant", "--user", "Tessa Leider", "--departments", "Opvang,Wonen", "--from", MandateRows.Day(-30), "--until", MandateRows.Day(300));
        var csv = Path.Combine(world.Folder, "kosten.csv");
        await File.WriteAllTextAsync(csv, MandateRows.WorkedExampleCsv);
        Assert.Contains("versie 1", world.Admin("costs", "import", csv));
        var leader = await world.Laptop("Tessa Leider");
        var nurse = await world.Laptop("Nina Zorg");
        var client = leader.NewClient("Gerrit", "Bakker");
        await leader.Sync();

        // Offline from here: what the laptop holds is enough to decide.
        var mandate = Assert.Single(leader.Store.Reference.MyMandates());
        Assert.Equal(["Opvang", "Wonen"], mandate.Departments);
        var figures = MandateRows.WorkedExample(leader.Store.Reference.CostTable());
        Assert.Equal((Money.FromEuros(51_000), Money.FromEuros(47_000), 1), (figures.AvoidedCost, figures.NetReturn, figures.CostTableVersion));
        var usable = MandateRules.UsableMandate(leader.Store.Reference.MyMandates(), "Opvang", leader.Store.MandateDecisions.Today);
        var decision = MandateRows.Decision(client.Id.Value, leader.Store.Identity.WorkerId.Value, usable.Value.Id.Value, figures: figures);
        leader.Store.MandateDecisions.Record(decision);
        var pushed = await leader.Sync();
        Assert.Equal((0, 0), (pushed.Refused, pushed.Conflicts));
        Assert.True(pushed.Converged);

        await nurse.Sync();
        Assert.Empty(nurse.Store.Reference.MyMandates());
        var seen = Assert.Single(nurse.Store.MandateDecisions.ForClient(client.Id));
        Assert.True(seen.SameRecordAs(decision));
        Assert.Equal(Money.FromEuros(47_000), seen.Triangle.SocialReturn!.NetReturn);
        Assert.Null(seen.FollowUp);

        // A new cost table after the decision: the decision keeps the figures it was made with.
        await File.WriteAllTextAsync(csv, MandateRows.WorkedExampleCsv.Replace("600000", "800000"));
        Assert.Contains("versie 2", world.Admin("costs", "import", csv));
        leader.Store.MandateDecisions.RecordFollowUp(decision.Id, new DecisionFollowUp(FollowUpResult.CarriedOut, "Het gezin woont samen in de opvang", DateTimeOffset.UtcNow, leader.Store.Identity.WorkerId));
        var followed = await leader.Sync();
        Assert.Equal(0, followed.Refused);
        Assert.Equal(2, leader.Store.Reference.CostTable().Latest!.Version);

        await nurse.Sync();
        var after = Assert.Single(nurse.Store.MandateDecisions.ForClient(client.Id));
        Assert.Equal(FollowUpResult.CarriedOut, after.FollowUp!.Result);
        Assert.Equal(Money.FromEuros(51_000), after.Triangle.SocialReturn!.AvoidedCost);
        Assert.Equal(1, after.Triangle.SocialReturn.CostTableVersion);
        nurse.Reopen();
        Assert.Equal("Het gezin woont samen in de opvang", nurse.Store.MandateDecisions.ForClient(client.Id).Single().FollowUp!.HowItEnded);
    }

    [Fact]
    public async Task MandateRevokedWhileOffline_DecisionIsRefusedByTheServer_WithTheDutchReason()
    {
        using var world = new SyncWorld();
        world.Team("Noord");
        world.User("Tessa Leider", "Noord", "teamleader");
        world.Admin("department", "add", "Opvang");
        var granted = world.Admin("mandate", "grant", "--user", "Tessa Leider", "--departments", "Opvang", "--from", MandateRows.Day(-30), "--until", MandateRows.Day(300));
        var leader = await world.Laptop("Tessa Leider");
        var client = leader.NewClient("Gerrit", "Bakker");
        await leader.Sync();
        var mandate = Assert.Single(leader.Store.Reference.MyMandates());
        Assert.Contains(mandate.Id.ToString(), granted);

        world.Admin("mandate", "revoke", mandate.Id.ToString());
        leader.Store.MandateDecisions.Record(MandateRows.Decision(client.Id.Value, leader.Store.Identity.WorkerId.Value, mandate.Id.Value));
        var report = await leader.Sync();

        Assert.Equal(1, report.Refused);
        var refusal = Assert.Single(new Core.Storage.Sync.LocalSync(leader.Store).Refusals());
        Assert.Contains("mandaat is ingetrokken", refusal.Reason);
        Assert.Equal(MandateState.Revoked, Assert.Single(leader.Store.Reference.MyMandates()).StateOn(leader.Store.MandateDecisions.Today));
    }
}
