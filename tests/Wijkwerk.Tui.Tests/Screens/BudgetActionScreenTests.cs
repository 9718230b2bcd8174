using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Demo;
using Wijkwerk.Tui.Screens.Budget;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// Issue 12, budget part 2, driven by keys on the demo's budget: proposing an alternative, recording a payment (and
/// neither offered to whoever may not), the requests on the dossier timeline, home's count from plain columns, and a
/// vote the server refused. What the server answers arrives through the laptop's own sync code (a pull page, a push
/// answer), as it would from the real server; the real server's side is in the SyncServer tests.
/// </summary>
public sealed class BudgetActionScreenTests
{
    private const string Alternative = "Fonds Noodhulp Noord betaalt de ID-kaart";

    [Fact]
    public void Alternative_FromTheDetail_IsCheckedAsTyped_ConfirmedWithNeeAsDefault_AndStoredAsTheVoteOfKindAlternative()
    {
        using var app = BudgetDesk.Open();
        app.Press('8').Press(KeyInput.Enter);
        var detail = app.TopAs<BudgetRequestDetailScreen>();
        Assert.True(Offered(detail, "alternative"));

        app.Press('l');
        app.TopAs<BudgetAlternativeFormScreen>();
        app.Press(KeyInput.Ctrl('s'));
        Assert.Contains("vul in welk alternatief er is", Flat(app.Screen()), StringComparison.Ordinal);
        app.Type(Alternative).Press(KeyInput.Ctrl('s'));
        Assert.IsType<ConfirmScreen>(app.Top);
        Assert.Contains("Alternatief voorstellen voor Nieuwe ID-kaart en", Flat(app.Screen()), StringComparison.Ordinal);
        app.Press(KeyInput.Enter);
        Assert.Empty(MyVotes(app, detail.Request));

        app.Press(KeyInput.Ctrl('s')).Press(KeyInput.Left).Press(KeyInput.Enter);
        var vote = Assert.Single(MyVotes(app, detail.Request));
        Assert.Equal((VoteKind.Alternative, Alternative), (vote.Kind, vote.Alternative));
        Assert.Same(detail, app.Top);
        // The laptop never closes the request itself: it says what the server will do with the vote.
        Assert.Equal(BudgetRequestStatus.Requested, app.Store.Budget.Get(detail.Request.Id)!.Status);
        Assert.Contains("U stelde een alternatief voor; bij de volgende sync sluit de server het verzoek als \"alternatief gevonden\".", Flat(app.Screen()), StringComparison.Ordinal);
        Assert.False(Offered(detail, "alternative") || Offered(detail, "approve"));
        Assert.Equal(2, app.Store.Budget.CountAwaitingMyVote());
    }

