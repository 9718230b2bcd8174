using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Escalations;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>Issue 14's screens on the demo's escalations and pauses, at the smallest supported size and a big one, and in English (UPDATE_SNAPSHOTS=1 rewrites them).</summary>
public sealed class EscalationSnapshotTests
{
    public static TheoryData<int, int> Sizes => ScreenSnapshotTests.Sizes;

    private static void OpenHeldPause(AppHarness app)
    {
        app.App.Push(new PauseDetailScreen(app.App, app.Store.Pauses.All().Single(p => p.Current.LiftedOn is null)));
        app.Press(KeyInput.Down);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Home_WithThePauseReminder(int width, int height)
    {
        using var app = EscalationDesk.Open(width, height);

        app.TopAs<HomeScreen>();
        Snapshot.Match($"home-pause-reminder-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void OpenEscalationsAndPauses(int width, int height)
    {
        using var app = EscalationDesk.Open(width, height);
        app.Press('3');

        Assert.Equal(3, app.TopAs<EscalationsScreen>().Visible.Count);
        Snapshot.Match($"escalations-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void PauseDetail_EndingThisWeek(int width, int height)
    {
        using var app = EscalationDesk.Open(width, height);
        OpenHeldPause(app);

        app.TopAs<PauseDetailScreen>();
        Snapshot.Match($"pause-detail-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void PauseForm(int width, int height)
    {
        using var app = EscalationDesk.Open(width, height);
        app.App.Push(new DossierScreen(app.App, app.Store.Clients.Search()[0].Id));
        app.Press('p').Type("Stopzetten bijstandsuitkering").Press(KeyInput.Tab).Type("Werk en Inkomen");

        app.TopAs<PauseFormScreen>();
        Snapshot.Match($"pause-form-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void PauseExtendForm(int width, int height)
    {
        using var app = EscalationDesk.Open(width, height);
        OpenHeldPause(app);
        app.Press('v');

        app.TopAs<PauseStepFormScreen>();
        Snapshot.Match($"pause-extend-form-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void EscalationDetail_AtTheMaatwerkloket(int width, int height)
    {
        using var app = EscalationDesk.Open(width, height);
        app.App.Push(new EscalationDetailScreen(app.App, app.Store.Escalations.All().Single(e => e.Level == EscalationLevel.Maatwerkloket)));
        app.Press(KeyInput.Down);

        app.TopAs<EscalationDetailScreen>();
        Snapshot.Match($"escalation-detail-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void EscalationForm_ToTheCaseTeam(int width, int height)
    {
        using var app = EscalationDesk.Open(width, height);
        app.App.Push(new DossierScreen(app.App, app.Store.Clients.Search()[0].Id));
        app.Press('x').Type("Toeslag stopgezet door een spookbewoner op het adres");

        app.TopAs<EscalationFormScreen>();
        Snapshot.Match($"escalation-form-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Dossier_WithEscalationsOnTheTimeline(int width, int height)
    {
        using var app = EscalationDesk.Open(width, height);
        var loket = app.Store.Escalations.All().Single(e => e.Level == EscalationLevel.Maatwerkloket);
        app.App.Push(new DossierScreen(app.App, loket.ClientId));
        app.Press(KeyInput.Down);

        app.TopAs<DossierScreen>();
        Snapshot.Match($"dossier-escalations-{width}x{height}", app.Terminal);
    }

    [Fact]
    public void English_OpenEscalationsAndPauses_AndThePauseDetail()
    {
        using var app = EscalationDesk.Open(lang: Lang.En);
        app.Press('3');
        Snapshot.Match("escalations-en-80x24", app.Terminal);

        OpenHeldPause(app);
        Snapshot.Match("pause-detail-en-80x24", app.Terminal);
    }
}
