using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// Issue 14 end to end, through the real server process, its real admin commands and real laptop stores: a pause and
/// an escalation recorded offline on one laptop reach a colleague's laptop, where home's reminder and the colleague's
/// lift follow; the admin's maximum reaches the laptop, and a pause the server refuses stays out of everyone's view.
/// </summary>
public class PauseSyncTests
{
    private static async Task<(SyncWorld World, Laptop Anna, Laptop Bram)> Team()
    {
        var world = new SyncWorld();
        world.Team("Noord");
        world.User("Anna Zorg", "Noord");
        world.User("Bram Zorg", "Noord");
        return (world, await world.Laptop("Anna Zorg"), await world.Laptop("Bram Zorg"));
    }

    [Fact]
    public async Task APauseRecordedOffline_ReachesTheColleaguesLaptop_WithItsReminder_AndTheColleaguesLiftComesBack()
    {
        var (world, anna, bram) = await Team();
        using var _ = world;
        var client = anna.NewClient("Gerrit", "Bakker");
        await anna.Sync();
        await bram.Sync();

        // Offline on Anna's laptop: a pause that ends in five days, and the case escalated to the case team.
        var pause = PauseSamples.Pause(client.Id.Value, anna.Store.Identity.WorkerId.Value, PauseSamples.Today.AddDays(5));
        anna.Store.Pauses.Record(pause);
        var escalation = PauseSamples.Escalation(client.Id.Value, anna.Store.Identity.WorkerId.Value, EscalationLevel.CaseTeam);
        anna.Store.Escalations.Raise(escalation);
        Assert.Empty(bram.Store.Pauses.ForClient(client.Id));

        Assert.Equal(0, (await anna.Sync()).Refused);
        await bram.Sync();

        var received = Assert.Single(bram.Store.Pauses.ForClient(client.Id));
        Assert.Equal(pause, received.Current);
        Assert.Equal((pause.Id, PauseState.EndingSoon), (Assert.Single(bram.Store.Pauses.Reminders()).PauseId, Assert.Single(bram.Store.Pauses.Reminders()).State));
        Assert.Equal(escalation, Assert.Single(bram.Store.Escalations.ForClient(client.Id)));
        Assert.Equal(EscalationLevel.Maatwerkloket, bram.Store.Escalations.NextLevel(client.Id));

        bram.Store.Pauses.Lift(pause.Id, "Oorzaak bekend: angststoornis, begeleiding gestart");
        Assert.Equal(0, (await bram.Sync()).Refused);
        await anna.Sync();

        var lifted = Assert.Single(anna.Store.Pauses.ForClient(client.Id));
        Assert.Equal(PauseState.Lifted, lifted.Current.StateOn(PauseSamples.Today));
        Assert.Equal("Oorzaak bekend: angststoornis, begeleiding gestart", Assert.Single(lifted.Steps).Reason);
        Assert.Empty(anna.Store.Pauses.Reminders());
    }

    [Fact]
    public async Task TheAdminsMaximum_ReachesTheLaptop_AndAPauseTheServerRefuses_NeverReachesTheColleague()
    {
        var (world, anna, bram) = await Team();
        using var _ = world;
        var client = anna.NewClient("Gerrit", "Bakker");
        await anna.Sync();
        // Recorded offline under the default of eight weeks, before the administrator shortens it to two.
        var fiveWeeks = PauseSamples.Pause(client.Id.Value, anna.Store.Identity.WorkerId.Value, PauseSamples.Today.AddDays(35));
        anna.Store.Pauses.Record(fiveWeeks);

        Assert.Contains("hoogstens 2 weken", world.Admin("pause", "settings", "--max-weeks", "2"));
        var report = await anna.Sync();
        await bram.Sync();

        Assert.Equal(1, report.Refused);
        Assert.Equal(2, anna.Store.Pauses.Settings.MaximumWeeks);
        Assert.Equal(2, bram.Store.Pauses.Settings.MaximumWeeks);
        Assert.Empty(bram.Store.Pauses.ForClient(client.Id));
    }
}
