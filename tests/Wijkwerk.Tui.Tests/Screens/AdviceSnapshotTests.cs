using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Indications;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>The advice form and the advice detail view as golden screens (see <see cref="ScreenSnapshotTests"/>).</summary>
public sealed class AdviceSnapshotTests
{
    [Theory]
    [MemberData(nameof(ScreenSnapshotTests.Sizes), MemberType = typeof(ScreenSnapshotTests))]
    public void AdviceForm(int width, int height)
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier(width, height);
        app.Press('w');

        Assert.Equal("30-03-2026", app.TopAs<AdviceFormScreen>().Field("startdatum").Read());
        Snapshot.Match($"advice-new-{width}x{height}", app.Terminal);
    }

    [Fact]
    public void AdviceForm_English()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier(lang: Lang.En);
        app.Press('w').Type("Stay at home").Press(KeyInput.Tab, KeyInput.Tab, KeyInput.Tab, KeyInput.Tab, KeyInput.Tab, KeyInput.Tab).Type("30").Press(KeyInput.Tab).Type("4").Press(KeyInput.Tab).Type("1");

        Assert.Contains(app.TopAs<AdviceFormScreen>().Problems, p => p.Field == "frequentie");
        Snapshot.Match("advice-new-en-80x24", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(ScreenSnapshotTests.Sizes), MemberType = typeof(ScreenSnapshotTests))]
    public void AdviceDetail_AdjustedAfterAQuestion(int width, int height)
    {
        using var app = OpenAdjustedAdvice(width, height, Lang.Nl);

        Assert.Equal(AdviceStatus.Adjusted, app.TopAs<AdviceScreen>().Advice!.Status);
        Snapshot.Match($"advice-adjusted-{width}x{height}", app.Terminal);
    }

    [Fact]
    public void AdviceDetail_English()
    {
        using var app = OpenAdjustedAdvice(80, 24, Lang.En);

        Snapshot.Match("advice-adjusted-en-80x24", app.Terminal);
    }

    [Fact]
    public void AdviceDetail_OverdueInvestigation_IsMarkedAndStyled()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier(160, 50);
        var advice = AdviceFixtures.Submitted(app.Store, app.TopAs<DossierScreen>().Dossier!.Client.Id, meldingDaysAgo: 45);
        AdviceFixtures.Arrive(app.Store, advice);
        AdviceScreenTests.OpenAdvice(app, advice.Id);

        var rows = app.Screen().Split('\n');
        var row = Array.FindIndex(rows, r => r.Contains("onderzoek uiterlijk", StringComparison.Ordinal));
        var column = rows[row].IndexOf('!', StringComparison.Ordinal);

        Assert.Contains("! onderzoek uiterlijk 13-03-2026 (3 dagen te laat)", rows[row], StringComparison.Ordinal);
        Assert.Equal(Wijkwerk.Tui.Widgets.WidgetStyles.Error, app.Terminal[column, row].Style);
    }

    /// <summary>A submitted advice, a question, the nurse's answer, and the consultant's adjustment of the volume.</summary>
    private static AppHarness OpenAdjustedAdvice(int width, int height, Lang lang)
    {
        var app = ScreenSnapshotTests.OpenFirstDossier(width, height, lang);
        var store = app.Store;
        var today = store.Advices.Today;
        var (asked, question) = AdviceFixtures.Ask(store, AdviceFixtures.Submitted(store, app.TopAs<DossierScreen>().Dossier!.Client.Id, meldingDaysAgo: 45), "Is de dochter er elke week?");
        app.Clock.Advance(TimeSpan.FromHours(2));
        var answer = AdviceMessage.Write(Core.Domain.Common.Id<AdviceMessage>.New(app.Clock), asked.Id, AdviceMessageKind.Answer, "Ja, op zaterdag.", AdviceFixtures.Nurse, app.Clock.GetUtcNow()).Value;
        var answered = asked.Answer(AdviceFixtures.Nurse, asked.Content, today).Value;
        app.Clock.Advance(TimeSpan.FromHours(2));
        var decided = answered.Content.Provision with { Volume = new Volume(2, VolumeUnit.Hour, VolumeFrequency.PerWeek) };
        var adjusted = answered.Adjust(AdviceFixtures.Consultant, decided, "Dochter neemt de was over.", app.Clock.GetUtcNow(), today).Value;
        AdviceFixtures.Arrive(store, adjusted, question, answer);
        AdviceScreenTests.OpenAdvice(app, adjusted.Id);
        return app;
    }
}
