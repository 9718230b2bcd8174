using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Indications;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>The Wmo consultant's side driven by keys: the review queue, the decision and the term, checked on screen and in the store.</summary>
public sealed class ConsultantScreenTests
{
    [Fact]
    public void Queue_OverdueFirstAndMarked_ThenByDeadline_QuestionOpenBelow()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5');

        var queue = desk.App.TopAs<ReviewQueueScreen>();
        var screen = desk.App.Screen();
        var lines = screen.Split('\n');
        Assert.Equal([desk.Overdue.Id, desk.Answered.Id, desk.Investigating.Id, desk.QuestionOpen.Id], queue.Visible.Select(r => r.Advice.Id));
        var overdueLine = lines.Single(l => l.Contains(desk.Name(desk.Overdue), StringComparison.Ordinal) && l.Contains("06-03-2026", StringComparison.Ordinal));
        Assert.StartsWith("> ! 06-03-2026     -10", overdueLine, StringComparison.Ordinal);
        Assert.Contains("ingediend", overdueLine, StringComparison.Ordinal);
        var answeredLine = lines.Single(l => l.Contains(desk.Name(desk.Answered), StringComparison.Ordinal) && l.Contains("24-03-2026", StringComparison.Ordinal));
        Assert.StartsWith("    24-03-2026       8", answeredLine, StringComparison.Ordinal);
        Assert.DoesNotContain(desk.Name(desk.Granted), screen, StringComparison.Ordinal);
        Assert.Contains("4 van 5 adviezen, 1 over de termijn", screen, StringComparison.Ordinal);
        Assert.Contains("06-03-2026 (10 dagen te laat)", screen, StringComparison.Ordinal);
        Assert.Contains("onderzoek uiterlijk 03-03-2026 (op tijd)", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Queue_SlashThenTypingFilters_OnTeamStatusAndName_EscClears()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5');
        var queue = desk.App.TopAs<ReviewQueueScreen>();

        desk.App.Press('/').Type("zuid");
        var byTeam = queue.Visible.Select(r => r.Advice.Id).ToList();
        desk.App.Press(KeyInput.Escape).Press('/').Type("beantw");
        var byStatus = queue.Visible.Select(r => r.Advice.Id).ToList();
        desk.App.Press(KeyInput.Escape).Press('/').Type(desk.Clients[3].Name.Surname.ToUpperInvariant());
        var byName = queue.Visible.Select(r => r.Advice.Id).ToList();
        var byNameScreen = desk.App.Screen();
        desk.App.Press(KeyInput.Escape);

        Assert.Equal([desk.Investigating.Id], byTeam);
        Assert.Equal([desk.Answered.Id], byStatus);
        Assert.Contains(desk.QuestionOpen.Id, byName);
        Assert.DoesNotContain(desk.Overdue.Id, byName);
        Assert.Contains($"{byName.Count} van 5 adviezen", byNameScreen, StringComparison.Ordinal);
        Assert.Equal(4, queue.Visible.Count);
        Assert.Same(queue, desk.App.Top);
    }

    [Fact]
    public void Queue_ViewKeyCycles_ToReview_QuestionOpen_Decided_All()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5');
        var queue = desk.App.TopAs<ReviewQueueScreen>();

        List<Core.Domain.Common.Id<IndicationAdvice>> Ids() => queue.Visible.Select(r => r.Advice.Id).ToList();
        desk.App.Press('s');
        var awaiting = Ids();
        desk.App.Press('s');
        var question = Ids();
        desk.App.Press('s');
        var decided = Ids();
        var decidedScreen = desk.App.Screen();
        desk.App.Press('s');
        var all = Ids();

