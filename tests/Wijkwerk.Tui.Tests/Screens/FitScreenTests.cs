using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Screens.Conflicts;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Indications;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// Screens that fit 80×24 and use the room of a bigger terminal: columns that grow, questions and messages shown
/// whole, paragraphs that wrap while typed; with golden screens of the ones the other snapshot classes lack.
/// </summary>
public sealed class FitScreenTests
{
    private const string LongQuestion = "De dochter helpt op zaterdag met de boodschappen, maar wie doet de was en het schoonmaken door de week? "
        + "En is er al gekeken naar een alarmknop, nu mevrouw twee keer is gevallen? Graag ook de datum van de operatie en wat de huisarts adviseert.";

    private const string Paragraph = "Mevrouw wil graag thuis blijven wonen in haar eigen buurt. Haar dochter komt op zaterdag en doet dan de "
        + "boodschappen, maar de was en het schoonmaken lukken niet meer sinds de operatie aan haar heup in het voorjaar.";

    [Theory]
    [MemberData(nameof(ScreenSnapshotTests.Sizes), MemberType = typeof(ScreenSnapshotTests))]
    public void Conflicts(int width, int height)
    {
        using var app = new AppHarness(width, height);
        ConflictsScreenTests.ArriveConflict(app, app.Store.Clients.Search()[0].Id.Value, "notes", "Valt vaak; eet slecht sinds de zomer", "Eet slecht");
        app.Press('4');

        Assert.Single(app.TopAs<ConflictsScreen>().Conflicts);
        Snapshot.Match($"conflicts-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(ScreenSnapshotTests.Sizes), MemberType = typeof(ScreenSnapshotTests))]
    public void MergeConflict(int width, int height)
    {
        using var app = new AppHarness(width, height);
        ConflictsScreenTests.ArriveConflict(app, app.Store.Clients.Search()[0].Id.Value, "notes", Paragraph, "Eet slecht");
        app.Press('4').Press('m');

        app.TopAs<MergeConflictScreen>();
        Snapshot.Match($"conflict-merge-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(ScreenSnapshotTests.Sizes), MemberType = typeof(ScreenSnapshotTests))]
    public void AnswerForm(int width, int height)
    {
        using var app = OpenAnswerForm(width, height);

        Snapshot.Match($"advice-answer-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(ScreenSnapshotTests.Sizes), MemberType = typeof(ScreenSnapshotTests))]
    public void SyncFailedMessage(int width, int height)
    {
        using var app = ShowSyncFailed(width, height);

        Snapshot.Match($"home-sync-failed-{width}x{height}", app.Terminal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(160)]
    public void ClientList_WiderTerminal_GivesTheClientColumnMoreRoom(int width)
    {
        int BirthDateColumn(int w)
        {
            using var app = new AppHarness(w, 30);
            app.Press('c');
            return app.Terminal.RowText(3).IndexOf(Texts.Get(TextId.UiColumnBirthDate, Lang.Nl), StringComparison.Ordinal);
        }

        var narrow = BirthDateColumn(80);
        var wide = BirthDateColumn(width);

        // The column starts after the marker and ends a space before the birth date: at least 40 cells once there is room.
        Assert.True(wide > narrow && wide - 3 >= 40, $"The name column grew from {narrow - 3} to {wide - 3} cells at {width} columns.");
    }

    [Fact]
    public void AnswerForm_At80x24_ShowsTheWholeQuestion()
    {
        using var app = OpenAnswerForm(80, 24);

        var shown = string.Join(' ', app.Screen().Split('\n').Select(r => r.Trim()));

        Assert.Contains(LongQuestion, shown, StringComparison.Ordinal);
    }

    [Fact]
    public void SyncFailed_At80x24_ShowsTheWholeMessage_AndTheStatusKeepsTheWorker()
    {
        using var app = ShowSyncFailed(80, 24);
        var rows = app.Screen().Split('\n');

        var shown = string.Join(' ', rows.Select(r => r.Trim()));

        Assert.Contains(SyncError(app), shown, StringComparison.Ordinal);
        Assert.Contains(app.Store.Identity.WorkerName, rows[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void AdviceForm_LongParagraph_WrapsWithItsStartInSight_AndTheCursorOnIt()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        app.Press('w').Type(Paragraph);

        var rows = app.Screen().Split('\n');
        var start = Array.FindIndex(rows, r => r.Contains("Mevrouw wil graag", StringComparison.Ordinal));
        var end = Array.FindIndex(rows, r => r.TrimEnd().EndsWith("voorjaar.", StringComparison.Ordinal));

        Assert.True(start > 0 && end > start, app.Screen());
        Assert.Equal(Paragraph, string.Join(' ', rows[start..(end + 1)].Select(r => r.Trim())));
        Assert.True(app.Terminal.CursorVisible);
        Assert.Equal(end, app.Terminal.CursorY);
        Assert.Equal(rows[end].TrimEnd().Length, app.Terminal.CursorX);
    }

    private static AppHarness OpenAnswerForm(int width, int height)
    {
        var app = ScreenSnapshotTests.OpenFirstDossier(width, height);
        var (asked, question) = AdviceFixtures.Ask(app.Store, AdviceFixtures.Submitted(app.Store, app.TopAs<DossierScreen>().Dossier!.Client.Id), LongQuestion);
        AdviceFixtures.Arrive(app.Store, asked, question);
        AdviceScreenTests.OpenAdvice(app, asked.Id);
        app.Press('a').Type("Op zaterdag");
        app.TopAs<AdviceMessageFormScreen>();
        return app;
    }

    private static string SyncError(AppHarness app) => app.App.T(TextId.SyncFailed, "De server is niet bereikbaar (verbinding geweigerd).");

    private static AppHarness ShowSyncFailed(int width, int height)
    {
        var app = new AppHarness(width, height);
        app.App.Notify(SyncError(app));
        app.Press(KeyInput.Function(12));
        return app;
    }
}
