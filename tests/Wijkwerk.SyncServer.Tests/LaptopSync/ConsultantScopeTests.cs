using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>Need to know: the Wmo consultant's laptop receives the client and the advice, not the team's dossier work.</summary>
public class ConsultantScopeTests
{
    [Fact]
    public async Task ConsultantLaptop_ReceivesClientsAndAdviceOnly_AndStillConverges()
    {
        using var team = await Team.Noord("Noor Verpleeg");
        team.World.User("Kees Consulent", "Noord", "consultant");
        var nurse = team.Laptops[0];
        var consultant = await team.World.Laptop("Kees Consulent");

        var client = nurse.NewClient("Geertje", "Bos");
        var signal = Signal.Report(
            Id<Signal>.New(team.World.Clock), client.Id, SignalSource.Pharmacy, null, "Vergeet medicatie", [LifeDomain.FittingSupport],
            Urgency.Normal, new ConsentBasis(true, ""), null, team.World.Clock.GetUtcNow()).Value;
        nurse.Store.Signals.Add(signal);
        var advice = Draft(nurse.Store, client.Id);
        nurse.Store.Advices.Add(advice.Submit(nurse.Store.Advices.Me, team.World.Clock.GetUtcNow(), nurse.Store.Advices.Today).Value);
        await nurse.Sync();

        var report = await consultant.Sync();

        Assert.True(report.Converged);
        Assert.NotNull(consultant.Find(client.Id));
        Assert.Equal(AdviceStatus.Submitted, consultant.Store.Advices.Find(advice.Id)!.Status);
        Assert.Empty(consultant.Store.Dossiers.Open(client.Id)!.Signals);
        Assert.Single(nurse.Store.Dossiers.Open(client.Id)!.Signals);
    }

    private static IndicationAdvice Draft(LocalStore store, Id<Core.Domain.Clients.Client> clientId)
    {
        var today = store.Advices.Today;
        var (content, problems) = new AdviceInput(
            ProductCategory.HouseholdHelp, "", "3", VolumeUnit.Hour, VolumeFrequency.PerWeek, DateText.Show(today), "12",
            "Kan het huis niet meer schoonhouden.", null, "Dochter helpt al.", "Thuis blijven wonen.", DateText.Show(today), "",
            LegalBasis.WmoTask, Core.Domain.Clients.ConsentStatus.Given, "", true, true).Validate(today);
        Assert.Empty(problems);
        return IndicationAdvice.Draft(Id<IndicationAdvice>.New(store.Clock), clientId, store.Advices.Me, store.Advices.Team, content!, store.Clock.GetUtcNow(), today).Value;
    }
}
