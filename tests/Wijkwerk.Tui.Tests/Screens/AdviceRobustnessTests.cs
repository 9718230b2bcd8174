using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Indications.Reports;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Screens.Indications;
using Wijkwerk.Tui.Screens.Reports;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// Advice screens with rows this version cannot read, and what they write to the access log: a read of
/// the advices is logged once per screen opened, never per key, and home counts without logging.
/// </summary>
public sealed class AdviceRobustnessTests
{
    private const string Unreadable = "Wmo-adviezen die niet gelezen kunnen worden: 2.";

    private static long Scalar(AppHarness app, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={app.StorePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long AuditEvents(AppHarness app) => Scalar(app, "SELECT count(*) FROM audit_events");

    private static long AdviceReads(AppHarness app) => Scalar(app, "SELECT count(*) FROM audit_events WHERE detail LIKE 'table=indication_advices%'");

    /// <summary>One advice with a status from a newer version, one with an amount that is not a number.</summary>
    private static void Spoil(ConsultantDesk desk)
    {
        Scalar(desk.App, $"UPDATE indication_advices SET status = 'Parked' WHERE id = '{desk.Overdue.Id}'");
        Scalar(desk.App, $"UPDATE indication_advices SET amount = 'veel' WHERE id = '{desk.Answered.Id}'");
    }

    [Fact]
    public void Queue_WithUnreadableRows_ShowsTheOthersAndSaysHowManyCannotBeRead()
    {
        using var desk = new ConsultantDesk();
        Spoil(desk);
        desk.App.TopAs<HomeScreen>().OnResumed();
        var home = desk.App.Press(KeyInput.Up).Screen();

        desk.App.Press('5');
        var queue = desk.App.TopAs<ReviewQueueScreen>();
        var screen = desk.App.Screen();

        // The advice with the unreadable amount still waits for review, by its plain status and dates.
        Assert.Contains("Wmo-adviezen: 2 te beoordelen, 0 over de termijn", home, StringComparison.Ordinal);
        Assert.Equal([desk.Investigating.Id, desk.QuestionOpen.Id], queue.Visible.Select(r => r.Advice.Id));
        Assert.Contains(Unreadable, screen, StringComparison.Ordinal);
        Assert.Contains("werk Wijkwerk bij", screen, StringComparison.Ordinal);
        Assert.DoesNotContain(desk.Name(desk.Overdue), screen, StringComparison.Ordinal);
        desk.App.Press(KeyInput.Down).Press('s');
        Assert.Same(queue, desk.App.Top);
    }

    [Fact]
    public void Queue_AllReadable_ShowsNoNotice()
    {
        using var desk = new ConsultantDesk();
        desk.App.Press('5');

        Assert.DoesNotContain("niet gelezen", desk.App.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dossier_WithUnreadableAdvice_OpensAndSaysSo_InDutchAndEnglish()
    {
        using var desk = new ConsultantDesk(120, 30);
        Spoil(desk);
        Scalar(desk.App, $"UPDATE indication_advices SET client_id = '{desk.Clients[2].Id}' WHERE id IN ('{desk.Overdue.Id}', '{desk.Answered.Id}')");
        var app = desk.App.App;

        app.Push(new DossierScreen(app, desk.Clients[2].Id));
        var dossier = desk.App.TopAs<DossierScreen>();
        var screen = desk.App.Press(KeyInput.Up).Screen();

        Assert.Equal([desk.Investigating.Id], dossier.Dossier!.Advices.Select(a => a.Id));
        Assert.Equal(2, dossier.Dossier.UnreadableAdvices);
        Assert.Contains(Unreadable, screen, StringComparison.Ordinal);
        Assert.Contains(desk.Clients[2].Name.Full, screen, StringComparison.Ordinal);
        app.Push(new DossierScreen(app, desk.Clients[3].Id));
        Assert.DoesNotContain("niet gelezen", desk.App.Press(KeyInput.Up).Screen(), StringComparison.Ordinal);
        Assert.StartsWith("Wmo advices that cannot be read: 2.", Texts.Format(TextId.UiAdvicesUnreadable, Lang.En, 2), StringComparison.Ordinal);
    }

    [Fact]
    public void Queue_LogsOneReadPerOpen_NoneForKeys()
    {
        using var desk = new ConsultantDesk();
        var before = AdviceReads(desk.App);

        desk.App.Press('5');
        var opened = AdviceReads(desk.App);
        desk.App.Press('s').Press('s').Type("noord").Press(KeyInput.Tab).Press(KeyInput.Down).Press(KeyInput.Up);
        var afterKeys = AdviceReads(desk.App);
        desk.App.Press(KeyInput.Escape).Press(KeyInput.Escape);
        desk.App.TopAs<HomeScreen>();
        var home = AdviceReads(desk.App);
        desk.App.Press('5');

        Assert.Equal(before + 1, opened);
        Assert.Equal(opened, afterKeys);
        Assert.Equal(opened, home);
        Assert.Equal(opened + 1, AdviceReads(desk.App));
    }

    [Fact]
    public void ConsultantsHome_CountsAdvicesWithoutLoggingAnything()
    {
        using var desk = new ConsultantDesk();
        var home = desk.App.TopAs<HomeScreen>();
        var before = Scalar(desk.App, "SELECT max(seq) FROM audit_events");

        home.OnResumed();
        home.OnResumed();

        Assert.Equal(0, AdviceReads(desk.App));
        Assert.Equal(0, Scalar(desk.App, $"SELECT count(*) FROM audit_events WHERE seq > {before} AND detail LIKE '%indication_advices%'"));
        Assert.Contains("Wmo-adviezen: 3 te beoordelen, 1 over de termijn", desk.App.Press(KeyInput.Up).Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_PeriodAndTeamKeys_LogNothing_OpeningLogsOneRead()
    {
        using var app = new AppHarness(160, 50);
        var before = (Events: AuditEvents(app), Reads: AdviceReads(app));

        app.Press('6');
        var screen = app.TopAs<AgreementReportScreen>();
        var opened = (Events: AuditEvents(app), Reads: AdviceReads(app));
        var months = screen.Rows;
        app.Press('p').Press('p').Press('p').Press('t');

        Assert.Equal(before.Reads + 1, opened.Reads);
        Assert.Equal(opened.Events, AuditEvents(app));
        Assert.Equal(PeriodKind.Quarter, screen.Kind);
        Assert.True(screen.Rows.Count < months.Count);
    }
}