    [Fact]
    public void Alternative_ClosedByTheServer_TheDetailShowsWhatItWas_AndOffersNoVote()
    {
        using var app = BudgetDesk.Open();
        app.Press('8').Press(KeyInput.Enter).Press('l').Type(Alternative).Press(KeyInput.Ctrl('s')).Press(KeyInput.Left).Press(KeyInput.Enter);
        var detail = app.TopAs<BudgetRequestDetailScreen>();
        var request = detail.Request;

        // The server's verdict (BudgetRules.JudgeVote, as the server calls it) comes back with the pull.
        var vote = Assert.Single(MyVotes(app, request));
        var verdict = BudgetRules.JudgeVote(app.Store.Budget.Me, request, app.Store.Budget.Votes(request.Id).Where(v => v.Id != vote.Id).ToList(), vote, null,
            app.Clock.GetUtcNow(), app.Store.Budget.Today);
        Pull(app, verdict.Changed!);
        detail.OnResumed();
        app.Press(KeyInput.Up);

        var screen = Flat(app.Screen());
        Assert.Contains("stand: alternatief gevonden", screen, StringComparison.Ordinal);
        Assert.Contains($"Alternatief gevonden: {Alternative} (er gaat geen geld uit het budget)", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("van 3 akkoord", screen, StringComparison.Ordinal);
        Assert.False(Offered(detail, "alternative") || Offered(detail, "approve"));
        app.Press('a').Press('l');
        Assert.Same(detail, app.Top);
    }

    [Fact]
    public void Alternative_AndApproval_AreNotOfferedOnTheOwnRequest()
    {
        using var app = BudgetDesk.Open();
        var mine = app.Store.Budget.All().Single(r => r.RequestedBy == app.Store.Identity.WorkerId);
        app.App.Push(new BudgetRequestDetailScreen(app.App, mine));
        var detail = app.TopAs<BudgetRequestDetailScreen>();

        app.Press('l').Press('a');

        Assert.Same(detail, app.Top);
        Assert.False(Offered(detail, "alternative") || Offered(detail, "approve"));
        Assert.Empty(app.Store.Budget.Votes(mine.Id));
    }

    [Fact]
    public void Payment_ByTheTeamLeader_AfterConfirm_MakesTheRequestPaid_AndTheLedgerMovesItFromCommittedToPaid()
    {
        using var app = BudgetDesk.Open(role: Role.TeamLeader);
        var approved = app.Store.Budget.All().Single(r => r.Status == BudgetRequestStatus.Approved);
        var before = app.Store.Budget.Ledger(DemoBudget.Team, BudgetLedger.YearOf(approved))!;
        app.App.Push(new BudgetRequestDetailScreen(app.App, approved));
        var detail = app.TopAs<BudgetRequestDetailScreen>();
        Assert.True(Offered(detail, "payment"));

        app.Press('b');
        app.TopAs<BudgetPaymentFormScreen>();
        Assert.Contains("Betaald in natura aan Tandartspraktijk Zuid (synthetisch)", Flat(app.Screen()), StringComparison.Ordinal);
        app.Press(KeyInput.Ctrl('s'));
        Assert.Contains("Betalingskenmerk", Flat(app.Screen()), StringComparison.Ordinal);
        Assert.IsType<BudgetPaymentFormScreen>(app.Top);
        app.Type("BNG 2026-118").Press(KeyInput.Ctrl('s')).Press(KeyInput.Enter);
        Assert.Equal(BudgetRequestStatus.Approved, app.Store.Budget.Get(approved.Id)!.Status);

        app.Press(KeyInput.Ctrl('s')).Press(KeyInput.Left).Press(KeyInput.Enter);
        var paid = app.Store.Budget.Get(approved.Id)!;
        Assert.Equal((BudgetRequestStatus.Paid, "BNG 2026-118", app.Store.Identity.WorkerId), (paid.Status, paid.Outcome!.Note, paid.Outcome.By));
        var after = app.Store.Budget.Ledger(DemoBudget.Team, BudgetLedger.YearOf(approved))!;
        Assert.Equal((before.Committed - approved.Amount, before.Paid + approved.Amount, before.Remaining), (after.Committed, after.Paid, after.Remaining));
        Assert.Same(detail, app.Top);
        Assert.Contains("stand: betaald", Flat(app.Screen()), StringComparison.Ordinal);
        Assert.False(detail.CanRecordPayment);
        app.Press('b');
        Assert.Same(detail, app.Top);
    }

    [Fact]
    public void Payment_IsNotOfferedToANurse_NorOnARequestThatIsNotApproved()
    {
        using var nurse = BudgetDesk.Open();
        var approved = nurse.Store.Budget.All().Single(r => r.Status == BudgetRequestStatus.Approved);
        nurse.App.Push(new BudgetRequestDetailScreen(nurse.App, approved));
        var detail = nurse.TopAs<BudgetRequestDetailScreen>();
        nurse.Press('b');
        Assert.Same(detail, nurse.Top);
        Assert.False(Offered(detail, "payment"));

        using var leader = BudgetDesk.Open(role: Role.TeamLeader);
        var open = leader.Store.Budget.All().First(r => r.IsOpen && r.RequestedBy != leader.Store.Identity.WorkerId);
        leader.App.Push(new BudgetRequestDetailScreen(leader.App, open));
        Assert.False(leader.TopAs<BudgetRequestDetailScreen>().CanRecordPayment);
        Assert.Equal(BudgetRequestStatus.Approved, nurse.Store.Budget.Get(approved.Id)!.Status);
    }

    [Fact]
    public void Drafts_OfTheAlternativeAndThePayment_SurviveARestart_OverTheDossierAndTheRequest()
    {
        using var nurse = BudgetDesk.Open();
        nurse.Press('8').Press(KeyInput.Enter).Press('l').Type("Fonds Noodhulp");
        var asked = nurse.TopAs<BudgetAlternativeFormScreen>();
        nurse.Restart();

        var alternative = nurse.TopAs<BudgetAlternativeFormScreen>();
        Assert.Equal("Fonds Noodhulp", alternative.Field("alternatief").Read());
        Assert.Equal(asked.DraftKey, alternative.DraftKey);
        Assert.IsType<BudgetRequestDetailScreen>(nurse.Loop.Screens.Screens[^2]);
        Assert.IsType<DossierScreen>(nurse.Loop.Screens.Screens[^3]);

        using var leader = BudgetDesk.Open(role: Role.TeamLeader);
        var approved = leader.Store.Budget.All().Single(r => r.Status == BudgetRequestStatus.Approved);
        leader.App.Push(new BudgetRequestDetailScreen(leader.App, approved));
        leader.Press('b').Type("BNG 2026");
        leader.Restart();

        Assert.Equal("BNG 2026", leader.TopAs<BudgetPaymentFormScreen>().Field("betalingskenmerk").Read());
        Assert.Equal(approved.Id, Assert.IsType<BudgetRequestDetailScreen>(leader.Loop.Screens.Screens[^2]).Request.Id);
    }

    [Fact]
    public void DossierTimeline_ShowsTheClientsRequestsAndOutcomes_EnterOpensTheRequest()
    {
        using var app = BudgetDesk.Open(160, 50);
        var closed = app.Store.Budget.All().Single(r => r.Status == BudgetRequestStatus.AlternativeFound);
        app.App.Push(new DossierScreen(app.App, closed.ClientId));
        app.Press(KeyInput.Up);

        var screen = Flat(app.Screen());
        Assert.Contains("Budgetverzoek [alternatief gevonden] € 90,00: Tweedehands fiets naar werk", screen, StringComparison.Ordinal);
        Assert.Contains("Budgetverzoek alternatief gevonden: Fietsbank geeft een fiets, kosteloos", screen, StringComparison.Ordinal);
        for (var i = 0; i < 40 && !SelectedRow(app).Contains("Budgetverzoek", StringComparison.Ordinal); i++)
            app.Press(KeyInput.Down);
        app.Press(KeyInput.Enter);

        Assert.Equal(closed.Id, app.TopAs<BudgetRequestDetailScreen>().Request.Id);
    }

    [Fact]
    public void DossierTimeline_AnApprovedRequest_HasItsApprovalAndPayment()
    {
        using var app = BudgetDesk.Open(160, 50);
        var paid = app.Store.Budget.All().First(r => r.Status == BudgetRequestStatus.Paid);
        app.App.Push(new DossierScreen(app.App, paid.ClientId));
        app.Press(KeyInput.Up);

        var screen = Flat(app.Screen());
        Assert.Contains($"Budgetverzoek goedgekeurd door drie collega's: {paid.Amount}: Tandarts: noodbehandeling en kies", screen, StringComparison.Ordinal);
        Assert.Contains("Budgetverzoek betaald: betaald aan leverancier", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void HomeCount_FromPlainColumns_LeavesOutOwnVotedClosedAndOtherTeamsRequests_AndOpensNothing()
    {
        using var app = BudgetDesk.Open();
        // Present already: the own open request, closed ones (paid, approved, alternative, withdrawn) with my votes on
        // some; now also an open one of another team.
        var template = app.Store.Budget.AwaitingMyVote().First();
        Pull(app, template with { Id = new(Guid.CreateVersion7()), Team = "Wijkteam Zuid (demo)" });
        Assert.Equal((3, 3), (app.Store.Budget.CountAwaitingMyVote(), app.Store.Budget.AwaitingMyVote().Count));

        app.Press('8').Press(KeyInput.Enter).Press('a').Press(KeyInput.Left).Press(KeyInput.Enter).Press(KeyInput.Escape).Press(KeyInput.Escape);
        var seq = Scalar(app, "SELECT max(seq) FROM audit_events");
        app.TopAs<HomeScreen>().OnResumed();

        Assert.Contains("2 verzoeken wachten op uw akkoord (toets 8)", Flat(app.Screen()), StringComparison.Ordinal);
        Assert.Equal(0, Scalar(app, $"SELECT count(*) FROM audit_events WHERE seq > {seq} AND detail LIKE '%budget%'"));
        Assert.Equal((2, 2), (app.Store.Budget.CountAwaitingMyVote(), app.Store.Budget.AwaitingMyVote().Count));
    }

    [Fact]
    public void RefusedVote_AfterSync_IsShownWithTheServersReason_NotCounted_AndTheRequestWaitsForAVoteAgain()
    {
        using var app = BudgetDesk.Open();
        app.Press('8').Press(KeyInput.Enter);
        var detail = app.TopAs<BudgetRequestDetailScreen>();
        app.Press('a').Press(KeyInput.Left).Press(KeyInput.Enter);
        Assert.Equal(3, app.Store.Budget.Votes(detail.Request.Id).Count);
        Assert.Equal(2, app.Store.Budget.CountAwaitingMyVote());

        // The server's sentence for the third approval when the remaining budget does not cover the request.
        var reason = RowRules.BudgetSentence(BudgetColumns.VoteTable, new Problem("budget", TextId.BudgetNotEnough, DemoBudget.Team, "€ 100,00", "€ 160,00"));
        RefuseMyVote(app, reason);
        detail.OnResumed();
        app.Press(KeyInput.Up);

        var screen = Flat(app.Screen());
        Assert.Contains("is niet geteld; de server weigerde hem: " + reason, screen, StringComparison.Ordinal);
        Assert.Contains("2 van 3 akkoord", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("U hebt al gestemd", screen, StringComparison.Ordinal);
        Assert.Equal(2, app.Store.Budget.Votes(detail.Request.Id).Count);
        Assert.Single(app.Store.Budget.RefusedVotes(detail.Request.Id));
        Assert.True(detail.CanVote);
        Assert.Equal(3, app.Store.Budget.CountAwaitingMyVote());
        Assert.Equal(3, app.Store.Budget.AwaitingMyVote().Count);

        // Voting again is judged as the server will, with what the laptop now holds: a budget lowered below what is
        // committed and paid refuses the vote on the spot, says why, and stores nothing.
        var reference = app.Store.Reference.Current()!;
        var sync = new LocalSync(app.Store);
        sync.Apply(new PullResponse([], sync.Settings().Anchor, false, 0, 0)
        {
            Reference = reference with
            {
                Version = reference.Version + 1,
                TeamBudgets = [TeamBudgetInfo.From(new TeamBudget(DemoBudget.Team, BudgetLedger.YearOf(detail.Request), Money.FromEuros(1_500), TeamBudget.DefaultLimit))],
            },
        });
        app.Press('a').Press(KeyInput.Left).Press(KeyInput.Enter);
        Assert.Contains("dekt dit verzoek van € 160,00 niet", Flat(app.Screen()), StringComparison.Ordinal);
        Assert.Equal(2, app.Store.Budget.Votes(detail.Request.Id).Count);
        Assert.Same(detail, app.Top);
    }

    private static bool Offered(BudgetRequestDetailScreen screen, string command) =>
        screen.AllCommands.Commands.Any(c => c.Id == command && c.IsEnabled());

    private static IReadOnlyList<BudgetVote> MyVotes(AppHarness app, BudgetRequest request) =>
        app.Store.Budget.Votes(request.Id).Where(v => v.Voter == app.Store.Identity.WorkerId).ToList();

    /// <summary>The request as the server's pull brings it, through the laptop's sync code.</summary>
    private static void Pull(AppHarness app, BudgetRequest request)
    {
        var sync = new LocalSync(app.Store);
        var anchor = sync.Settings().Anchor;
        var version = Scalar(app, $"SELECT coalesce(max(version), 0) FROM budget_requests WHERE id = '{request.Id}'") + 1;
        sync.Apply(new PullResponse(
            [new RowChange(anchor + 1, BudgetColumns.RequestTable, request.Id.Value, version, false, false, app.Clock.GetUtcNow(), DemoBudget.Colleagues[1].Value, BudgetColumns.ToColumns(request))],
            anchor + 1, false, 0, 0));
    }

    /// <summary>Pushes what waits and records the server's answer that refuses this laptop's vote, as the push answer carries it.</summary>
    private static void RefuseMyVote(AppHarness app, string reason)
    {
        var sync = new LocalSync(app.Store);
        var pending = sync.Pending(100_000);
        var vote = pending.Single(p => p.Mutation.Table == BudgetColumns.VoteTable).Mutation;
        sync.Record(pending, new PushResponse(pending.Select(p => p.Mutation == vote
            ? new MutationResult(vote.MutationId, SyncProtocol.Results.Refused, 0, reason, [])
            : new MutationResult(p.Mutation.MutationId, SyncProtocol.Results.Accepted, p.Mutation.BaseVersion + 1, null, [])).ToList()));
    }

    /// <summary>The timeline row the focus marker is on (every row starts with its date).</summary>
    private static string SelectedRow(AppHarness app) =>
        app.Screen().Split('\n').FirstOrDefault(l => Regex.IsMatch(l, Regex.Escape(WidgetStyles.FocusMarker) + @"\d\d-\d\d-\d{4}")) ?? "";

    private static long Scalar(AppHarness app, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={app.StorePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Flat(string screen) => string.Join(' ', screen.Split('\n').Select(l => l.Trim()));
}