        Assert.Equal([desk.Overdue.Id, desk.Answered.Id, desk.Investigating.Id], awaiting);
        Assert.Equal([desk.QuestionOpen.Id], question);
        Assert.Equal([desk.Granted.Id], decided);
        Assert.Contains("Toon: besloten", decidedScreen, StringComparison.Ordinal);
        // Decided on 16-03 while the term ended 24-02: marked as late, in words too.
        Assert.Contains("te laat", decidedScreen.Split('\n').Single(l => l.Contains(desk.Name(desk.Granted), StringComparison.Ordinal) && l.Contains("24-02-2026", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(5, all.Count);
    }

    [Fact]
    public void Decision_AdjustVolumeWithReason_IsStoredAsAdjusted_WithWhatChanged()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5').Press(KeyInput.Enter).Press('b');
        var form = desk.App.TopAs<DecisionFormScreen>();
        Assert.Equal(desk.Overdue.Id, form.Advice.Id);

        desk.App.Press(KeyInput.Right)
            .Press(KeyInput.Tab, KeyInput.Tab, KeyInput.Tab).Press(KeyInput.Backspace).Type("4");
        var live = desk.App.Screen();
        desk.App.Press(KeyInput.Tab, KeyInput.Tab, KeyInput.Tab, KeyInput.Tab, KeyInput.Tab).Type("Vier uur: ook de was.");
        desk.App.Press(KeyInput.Ctrl('s'));
        var confirm = desk.App.TopAs<ConfirmScreen>();
        Assert.Equal(AdviceStatus.Submitted, desk.Stored(desk.Overdue).Status);
        desk.App.Press('j');

        var stored = desk.Stored(desk.Overdue);
        Assert.Contains("omvang: 3 uur per week → 4 uur per week", live, StringComparison.Ordinal);
        Assert.Contains("aangepast", confirm.Dialog.Message, StringComparison.Ordinal);
        Assert.Equal(AdviceStatus.Adjusted, stored.Status);
        Assert.Equal(new Volume(4, VolumeUnit.Hour, VolumeFrequency.PerWeek), stored.Decision!.Decided!.Volume);
        Assert.Equal([ProvisionPart.Volume], stored.Decision.Decided.ChangesFrom(stored.Content.Provision));
        Assert.Equal("Vier uur: ook de was.", stored.Decision.Reason);
        Assert.Equal(AdviceFeed.Consultant.Id, stored.Decision.By);
        Assert.Equal(AdviceStatus.Adjusted, desk.App.TopAs<AdviceScreen>().Advice!.Status);
        Assert.Contains("Besluit vastgelegd.", desk.App.Screen(), StringComparison.Ordinal);
        desk.App.Press(KeyInput.Escape);
        var queue = desk.App.TopAs<ReviewQueueScreen>();
        Assert.DoesNotContain(queue.Visible, r => r.Advice.Id == desk.Overdue.Id);
        Assert.Empty(desk.App.Store.Drafts.Keys());
    }

    [Fact]
    public void Decision_ConfirmAnsweredNo_StoresNothing_AndKeepsTheForm()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5').Press(KeyInput.Enter).Press('b').Press(KeyInput.Ctrl('s')).Press('n');

        desk.App.TopAs<DecisionFormScreen>();
        Assert.Equal(AdviceStatus.Submitted, desk.Stored(desk.Overdue).Status);
    }

    [Fact]
    public void Decision_RejectWithoutReason_FieldError_NothingStored_TypingKeptThroughACrash()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5').Press(KeyInput.Enter).Press('b')
            .Press(KeyInput.Right, KeyInput.Right)
            .Press(KeyInput.Tab, KeyInput.Tab, KeyInput.Tab).Press(KeyInput.Backspace).Type("5");
        desk.App.Press(KeyInput.Ctrl('s'));

        var form = desk.App.TopAs<DecisionFormScreen>();
        Assert.Contains("! Reden (verplicht bij aangepast en afgewezen): is verplicht bij afgewezen: leg", desk.App.Screen(), StringComparison.Ordinal);
        Assert.Equal(AdviceStatus.Submitted, desk.Stored(desk.Overdue).Status);
        Assert.Equal("5", form.Field("omvang").Read());

        desk.App.Restart();

