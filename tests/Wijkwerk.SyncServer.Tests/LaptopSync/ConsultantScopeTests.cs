using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

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

    [Fact]
    public async Task ConceptAdvice_StaysWithTheAuthor_UntilSubmitted()
    {
        using var team = await Team.Noord("Noor Verpleeg");
        team.World.User("Kees Consulent", "Noord", "consultant");
        var nurse = team.Laptops[0];
        var consultant = await team.World.Laptop("Kees Consulent");
        var client = nurse.NewClient("Geertje", "Bos");
        var concept = Draft(nurse.Store, client.Id);
        nurse.Store.Advices.Add(concept);
        await nurse.Sync();

        var whileConcept = await consultant.Sync();
        var seenAsConcept = consultant.Store.Advices.Find(concept.Id);
        nurse.Store.Advices.Save(concept.Submit(nurse.Store.Advices.Me, team.World.Clock.GetUtcNow(), nurse.Store.Advices.Today).Value);
        await nurse.Sync();
        var afterSubmit = await consultant.Sync();

        Assert.True(whileConcept.Converged);
        Assert.Null(seenAsConcept);
        Assert.NotNull(consultant.Find(client.Id));
        Assert.True(afterSubmit.Converged);
        Assert.Equal(AdviceStatus.Submitted, consultant.Store.Advices.Find(concept.Id)!.Status);
    }

    [Fact]
    public async Task AConceptWithdrawnWithoutEverBeingSubmitted_NeverReachesTheConsultant()
    {
        using var team = await Team.Noord("Noor Verpleeg");
        team.World.User("Kees Consulent", "Noord", "consultant");
        var nurse = team.Laptops[0];
        var consultant = await team.World.Laptop("Kees Consulent");
        var client = nurse.NewClient("Geertje", "Bos");
        var concept = Draft(nurse.Store, client.Id);
        nurse.Store.Advices.Add(concept);
        nurse.Store.Advices.Save(concept.Withdraw(nurse.Store.Advices.Me, nurse.Store.Advices.Today).Value);
        await nurse.Sync();

        var report = await consultant.Sync();

        Assert.Equal(AdviceStatus.Withdrawn, nurse.Store.Advices.Find(concept.Id)!.Status);
        Assert.True(report.Converged);
        Assert.Null(report.Repair);
        Assert.Null(consultant.Store.Advices.Find(concept.Id));
        Assert.Null(consultant.Find(client.Id));
        Assert.Equal(0, report.ScopeCount);
    }

    [Fact]
    public async Task ConsultantLaptop_ReceivesOnlyClientsWithSubmittedAdvice_AlsoWhenItPulledPastTheClientBefore()
    {
        using var team = await Team.Noord("Noor Verpleeg");
        team.World.User("Kees Consulent", "Noord", "consultant");
        var nurse = team.Laptops[0];
        var consultant = await team.World.Laptop("Kees Consulent");
        var caseloadOnly = nurse.NewClient("Harm", "Visser");
        var client = nurse.NewClient("Geertje", "Bos");
        var concept = Draft(nurse.Store, client.Id);
        nurse.Store.Advices.Add(concept);
        await nurse.Sync();
        var before = await consultant.Sync();
        var heldBefore = consultant.Clients().Count;

        nurse.Store.Advices.Save(concept.Submit(nurse.Store.Advices.Me, team.World.Clock.GetUtcNow(), nurse.Store.Advices.Today).Value);
        await nurse.Sync();
        var after = await consultant.Sync();

        Assert.True(before.Converged);
        Assert.Equal(0, heldBefore);
        Assert.True(after.Converged);
        Assert.Null(after.Repair);
        Assert.Equal([client.Id], consultant.Clients().Select(c => c.Id));
        Assert.Null(consultant.Find(caseloadOnly.Id));
        Assert.Equal(2, after.ScopeCount);
        Assert.Equal(AdviceStatus.Submitted, consultant.Store.Advices.Find(concept.Id)!.Status);
    }

    [Fact]
    public async Task ConsultantLaptop_HoldingClientsOutsideItsView_RemovesThemOnTheNextSync()
    {
        using var team = await Team.Noord("Noor Verpleeg");
        team.World.User("Kees Consulent", "Noord", "consultant");
        var nurse = team.Laptops[0];
        var consultant = await team.World.Laptop("Kees Consulent");
        var caseloadOnly = nurse.NewClient("Harm", "Visser");
        await nurse.Sync();
        await consultant.Sync();
        // What a server before this rule sent a consultant: the team's whole caseload.
        var sync = new LocalSync(consultant.Store);
        sync.Apply(new PullResponse(
            [new RowChange(1, "clients", caseloadOnly.Id.Value, 1, false, false, DateTimeOffset.UtcNow, Guid.NewGuid(), new Dictionary<string, string?>
            {
                ["first_name"] = "Harm", ["surname_prefix"] = "", ["surname"] = "Visser", ["birth_date"] = "1950-01-01", ["postcode"] = "1234 AB",
                ["house_number"] = "1", ["addition"] = "", ["phone"] = "", ["bsn"] = "", ["notes"] = "",
            })],
            sync.Settings().Anchor, false, 0, 0));
        var held = consultant.Find(caseloadOnly.Id);

        var report = await consultant.Sync();

        Assert.NotNull(held);
        Assert.Equal(new ScopeRepairReport(0, 1, 0), report.Repair);
        Assert.True(report.Converged);
        Assert.Null(consultant.Find(caseloadOnly.Id));
        Assert.Equal(0, consultant.Store.PendingChanges());
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
