using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Demo;

/// <summary>
/// Indication advice for the demo caseload: every state of the workflow, two teams, six months of
/// decisions, terms kept, missed and extended, and a question/answer thread. Every step is a domain
/// operation stored under <see cref="AdviceRules"/> as the worker who takes it (the nurse writes, the
/// consultant asks and decides), so the demo holds nothing the rules would refuse.
/// </summary>
internal sealed class DemoAdvices
{
    public const string NorthTeam = "Wijkteam Noord";
    public const string SouthTeam = "Wijkteam Zuid";

    private const int IdKind = 30;

    private static readonly Worker SecondNurse = new(new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-000000000003")), "Ravi Demo", Role.Nurse, []);

    private static readonly (ProductCategory Category, long Amount, long Adjusted, VolumeUnit Unit, VolumeFrequency Frequency, int Months)[] Products =
    [
        (ProductCategory.HouseholdHelp, 3, 2, VolumeUnit.Hour, VolumeFrequency.PerWeek, 12),
        (ProductCategory.Guidance, 4, 3, VolumeUnit.Hour, VolumeFrequency.PerWeek, 6),
        (ProductCategory.DayActivities, 3, 2, VolumeUnit.Dagdeel, VolumeFrequency.PerWeek, 12),
        (ProductCategory.HousingAids, 250_000, 180_000, VolumeUnit.Euro, VolumeFrequency.TotalWithinValidity, 12),
        (ProductCategory.OtherAids, 2, 1, VolumeUnit.Pieces, VolumeFrequency.TotalWithinValidity, 60),
    ];

    private static readonly (string Rationale, string Alternatives, string Wishes)[] Reasons =
    [
        ("Kan door artrose het huis niet meer schoonhouden; de kinderen wonen ver weg.", "Boodschappendienst en buurthulp geprobeerd; huishouden blijft liggen.", "Zo lang mogelijk thuis blijven wonen."),
        ("Raakt het overzicht over post en afspraken kwijt sinds het overlijden van de partner.", "Vrijwillige thuisadministratie loopt; te weinig voor de schulden die ontstaan.", "Zelf de regie houden, met iemand die meekijkt."),
        ("Vereenzaamt en heeft structuur in de week nodig.", "Buurthuis en wandelgroep geprobeerd; gaat niet zelfstandig.", "Weer onder de mensen komen."),
        ("Traplopen en douchen zijn niet meer veilig; twee keer gevallen dit jaar.", "Losse hulpmiddelen via de thuiszorgwinkel zijn niet genoeg.", "Op de eigen slaapkamer blijven slapen."),
        ("Kan met de rollator niet meer zelfstandig naar buiten.", "Regiotaxi en buurtbus gebruikt; lukt niet meer zonder hulpmiddel.", "Zelf boodschappen kunnen doen."),
    ];

    private static readonly (string Question, string Answer)[] Thread =
    [
        ("Is de boodschappendienst al geprobeerd, en met welk resultaat?", "Ja, drie maanden; de bezorgtijden sloten niet aan bij de dag van de cliënt."),
        ("Kunt u toelichten waarom deze omvang nodig is en niet minder?", "Met minder blijft de badkamer liggen; de huisarts onderschrijft het advies."),
        ("Is er een ergotherapeut betrokken geweest?", "Ja, haar verslag ligt bij de aanbieder; zij adviseert hetzelfde."),
    ];

    private static readonly string[] AdjustReasons =
    [
        "Omvang bijgesteld na overleg met de aanbieder; evaluatie na drie maanden.",
        "Naast de algemene voorziening volstaat een kleinere omvang.",
    ];

    private static readonly string[] RejectReasons =
    [
        "De voorliggende voorziening (buurthulp) is passend en beschikbaar.",
        "Deze zorg valt onder de Wet langdurige zorg; doorverwezen naar het CIZ.",
    ];

    /// <summary>Outcomes of the decided advices, oldest first: mostly as advised, as in the pilots.</summary>
    private static readonly AdviceStatus[] Outcomes =
    [
        AdviceStatus.Granted, AdviceStatus.Adjusted, AdviceStatus.Granted, AdviceStatus.Granted, AdviceStatus.Rejected, AdviceStatus.Granted,
        AdviceStatus.Adjusted, AdviceStatus.Granted, AdviceStatus.Granted, AdviceStatus.Adjusted, AdviceStatus.Granted, AdviceStatus.Rejected,
        AdviceStatus.Granted, AdviceStatus.Granted, AdviceStatus.Adjusted, AdviceStatus.Granted,
    ];

    private readonly LocalStore _store;
    private readonly IReadOnlyList<Id<Client>> _clients;
    private readonly DateOnly _today;
    private readonly Worker _nurse = new(DemoData.DemoWorker.WorkerId, DemoData.DemoWorker.WorkerName, Role.Nurse, []);
    private readonly Worker _consultant = new(DemoData.DemoConsultant.WorkerId, DemoData.DemoConsultant.WorkerName, Role.WmoConsultant, []);
    private int _count;
    private int _messages;

    private DemoAdvices(LocalStore store, IReadOnlyList<Id<Client>> clients)
    {
        _store = store;
        _clients = clients;
        _today = AmsterdamTime.Today(store.Clock);
    }

    /// <returns>How many advices were written.</returns>
    public static int Fill(LocalStore store, IReadOnlyList<Id<Client>> clients)
    {
        if (clients.Count == 0)
            return 0;
        var demo = new DemoAdvices(store, clients);
        demo.Open();
        demo.Decided();
        return demo._count;
    }

    /// <summary>One advice in each state before a decision, with running, overdue and extended terms.</summary>
    private void Open()
    {
        Draft(NorthTeam, melding: 5, aanvraag: null, created: 2);

        Submit(Draft(SouthTeam, melding: 12, aanvraag: 6, created: 7), 6);

        // No aanvraag yet and the melding seven weeks ago: the investigation term has passed.
        Submit(Draft(NorthTeam, melding: 50, aanvraag: null, created: 12), 10);

        // The consultant records the aanvraag while asking; the decision term has passed since.
        var asked = Submit(Draft(SouthTeam, melding: 30, aanvraag: null, created: 21), 19);
        asked = Save(_consultant, asked.RecordAanvraag(_consultant, _today.AddDays(-20), _today));
        Ask(asked, 0, 15);

        var answered = Submit(Draft(NorthTeam, melding: 25, aanvraag: 9, created: 10), 9);
        answered = Answer(Ask(answered, 0, 7), 0, 6);
        Answer(Ask(answered, 1, 4), 1, 3);

        // Due by law in four days, extended by the consultant (before the term ran out, as Awb 4:14 asks) with a reason.
        var extended = Submit(Draft(SouthTeam, melding: 35, aanvraag: 10, created: 19), 18);
        extended = Answer(Ask(extended, 2, 14), 2, 12);
        Save(_consultant, extended.Extend(_consultant, _today.AddDays(10), "Het verslag van de ergotherapeut wordt afgewacht.", _today));

        var withdrawn = Submit(Draft(NorthTeam, melding: 40, aanvraag: 30, created: 31), 30);
        Save(AuthorOf(withdrawn), withdrawn.Withdraw(AuthorOf(withdrawn), _today));
    }

    /// <summary>Sixteen decisions over about six months, both teams, three of them after their term.</summary>
    private void Decided()
    {
        for (var i = 0; i < Outcomes.Length; i++)
        {
            var decidedDaysAgo = 170 - (i * 11);
            var late = i % 5 == 3;
            var aanvraag = decidedDaysAgo + (late ? 19 : 6 + (i % 5));
            var melding = aanvraag + 7 + (i % 3 * 4);
            var advice = Submit(Draft(i % 2 == 0 ? NorthTeam : SouthTeam, melding, aanvraag, created: aanvraag + 1), aanvraag);
            if (i % 3 == 0)
                advice = Answer(Ask(advice, i % Thread.Length, aanvraag - 2), i % Thread.Length, aanvraag - 3);
            Decide(advice, Outcomes[i], i, decidedDaysAgo);
        }
    }

    private IndicationAdvice Draft(string team, int melding, int? aanvraag, int created)
    {
        var index = _count++;
        var product = Products[index % Products.Length];
        var reasons = Reasons[index % Reasons.Length];
        var meldingDate = _today.AddDays(-melding);
        var provision = new Provision(
            product.Category, "", new Volume(product.Amount, product.Unit, product.Frequency), meldingDate.AddDays(melding / 2 + 7), product.Months);
        var content = new AdviceContent(
            provision, reasons.Rationale, null, reasons.Alternatives, reasons.Wishes, meldingDate, aanvraag is { } a ? _today.AddDays(-a) : null,
            LegalBasis.WmoTask, ConsentStatus.Given, "", true, index % 2 == 0);
        var author = team == NorthTeam ? _nurse : SecondNurse;
        var advice = IndicationAdvice.Draft(
            DemoData.DeterministicId<IndicationAdvice>(index, IdKind), _clients[index * 7 % _clients.Count], author, team, content, At(created, 10), _today).Value;
        _store.Advices.AddAs(author, advice);
        return advice;
    }

    private IndicationAdvice Submit(IndicationAdvice advice, int daysAgo) =>
        Save(AuthorOf(advice), advice.Submit(AuthorOf(advice), At(daysAgo, 11), _today));

    private IndicationAdvice Ask(IndicationAdvice advice, int turn, int daysAgo)
    {
        var question = Message(advice, AdviceMessageKind.Question, Thread[turn].Question, _consultant, daysAgo);
        return Save(_consultant, advice.AskQuestion(_consultant, _today), question);
    }

    private IndicationAdvice Answer(IndicationAdvice advice, int turn, int daysAgo)
    {
        var author = AuthorOf(advice);
        var answer = Message(advice, AdviceMessageKind.Answer, Thread[turn].Answer, author, daysAgo);
        return Save(author, advice.Answer(author, advice.Content, _today), answer);
    }

    private void Decide(IndicationAdvice advice, AdviceStatus outcome, int index, int daysAgo)
    {
        var at = At(daysAgo, 14);
        var step = outcome switch
        {
            AdviceStatus.Granted => advice.Grant(_consultant, "", at, _today),
            AdviceStatus.Adjusted => advice.Adjust(_consultant, Smaller(advice.Content.Provision), AdjustReasons[index % AdjustReasons.Length], at, _today),
            _ => advice.Reject(_consultant, RejectReasons[index % RejectReasons.Length], at, _today),
        };
        Save(_consultant, step);
    }

    /// <summary>The adjustment the consultant makes: the volume of the product's smaller variant.</summary>
    private static Provision Smaller(Provision advised)
    {
        var product = Products.First(p => p.Category == advised.Category);
        return advised with { Volume = advised.Volume with { Amount = product.Adjusted } };
    }

    private AdviceMessage Message(IndicationAdvice advice, AdviceMessageKind kind, string text, Worker by, int daysAgo) =>
        AdviceMessage.Write(DemoData.DeterministicId<AdviceMessage>(_messages++, IdKind + 1), advice.Id, kind, text, by, At(daysAgo, kind == AdviceMessageKind.Question ? 9 : 16)).Value;

    private IndicationAdvice Save(Worker by, Parsed<IndicationAdvice> step, AdviceMessage? message = null)
    {
        var advice = step.Value;
        _store.Advices.SaveAs(by, advice, message);
        return advice;
    }

    private Worker AuthorOf(IndicationAdvice advice) => advice.Author == _nurse.Id ? _nurse : SecondNurse;

    /// <summary>An hour of a Dutch day some days back, so a demo built on the same day is the same demo.</summary>
    private DateTimeOffset At(int daysAgo, int hour) => AmsterdamTime.StartOf(_today.AddDays(-daysAgo)).AddHours(hour);
}