        var restored = desk.App.TopAs<DecisionFormScreen>();
        Assert.Equal(DraftKeys.ForDecision(desk.Overdue.Id), restored.DraftKey);
        Assert.Equal("2", restored.Field("besluit").Read());
        Assert.Equal("5", restored.Field("omvang").Read());
        Assert.Contains("Afgewezen: er wordt geen voorziening toegekend.", desk.App.Screen(), StringComparison.Ordinal);
        desk.App.Press(KeyInput.Escape).Press('j');
        desk.App.TopAs<ReviewQueueScreen>();
    }

    [Fact]
    public void Decision_GrantedWithAChangedField_SaysToChooseAdjusted()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5').Press(KeyInput.Enter).Press('b').Press(KeyInput.Tab, KeyInput.Tab).Type("X");
        desk.App.Press(KeyInput.Ctrl('s'));

        desk.App.TopAs<DecisionFormScreen>();
        Assert.Contains("Besluit: toegekend betekent zoals geadviseerd; kies 'aangepast'", desk.App.Screen(), StringComparison.Ordinal);
        Assert.Equal(AdviceStatus.Submitted, desk.Stored(desk.Overdue).Status);
    }

    [Fact]
    public void Decision_ProductCodeTooLong_SaysWhatFits()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5').Press(KeyInput.Enter).Press('b').Press(KeyInput.Right).Press(KeyInput.Tab, KeyInput.Tab).Type("23");

        var screen = desk.App.Screen();
        Assert.Contains("Productcode: mag alleen letters en cijfers bevatten, maximaal 5 tekens", screen, StringComparison.Ordinal);
        Assert.Equal("01A0123", desk.App.TopAs<DecisionFormScreen>().Field("productcode").Read());
    }

    [Fact]
    public void Decision_AdviceChangedBySyncMeanwhile_IsNotOverwritten_AndTheFormStays()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5').Press(KeyInput.Down).Press(KeyInput.Enter).Press('b');
        var withdrawn = desk.Answered.Withdraw(AdviceFeed.Nurse, new DateOnly(2026, 3, 16)).Value;
        AdviceFeed.Deliver(desk.App.Store, withdrawn);

        desk.App.Press(KeyInput.Ctrl('s')).Press('j');

        var form = desk.App.TopAs<DecisionFormScreen>();
        Assert.Equal(AdviceStatus.Withdrawn, desk.Stored(desk.Answered).Status);
        Assert.Equal(AdviceStatus.Withdrawn, form.Advice.Status);
        Assert.Contains("advies: is intussen gewijzigd", desk.App.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nurse_SeesTheQueueReadOnly_NoDecideOrTermAction()
    {
        using var desk = new ConsultantDesk(identity: Wijkwerk.Demo.DemoData.DemoWorker);
        desk.App.Press('5');
        var queue = desk.App.TopAs<ReviewQueueScreen>();

        desk.App.Press('b').Press('t');

        Assert.Same(queue, desk.App.Top);
        Assert.Equal(4, queue.Visible.Count);
        Assert.All(queue.AllCommands.Commands.Where(c => c.Id is "decide" or "term"), c => Assert.False(c.IsEnabled()));
        var screen = desk.App.Screen();
        Assert.Contains("Alleen inzien: de Wmo-consulent beoordeelt en besluit.", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("Besluiten", screen, StringComparison.Ordinal);
        Assert.Equal(AdviceStatus.Submitted, desk.Stored(desk.Overdue).Status);
    }

    [Fact]
    public void Term_ExtensionNotAfterTheStatutoryDate_IsRefusedWithTheDate_ThenALaterOneIsStored()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5').Press(KeyInput.Down).Press('t');
        desk.App.TopAs<ExtensionFormScreen>();

        desk.App.Type("20-03-2026").Press(KeyInput.Tab).Type("Advies ergotherapeut nodig.").Press(KeyInput.Ctrl('s'));
        var refused = desk.App.Screen();
        var notStored = desk.Stored(desk.Answered).Extension;
        desk.App.Press(KeyInput.ShiftTab);
        for (var i = 0; i < 10; i++)
            desk.App.Press(KeyInput.Backspace);
        desk.App.Type("07-04-2026").Press(KeyInput.Ctrl('s'));

        Assert.Contains("Nieuwe beslisdatum: moet na de wettelijke beslistermijn (24-03-2026) liggen", refused, StringComparison.Ordinal);
        Assert.Contains("Wettelijke beslistermijn: 24-03-2026", refused, StringComparison.Ordinal);
        Assert.Null(notStored);
        Assert.Equal(new DecisionExtension(new DateOnly(2026, 4, 7), "Advies ergotherapeut nodig."), desk.Stored(desk.Answered).Extension);
        var queue = desk.App.TopAs<ReviewQueueScreen>();
        Assert.Equal(new DateOnly(2026, 4, 7), queue.Visible.Single(r => r.Advice.Id == desk.Answered.Id).Clock.Due);
        Assert.Contains("07-04-2026 (verlengd)", desk.App.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void Term_RecordingTheAanvraag_StartsTheDecisionClock()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5').Press(KeyInput.Down, KeyInput.Down).Press('t');
        var form = desk.App.TopAs<ExtensionFormScreen>();
        Assert.Equal(desk.Investigating.Id, form.Advice.Id);

        desk.App.Type("16-03-2026").Press(KeyInput.Ctrl('s'));

        var stored = desk.Stored(desk.Investigating);
        Assert.Equal(new DateOnly(2026, 3, 16), stored.Content.AanvraagDate);
        Assert.Null(stored.Extension);
        Assert.Equal(new DateOnly(2026, 3, 30), stored.Clocks.Current(new DateOnly(2026, 3, 16)).Due);
        Assert.Contains("Termijn vastgelegd.", desk.App.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void Term_NothingFilledIn_SaysWhatToFill()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5').Press('t').Press(KeyInput.Ctrl('s'));

        desk.App.TopAs<ExtensionFormScreen>();
        Assert.Contains("! Nieuwe beslisdatum: vul een nieuwe beslisdatum met reden in, of de", desk.App.Screen(), StringComparison.Ordinal);
        Assert.Null(desk.Stored(desk.Overdue).Extension);
    }

    [Fact]
    public void Term_DraftLeftBehind_ReopensOverTheQueue()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5').Press(KeyInput.Down, KeyInput.Down).Press('t').Type("1203");

        desk.App.Restart();

        var form = desk.App.TopAs<ExtensionFormScreen>();
        Assert.Equal(DraftKeys.ForExtension(desk.Investigating.Id), form.DraftKey);
        Assert.Equal("1203", form.Field("aanvraagdatum").Read());
        desk.App.Press(KeyInput.Escape).Press('j');
        desk.App.TopAs<ReviewQueueScreen>();
    }

    [Fact]
    public void DecisionDraft_ForAnAdviceDecidedElsewhere_IsDropped_AndHomeOpens()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5').Press(KeyInput.Enter).Press('b').Press(KeyInput.Right, KeyInput.Right);
        var decidedElsewhere = desk.Overdue.Reject(AdviceFeed.Consultant, "Elders besloten.", desk.App.Clock.GetUtcNow(), new DateOnly(2026, 3, 16)).Value;
        AdviceFeed.Deliver(desk.App.Store, decidedElsewhere);

        desk.App.Restart();

        desk.App.TopAs<HomeScreen>();
        Assert.Empty(desk.App.Store.Drafts.Keys());
    }

    [Fact]
    public void Home_ForTheConsultant_CountsAdviceToReview_AndOffersKey5()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('h');

        desk.App.TopAs<HomeScreen>();
        var screen = desk.App.Screen();
        Assert.Contains("Wmo-adviezen: 3 te beoordelen, 1 over de termijn", screen, StringComparison.Ordinal);
        Assert.Contains("5 Wmo-adviezen", screen.Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Consultant_ReadsTheDossier_ButRecordsNoDossierWork()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('c').Press(KeyInput.Enter);
        var dossier = desk.App.TopAs<DossierScreen>();

        desk.App.Press('n').Press('b').Press('w').Press('e');

        Assert.Same(dossier, desk.App.Top);
        Assert.All(dossier.AllCommands.Commands.Where(c => c.Id is "signal" or "visit" or "advice" or "edit"), c => Assert.False(c.IsEnabled()));
    }
}
