using System.Text.RegularExpressions;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Screens.Indications;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>The nurse's side of Wmo advice, typed on the fake terminal and checked in the store.</summary>
public sealed class AdviceScreenTests
{
    [Fact]
    public void NewAdvice_UnitFrequencyAndProductCodeThatDoNotFit_AreShownByField_ThenFixedItSaves()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var clientId = app.TopAs<DossierScreen>().Dossier!.Client.Id;

        app.Press('w').Type("Thuis blijven wonen").Press(KeyInput.Tab, KeyInput.Tab, KeyInput.Tab).Type("Dochter helpt")
            .Press(KeyInput.Tab).Type("Artrose in beide handen").Press(KeyInput.Tab, KeyInput.Tab).Type("3")
            .Press(KeyInput.Tab).Type("14").Press(KeyInput.Tab).Type("1");
        var unitWrong = app.Screen();
        app.Press(KeyInput.Tab, KeyInput.Tab, KeyInput.Tab).Type("01A01X");
        var codeWrong = app.Screen();
        var form = app.TopAs<AdviceFormScreen>();
        var fieldsWrong = form.Problems.Select(p => p.Field).ToList();
        app.Press(KeyInput.Ctrl('s'));
        var refused = app.Screen();
        app.TopAs<AdviceFormScreen>();
        var draftsWhileRefused = app.Store.Drafts.Keys();

        app.Press(KeyInput.Backspace).Press(KeyInput.ShiftTab, KeyInput.ShiftTab, KeyInput.ShiftTab).Type("2")
            .Press(KeyInput.ShiftTab).Type("04").Press(KeyInput.Ctrl('s'));

        Assert.Contains("> Frequentie              < 1 per dag >  ! past niet: 3 etmalen per dag", unitWrong, StringComparison.Ordinal);
        Assert.Contains(" ! Frequentie: past niet", unitWrong, StringComparison.Ordinal);
        Assert.Contains("> Productcode gemeente    01A01X     ! mag alleen letters en cijfers bevatten", codeWrong, StringComparison.Ordinal);
        Assert.Contains(" ! Productcode gemeente: mag alleen letters en cijfers bevatten, maximaal 5", codeWrong, StringComparison.Ordinal);
        Assert.Equal(["productcode", "frequentie"], fieldsWrong);
        Assert.Contains("Niet opgeslagen: 2 velden nog niet in orde", refused, StringComparison.Ordinal);
        Assert.Equal([DraftKeys.ForNewAdvice(clientId)], draftsWhileRefused);

