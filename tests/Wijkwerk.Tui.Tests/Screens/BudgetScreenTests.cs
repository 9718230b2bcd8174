using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Screens.Budget;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// The minimaatwerk budget screens driven by keys on the demo's budget (colleagues' requests arrive as a pull):
/// home's inbox count, the inbox, approving after a confirm, and the requester's own request without an approve key.
/// </summary>
public sealed class BudgetScreenTests
{
    private static AppHarness Desk(Lang lang = Lang.Nl) => BudgetDesk.Open(lang: lang);

    [Fact]
    public void Home_CountsTheRequestsAwaitingMyVote_InThePlural_WithTheKeyToTheInbox()
    {
        using var app = Desk();

        Assert.Contains("3 verzoeken wachten op uw akkoord (toets 8)", Flat(app.Screen()), StringComparison.Ordinal);
        app.Press('8');
        var inbox = app.TopAs<BudgetInboxScreen>();
        Assert.Equal(["Nieuwe ID-kaart en bromfietsrijbewijs", "Koelkast voor insuline", "Slotenmaker na inbraak"], inbox.Visible.Select(r => r.What));
        Assert.Contains("2/3", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void Home_InEnglish_CountsInTheSingularAfterTwoVotes()
    {
        using var app = Desk(Lang.En);
        Approve(app, confirm: true);
        Approve(app, confirm: true);

        Assert.Contains("1 request awaits your approval (key 8)", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_AfterConfirm_StoresOneVote_SaysTheServerDecides_AndOffersNoSecondVote()
    {
        using var app = Desk();
        app.Press('8').Press(KeyInput.Enter);
        var detail = app.TopAs<BudgetRequestDetailScreen>();
        Assert.Contains("2 van 3 akkoord; wordt goedgekeurd bij de volgende sync als de server de derde telt.", Flat(app.Screen()), StringComparison.Ordinal);

        app.Press('a');
        Assert.IsType<ConfirmScreen>(app.App.Screens.Top);
        app.Press(KeyInput.Enter);
        // Nee is the default: Enter on the dialog stores nothing.
        Assert.DoesNotContain(app.Store.Budget.Votes(detail.Request.Id), v => v.Voter == app.Store.Identity.WorkerId);

        app.Press('a').Press(KeyInput.Left).Press(KeyInput.Enter);
        var votes = app.Store.Budget.Votes(detail.Request.Id);
        Assert.Single(votes, v => v.Voter == app.Store.Identity.WorkerId && v.Kind == VoteKind.Approve);
        // Three distinct approvals now, yet still requested: only the server approves.
        Assert.Equal(BudgetRequestStatus.Requested, app.Store.Budget.Get(detail.Request.Id)!.Status);
        Assert.False(detail.CanVote);
        app.Press('a');
        Assert.Same(detail, app.App.Screens.Top);
        Assert.Contains("U hebt al gestemd", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void OwnRequest_HasNoApproveKey_AndIsWithdrawnAfterConfirm()
    {
        using var app = Desk();
        var mine = app.Store.Budget.All().Single(r => r.RequestedBy == app.Store.Identity.WorkerId);
        app.App.Push(new BudgetRequestDetailScreen(app.App, mine));
        app.Press(KeyInput.Down);

        var screen = Flat(app.Screen());
        var statusBar = app.Screen().Split('\n')[^1];
        Assert.Contains("Intrekken", statusBar, StringComparison.Ordinal);
        Assert.DoesNotContain("Akkoord", statusBar, StringComparison.Ordinal);
        Assert.Contains("uw eigen verzoek", screen, StringComparison.Ordinal);
        app.Press('a');
        Assert.Empty(app.Store.Budget.Votes(mine.Id));

        app.Press('i').Press(KeyInput.Left).Press(KeyInput.Enter);
        Assert.Equal(BudgetRequestStatus.Withdrawn, app.Store.Budget.Get(mine.Id)!.Status);
    }

    [Fact]
    public void Ledger_ShowsTheTeamsFigures_AndDentalCostsStandOut()
    {
        using var app = Desk();
        app.Press('9');

        var ledger = app.TopAs<BudgetLedgerScreen>().Ledger!;
        var screen = Flat(app.Screen());
        Assert.Contains("budget € 15.000,00 · vastgelegd € 380,00 · betaald € 1.300,00 · over € 13.320,00", screen, StringComparison.Ordinal);
        Assert.Equal((380_00, 1_300_00, 13_320_00), (ledger.Committed.Cents, ledger.Paid.Cents, ledger.Remaining.Cents));
        var dental = app.Screen().Split('\n').Single(l => l.Contains("zorgkosten/tandarts", StringComparison.Ordinal));
        Assert.Contains(new string('█', 28), dental, StringComparison.Ordinal);
        Assert.Contains("alternatief gevonden", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_OverTheLimit_IsRefusedNamingTheLimit_NothingStored_AndTheFormStays()
    {
        using var app = Desk();
        var before = app.Store.Budget.All().Count;
        FillForm(app, "600");

        var screen = Flat(app.Screen());
        Assert.Contains("ten hoogste € 500,00 per verzoek", screen, StringComparison.Ordinal);
        Assert.Contains("€ 600,00 is meer dan de grens van € 500,00 per verzoek", screen, StringComparison.Ordinal);
        Assert.IsType<BudgetRequestFormScreen>(app.App.Screens.Top);
        Assert.Equal(before, app.Store.Budget.All().Count);
    }

    [Fact]
    public void Form_WithinTheLimit_IsStoredAfterConfirm_WithNeeAsDefault()
    {
        using var app = Desk();
        var before = app.Store.Budget.All().Count;
        FillForm(app, "350");
        Assert.IsType<ConfirmScreen>(app.App.Screens.Top);
        app.Press(KeyInput.Enter);
        Assert.Equal(before, app.Store.Budget.All().Count);

        app.Press(KeyInput.Ctrl('s')).Press(KeyInput.Left).Press(KeyInput.Enter);
        var made = app.Store.Budget.All().Single(r => r.What == "Wasmachine");
        Assert.Equal((35_000, BudgetCategory.Household, BudgetRequestStatus.Requested), (made.Amount.Cents, made.Category, made.Status));
        Assert.Equal(app.Store.Identity.WorkerId, made.RequestedBy);
    }

    /// <summary>Opens the first client's dossier, the request form, fills every field (huisraad) and saves.</summary>
    private static void FillForm(AppHarness app, string amount)
    {
        app.Press('c').Press(KeyInput.Enter).Press('g');
        app.TopAs<BudgetRequestFormScreen>();
        app.Type("Wasmachine").Press(KeyInput.Tab).Type("Witgoed West").Press(KeyInput.Tab).Type("offerte 77").Press(KeyInput.Tab)
            .Type(amount).Press(KeyInput.Tab);
        for (var i = 0; i < 7; i++)
            app.Press(KeyInput.Right);
        app.Press(KeyInput.Tab).Type("Bijzondere bijstand duurt te lang").Press(KeyInput.Tab).Type("Hygiene voor het gezin").Press(KeyInput.Tab)
            .Type("Zij regelt de plaatsing").Press(KeyInput.Tab).Press(' ').Press(KeyInput.Tab).Type("bijstand-doorlooptijd").Press(KeyInput.Ctrl('s'));
    }

    private static void Approve(AppHarness app, bool confirm)
    {
        app.Press('8').Press(KeyInput.Enter).Press('a');
        if (confirm)
            app.Press(KeyInput.Left);
        app.Press(KeyInput.Enter).Press(KeyInput.Escape).Press(KeyInput.Escape);
    }

    private static string Flat(string screen) => string.Join(' ', screen.Split('\n').Select(l => l.Trim()));
}
