using Bogus;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// Synthetic advices as they reach a laptop: written through the domain's own steps by the nurse and the
/// consultant who took them, then applied as rows pulled from the server.
/// </summary>
public static class AdviceFeed
{
    public static readonly Worker Nurse = new(new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-00000000aaaa")), "Test Verpleegkundige", Role.Nurse, []);

    public static readonly Worker Consultant = new(new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-00000000cccc")), "Test Consulent", Role.WmoConsultant, []);

    public static readonly StoreIdentity ConsultantIdentity = new(Consultant.Id, Consultant.Name, Role.WmoConsultant, Guid.Parse("0193a000-0000-7000-8000-0000000000c2"));

    /// <summary>Made-up residents (Bogus, Dutch locale, fixed seed), the same on every run.</summary>
    public static IReadOnlyList<Client> AddClients(LocalStore store, int count)
    {
        var faker = new Faker("nl") { Random = new Randomizer(5150) };
        var today = AmsterdamTime.Today(store.Clock);
        var clients = Enumerable.Range(0, count).Select(i =>
        {
            var input = new ClientInput(faker.Name.FirstName(), faker.Name.LastName(), DateText.Iso(new DateOnly(1940 + i, 1 + i % 12, 10)), $"{7500 + i} AB", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "", "0612345678", "");
            return input.Validate(new Id<Client>(Guid.CreateVersion7()), today).Client!;
        }).ToList();
        store.Clients.Import(clients);
        return clients;
    }

    public static Provision Provision(DateOnly start, long hoursPerWeek = 3, ProductCategory category = ProductCategory.HouseholdHelp) =>
        new(category, "01A01", new Volume(hoursPerWeek, VolumeUnit.Hour, VolumeFrequency.PerWeek), start, 12);

    public static AdviceContent Content(DateOnly melding, DateOnly? aanvraag, Provision? provision = null) => new(
        provision ?? Provision(melding.AddDays(14)),
        "Mevrouw kan door artrose het huis niet meer schoonhouden.",
        null,
        "Dochter helpt één keer per week; boodschappendienst loopt al.",
        "Zo lang mogelijk thuis blijven wonen.",
        melding,
        aanvraag,
        LegalBasis.WmoTask,
        ConsentStatus.Given,
        "",
        true,
        true);

    /// <summary>A submitted advice, taken further to the status asked for by the steps a nurse and a consultant would take.</summary>
    public static IndicationAdvice Advice(Client client, AdviceStatus status, DateOnly melding, DateOnly? aanvraag, DateOnly today, string team = "Wijkteam Noord", Provision? provision = null)
    {
        var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        var content = Content(melding, aanvraag, provision);
        var advice = IndicationAdvice.Draft(new Id<IndicationAdvice>(Guid.CreateVersion7()), client.Id, Nurse, team, content, now, today).Value
            .Submit(Nurse, now, today).Value;
        return status switch
        {
            AdviceStatus.Submitted => advice,
            AdviceStatus.QuestionAsked => advice.AskQuestion(Consultant, today).Value,
            AdviceStatus.Answered => advice.AskQuestion(Consultant, today).Value.Answer(Nurse, content, today).Value,
            AdviceStatus.Granted => advice.Grant(Consultant, "", now, today).Value,
            AdviceStatus.Rejected => advice.Reject(Consultant, "Voorliggende voorziening volstaat.", now, today).Value,
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a step the feed takes."),
        };
    }

    /// <summary>Puts the advices on the laptop the way a sync does: as a pulled page of server rows.</summary>
    public static void Deliver(LocalStore store, params IndicationAdvice[] advices)
    {
        var sync = new LocalSync(store);
        var anchor = sync.Settings().Anchor;
        var changes = advices.Select((a, i) => new RowChange(
            anchor + i + 1, AdviceColumns.AdviceTable, a.Id.Value, 1, false, false, a.CreatedAt, a.Author.Value, AdviceColumns.ToColumns(a))).ToList();
        sync.Apply(new PullResponse(changes, anchor + changes.Count, false, 0, 0));
    }
}