        app.TopAs<DossierScreen>();
        var stored = WrittenNow(app, clientId);
        Assert.Equal(AdviceStatus.Concept, stored.Status);
        Assert.Equal(new Volume(3, VolumeUnit.Hour, VolumeFrequency.PerWeek), stored.Content.Provision.Volume);
        Assert.Equal("01A01", stored.Content.Provision.ProductCode);
        Assert.Equal("Artrose in beide handen", stored.Content.Rationale);
        Assert.Empty(app.Store.Drafts.Keys());
        Assert.Contains("> 16-03-2026 10:30  Wmo-advies [concept] onderzoek uiterlijk 27-04-2026", app.Screen(), StringComparison.Ordinal);
        Assert.Contains("Wmo-advies opgeslagen.", app.Screen(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0,5", "", 30, VolumeUnit.Hour, "< 04 uur >", "0,5 uur (30 minuten) per week")]
    [InlineData("1,5", "16", 360, VolumeUnit.Dagdeel, "< 16 dagdeel (4 uur) >", "1,5 dagdelen (360 minuten) per week")]
    [InlineData("0,25", "14", 360, VolumeUnit.Etmaal, "< 14 etmaal >", "0,25 etmaal (360 minuten) per week")]
    public void DecimalVolume_IsStoredInWholeMinutes_AndTheFormReadsItBackInTheUnitTyped(
        string amount, string unitCode, long minutes, VolumeUnit unit, string unitShown, string volumeShown)
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var clientId = app.TopAs<DossierScreen>().Dossier!.Client.Id;

        app.Press('w').Type("Thuis blijven wonen").Press(KeyInput.Tab, KeyInput.Tab, KeyInput.Tab).Type("Dochter helpt")
            .Press(KeyInput.Tab).Type("Artrose in beide handen").Press(KeyInput.Tab, KeyInput.Tab).Type(amount)
            .Press(KeyInput.Tab).Type(unitCode).Press(KeyInput.Ctrl('s'));
        app.TopAs<DossierScreen>();
        var stored = WrittenNow(app, clientId);
        OpenAdvice(app, stored.Id);
        var shown = app.Screen();
        app.Press('e');
        app.TopAs<AdviceFormScreen>();
        var form = app.Screen();

        Assert.Equal(new Volume(minutes, VolumeUnit.Minute, VolumeFrequency.PerWeek, unit), stored.Content.Provision.Volume);
        Assert.Contains(volumeShown, shown, StringComparison.Ordinal);
        Assert.Matches($@"Omvang \(aantal\)\s+{Regex.Escape(amount)}\s", form);
        Assert.Contains($"Eenheid                 {unitShown}", form, StringComparison.Ordinal);
        Assert.DoesNotContain("minuut", form, StringComparison.Ordinal);
    }

    /// <summary>
    /// The count in the report: a typical advice (household help, 3 hours a week, 12 months) written and
    /// submitted from the dossier of the demo store. Typed text is counted apart from the keys that move,
    /// tick and submit (submitting asks first, so "j" is one of them).
    /// </summary>
    [Fact]
    public void TypicalAdvice_WrittenAndSubmittedFromTheDossier_TakesElevenKeysBesidesTheText()
    {
        const string wishes = "Zo lang mogelijk thuis blijven wonen in een schoon huis.";
        const string alternatives = "Dochter doet de boodschappen; zelf een schoonmaker betalen lukt niet.";
        const string rationale = "Door artrose in beide handen kan mevrouw niet stofzuigen, dweilen of bedden verschonen.";
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var dossier = app.TopAs<DossierScreen>().Dossier!;
        var keys = new KeyCount();

        keys.Key(KeyInput.Character('w')).Text(wishes)
            .Key(KeyInput.Tab).Key(KeyInput.Space).Key(KeyInput.Tab).Key(KeyInput.Space)
            .Key(KeyInput.Tab).Text(alternatives)
            .Key(KeyInput.Tab).Text(rationale)
            .Key(KeyInput.Tab).Key(KeyInput.Tab).Text("3")
            .Key(KeyInput.Ctrl('d')).Key(KeyInput.Character('j'));
        app.Press([.. keys.Sequence]);

        var advice = WrittenNow(app, dossier.Client.Id);
        Assert.Equal(AdviceStatus.Submitted, advice.Status);
        Assert.Equal(new Provision(ProductCategory.HouseholdHelp, "", new Volume(3, VolumeUnit.Hour, VolumeFrequency.PerWeek), new DateOnly(2026, 3, 30), 12), advice.Content.Provision);
        Assert.Equal((wishes, alternatives, rationale), (advice.Content.ClientWishes, advice.Content.AlternativesConsidered, advice.Content.Rationale));
        Assert.True(advice.Content.ClientSupportOffered && advice.Content.PersonalPlanOffered);
        Assert.Equal(AdviceZrmText.LatestScoredVisit(dossier.Visits)!.Zrm, advice.Content.Zrm);
        Assert.Equal((new DateOnly(2026, 3, 16), (DateOnly?)null, LegalBasis.WmoTask, ConsentStatus.Given), (advice.Content.MeldingDate, advice.Content.AanvraagDate, advice.Content.LegalBasis, advice.Content.Consent));
        Assert.Contains("> 16-03-2026 10:30  Wmo-advies [ingediend] onderzoek uiterlijk 27-04-2026", app.Screen(), StringComparison.Ordinal);
        Assert.Equal(11, keys.Navigation);
        Assert.Equal(wishes.Length + alternatives.Length + rationale.Length + 1, keys.Typed);
        Assert.Equal(213, keys.Typed);
    }

    [Fact]
    public void ConceptOpenedFromTheTimeline_SubmittedWithI()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var clientId = app.TopAs<DossierScreen>().Dossier!.Client.Id;
        var concept = IndicationAdvice.Draft(Id<IndicationAdvice>.New(app.Clock), clientId, app.Store.Advices.Me, "", AdviceFixtures.Content(app.Store.Advices.Today), app.Clock.GetUtcNow(), app.Store.Advices.Today).Value;
        app.Store.Advices.Add(concept);
        OpenAdvice(app, concept.Id);
        var before = app.Screen();

        app.Press('i');
        var asked = app.Screen();
        app.Press(KeyInput.Escape);
        var afterNo = app.Store.Advices.Find(concept.Id)!.Status;
        app.Press('i').Press('j');

        Assert.Contains("Maud Graaf · [concept]", before, StringComparison.Ordinal);
        Assert.Contains("i Indienen", before, StringComparison.Ordinal);
        Assert.Contains("Dit advies indienen bij de Wmo-consulent?", asked, StringComparison.Ordinal);
        Assert.Equal(AdviceStatus.Concept, afterNo);
        Assert.Equal(AdviceStatus.Submitted, app.Store.Advices.Find(concept.Id)!.Status);
        Assert.Contains("Maud Graaf · [ingediend]", app.Screen(), StringComparison.Ordinal);
        // Nothing left the laptop yet: the message says it waits for the next sync.
        Assert.Equal("Wmo-advies ingediend; gaat mee met de volgende sync (F5).", app.App.Toast.Message);
        Assert.DoesNotContain("i Indienen", app.Screen(), StringComparison.Ordinal);
        app.Press(KeyInput.Escape);
        Assert.Contains("Wmo-advies [ingediend]", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void StepTheServerRefused_IsShownOnTheAdvice_WithTheServersReason()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var clientId = app.TopAs<DossierScreen>().Dossier!.Client.Id;
        var advice = AdviceFixtures.Submitted(app.Store, clientId);
        app.Store.Advices.Add(advice);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.StorePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO sync_refusals (mutation_id, table_name, row_id, reason, at) VALUES (991, 'indication_advices', $id, $why, '2026-03-14T09:00:00Z')";
            command.Parameters.AddWithValue("$id", advice.Id.ToString());
            command.Parameters.AddWithValue("$why", "Indicatieadvies: productcode mag alleen letters en cijfers bevatten, maximaal 5 tekens");
            command.ExecuteNonQuery();
        }

        OpenAdvice(app, advice.Id);

        Assert.Contains("! niet gesynchroniseerd, de server weigerde: Indicatieadvies: productcode", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void QuestionArrivingBySync_IsCountedOnTheAuthorsHome()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var clientId = app.TopAs<DossierScreen>().Dossier!.Client.Id;
        var submitted = AdviceFixtures.Submitted(app.Store, clientId);
        AdviceFixtures.Arrive(app.Store, submitted);
        app.Press('h');
        var before = app.Screen();
        var (asked, question) = AdviceFixtures.Ask(app.Store, submitted, "Hoe vaak komt de dochter?");

        AdviceFixtures.Arrive(app.Store, asked, question);
        app.Press('c').Press(KeyInput.Escape).Press('h');

        Assert.Contains("vragen te beantwoorden 0", before, StringComparison.Ordinal);
        Assert.Contains("Wmo-adviezen: vragen te beantwoorden 1", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void QuestionFromTheConsultant_NurseAnswers_StepAndAnswerAreStoredTogether()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier(120, 30);
        var clientId = app.TopAs<DossierScreen>().Dossier!.Client.Id;
        var (asked, question) = AdviceFixtures.Ask(app.Store, AdviceFixtures.Submitted(app.Store, clientId), "Is de dochter er elke week?");
        AdviceFixtures.Arrive(app.Store, asked, question);
        OpenAdvice(app, asked.Id);
        var withQuestion = app.Screen();

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        app.Press('a');
        var form = app.Screen();
        app.Type("Ja, op zaterdag; zij kan niet vaker.").Press(KeyInput.Ctrl('s'));

        Assert.Contains("[vraag gesteld]", withQuestion, StringComparison.Ordinal);
        Assert.Contains("16-03-2026 10:30 · vraag van Wmo-consulent", withQuestion, StringComparison.Ordinal);
        Assert.Contains("a Antwoorden", withQuestion, StringComparison.Ordinal);
        Assert.Contains("Vraag: Is de dochter er elke week?", form, StringComparison.Ordinal);
        app.TopAs<AdviceScreen>();
        var stored = app.Store.Advices.Find(asked.Id)!;
        Assert.Equal(AdviceStatus.Answered, stored.Status);
        Assert.Equal(asked.Content, stored.Content);
        var thread = app.Store.Advices.Thread(asked.Id);
        Assert.Equal([AdviceMessageKind.Question, AdviceMessageKind.Answer], thread.Select(m => m.Kind));
        Assert.Equal(("Ja, op zaterdag; zij kan niet vaker.", app.Store.Identity.WorkerId), (thread[1].Text, thread[1].Author));
        Assert.Contains("antwoord van u", app.Screen(), StringComparison.Ordinal);
        Assert.Contains("[beantwoord]", app.Screen(), StringComparison.Ordinal);
        Assert.Contains("Antwoord bewaard; gaat mee met de volgende sync (F5).", app.Screen(), StringComparison.Ordinal);
        Assert.Empty(app.Store.Drafts.Keys());
    }

    [Fact]
    public void Withdraw_AsksFirst_NeeKeepsTheAdvice_JaWithdrawsIt()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var advice = AdviceFixtures.Submitted(app.Store, app.TopAs<DossierScreen>().Dossier!.Client.Id);
        AdviceFixtures.Arrive(app.Store, advice);
        OpenAdvice(app, advice.Id);

        app.Press('x');
        var asked = app.Screen();
        app.TopAs<ConfirmScreen>();
        app.Press('n');
        var kept = app.Store.Advices.Find(advice.Id)!.Status;
        app.Press('x').Press('j');

        Assert.Contains("Advies intrekken?", asked, StringComparison.Ordinal);
        Assert.Contains("[ Ja ]  > Nee <", asked, StringComparison.Ordinal);
        Assert.Equal(AdviceStatus.Submitted, kept);
        Assert.Equal(AdviceStatus.Withdrawn, app.Store.Advices.Find(advice.Id)!.Status);
        Assert.Contains("[ingetrokken]", app.Screen(), StringComparison.Ordinal);
        Assert.Contains("(gestopt)", app.Screen(), StringComparison.Ordinal);
        Assert.DoesNotContain("x Intrekken", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nurse_IsOfferedNoConsultantStep()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier(120, 30);
        var advice = AdviceFixtures.Submitted(app.Store, app.TopAs<DossierScreen>().Dossier!.Client.Id);
        AdviceFixtures.Arrive(app.Store, advice);
        OpenAdvice(app, advice.Id);
        var hints = app.Screen().Split('\n')[^1];

        app.Press('v');

        Assert.Contains("x Intrekken", hints, StringComparison.Ordinal);
        Assert.DoesNotContain("Vraag stellen", hints, StringComparison.Ordinal);
        app.TopAs<AdviceScreen>();
        Assert.Empty(app.Store.Advices.Thread(advice.Id));
    }

    [Fact]
    public void Consultant_AsksAQuestion_AndIsOfferedNoAuthorStep()
    {
        using var app = new AppHarness(120, 30, role: Role.WmoConsultant);
        var client = app.Store.Clients.Search().OrderBy(c => c.Name.SortForm, Core.Domain.Clients.PersonName.DutchOrder).First();
        app.Press('c').Press('/').Type($"{client.Name.Full} {DateText.Show(client.BirthDate)}").Press(KeyInput.Enter, KeyInput.Enter);
        var dossierHints = app.Screen().Split('\n')[^1];
        app.Press('w');
        var afterW = app.Top;
        var advice = AdviceFixtures.Submitted(app.Store, client.Id);
        AdviceFixtures.Arrive(app.Store, advice);
        OpenAdvice(app, advice.Id);
        var hints = app.Screen().Split('\n')[^1];
        app.Press('x').Press('i').Press('e').Press('a');
        var stillSubmitted = app.Store.Advices.Find(advice.Id)!.Status;

        app.Press('v').Type("Hoeveel uur helpt de dochter?").Press(KeyInput.Ctrl('s'));

        Assert.DoesNotContain("Nieuw Wmo-advies", dossierHints, StringComparison.Ordinal);
        Assert.IsType<DossierScreen>(afterW);
        Assert.Contains("v Vraag stellen", hints, StringComparison.Ordinal);
        Assert.DoesNotContain("Intrekken", hints, StringComparison.Ordinal);
        Assert.DoesNotContain("Indienen", hints, StringComparison.Ordinal);
        Assert.DoesNotContain("Antwoorden", hints, StringComparison.Ordinal);
        Assert.Equal(AdviceStatus.Submitted, stillSubmitted);
        Assert.Equal(AdviceStatus.QuestionAsked, app.Store.Advices.Find(advice.Id)!.Status);
        var question = Assert.Single(app.Store.Advices.Thread(advice.Id));
        Assert.Equal((AdviceMessageKind.Question, "Hoeveel uur helpt de dochter?"), (question.Kind, question.Text));
        Assert.Contains("vraag van u", app.Screen(), StringComparison.Ordinal);
        // Nothing left the laptop yet: the message says it waits for the next sync.
        Assert.Contains("Vraag bewaard; gaat mee met de volgende sync (F5).", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void AdviceDraftLeftBehind_ReopensOverTheDossier_AndSubmitsFromThere()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var clientId = app.TopAs<DossierScreen>().Dossier!.Client.Id;
        app.Press('w').Type("Thuis blijven").Press(KeyInput.Tab, KeyInput.Space).Press(KeyInput.Tab, KeyInput.Tab).Type("Geen")
            .Press(KeyInput.Tab).Type("Artrose").Press(KeyInput.Tab).Type("07").Press(KeyInput.Tab).Type("2").Press(KeyInput.Tab).Type("16");

        app.Restart();

        var form = app.TopAs<AdviceFormScreen>();
        Assert.Equal(DraftKeys.ForNewAdvice(clientId), form.DraftKey);
        Assert.Equal(("Thuis blijven", "1", "0", "Geen", "Artrose", "2"), (form.Field("wens van de cliënt").Read(), form.Field("cliëntondersteuning").Read(),
            form.Field("persoonlijk plan").Read(), form.Field("voorliggende voorzieningen").Read(), form.Field("onderbouwing").Read(), form.Field("omvang").Read()));
        Assert.Contains("< 07 Dagbesteding >", app.Screen(), StringComparison.Ordinal);
        Assert.Contains("Concept hersteld", app.Screen(), StringComparison.Ordinal);

        app.Press(KeyInput.Ctrl('d')).Press('j');

        app.TopAs<DossierScreen>();
        var advice = WrittenNow(app, clientId);
        Assert.Equal((AdviceStatus.Submitted, ProductCategory.DayActivities), (advice.Status, advice.Content.Provision.Category));
        Assert.Equal(new Volume(2, VolumeUnit.Dagdeel, VolumeFrequency.PerWeek), advice.Content.Provision.Volume);
    }

    [Fact]
    public void AnswerDraftLeftBehind_ReopensOverTheAdvice()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var (asked, question) = AdviceFixtures.Ask(app.Store, AdviceFixtures.Submitted(app.Store, app.TopAs<DossierScreen>().Dossier!.Client.Id), "Hoe vaak komt de dochter?");
        AdviceFixtures.Arrive(app.Store, asked, question);
        OpenAdvice(app, asked.Id);
        app.Press('a').Type("Elke zater");

        app.Restart();

        Assert.Equal("Elke zater", app.TopAs<AdviceMessageFormScreen>().Field("bericht").Read());
        app.Press(KeyInput.Escape).Press('j');
        Assert.Equal(asked.Id, app.TopAs<AdviceScreen>().Advice!.Id);
    }

    [Fact]
    public void SubmitOnAScreenDrawnBeforeASyncChangedTheAdvice_IsRefusedSayingSo_AndTheColleaguesChangeStays()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var clientId = app.TopAs<DossierScreen>().Dossier!.Client.Id;
        var concept = IndicationAdvice.Draft(Id<IndicationAdvice>.New(app.Clock), clientId, app.Store.Advices.Me, "", AdviceFixtures.Content(app.Store.Advices.Today), app.Clock.GetUtcNow(), app.Store.Advices.Today).Value;
        AdviceFixtures.Arrive(app.Store, concept);
        OpenAdvice(app, concept.Id);

        AdviceFixtures.Arrive(app.Store, concept with { Content = concept.Content with { ClientWishes = "Aangevuld door een collega." } });
        app.Press('i').Press('j');

        var stored = app.Store.Advices.Find(concept.Id)!;
        Assert.Equal((AdviceStatus.Concept, "Aangevuld door een collega."), (stored.Status, stored.Content.ClientWishes));
        Assert.Equal("dit advies is intussen gewijzigd (binnengekomen bij synchroniseren); bekijk het opnieuw en kies dan opnieuw", app.App.Toast.Message);
        Assert.Contains("Aangevuld door een collega.", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void EditWhileTheAdviceWasSubmittedElsewhere_IsRefusedAndKeepsTheTyping()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var clientId = app.TopAs<DossierScreen>().Dossier!.Client.Id;
        var concept = IndicationAdvice.Draft(Id<IndicationAdvice>.New(app.Clock), clientId, AdviceFixtures.Nurse, "", AdviceFixtures.Content(app.Store.Advices.Today), app.Clock.GetUtcNow(), app.Store.Advices.Today).Value;
        AdviceFixtures.Arrive(app.Store, concept);
        OpenAdvice(app, concept.Id);
        app.Press('e').Press(KeyInput.End).Type(" Met de dochter besproken.");

        AdviceFixtures.Arrive(app.Store, concept.Submit(AdviceFixtures.Nurse, app.Clock.GetUtcNow(), app.Store.Advices.Today).Value);
        app.Press(KeyInput.Ctrl('s'));

        var form = app.TopAs<AdviceFormScreen>();
        Assert.EndsWith("Met de dochter besproken.", form.Field("wens van de cliënt").Read(), StringComparison.Ordinal);
        Assert.Contains("kan nu niet worden gewijzigd", app.Screen(), StringComparison.Ordinal);
        Assert.Equal([DraftKeys.ForAdvice(concept.Id)], app.Store.Drafts.Keys());
        Assert.Equal(concept.Content, app.Store.Advices.Find(concept.Id)!.Content);
    }

    /// <summary>From the dossier on top: selects the advice's line in the timeline and opens it with Enter.</summary>
    internal static void OpenAdvice(AppHarness app, Id<IndicationAdvice> id)
    {
        var dossier = app.TopAs<DossierScreen>();
        dossier.OnResumed();
        var index = dossier.Dossier!.Timeline(Core.Domain.Common.AmsterdamTime.Zone).ToList().FindIndex(i => i.Advice?.Id == id);
        Assert.True(index >= 0, "The advice is not in the timeline.");
        app.Press(KeyInput.Home);
        for (var i = 0; i < index; i++)
            app.Press(KeyInput.Down);
        app.Press(KeyInput.Enter);
        Assert.Equal(id, app.TopAs<AdviceScreen>().Advice!.Id);
    }

    /// <summary>A key sequence that knows which presses are typed text and which move, tick or submit.</summary>
    private sealed class KeyCount
    {
        public List<KeyInput> Sequence { get; } = [];

        public int Typed { get; private set; }

        public int Navigation { get; private set; }

        public KeyCount Text(string text)
        {
            Sequence.AddRange(text.Select(KeyInput.Character));
            Typed += text.Length;
            return this;
        }

        public KeyCount Key(KeyInput key)
        {
            Sequence.Add(key);
            Navigation++;
            return this;
        }
    }

    /// <summary>The one advice this test wrote for the client: the demo store holds older advice of its own.</summary>
    private static IndicationAdvice WrittenNow(AppHarness app, Id<Client> clientId) =>
        Assert.Single(app.Store.Advices.ForClient(clientId), a => a.CreatedAt == app.Clock.GetUtcNow());
}
