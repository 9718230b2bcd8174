using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Tui.Screens.Budget;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>The budget screens at the smallest supported size and a big one, against golden text files (UPDATE_SNAPSHOTS=1 rewrites them).</summary>
public sealed class BudgetSnapshotTests
{
    public static TheoryData<int, int> Sizes => ScreenSnapshotTests.Sizes;

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Home_WithTheApprovalInbox(int width, int height)
    {
        using var app = BudgetDesk.Open(width, height);

        app.TopAs<HomeScreen>();
        Snapshot.Match($"home-budget-inbox-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Inbox(int width, int height)
    {
        using var app = BudgetDesk.Open(width, height);
        app.Press('8');

        Assert.Equal(3, app.TopAs<BudgetInboxScreen>().Visible.Count);
        Snapshot.Match($"budget-inbox-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Detail_TwoOfThreeApproved(int width, int height)
    {
        using var app = BudgetDesk.Open(width, height);
        app.Press('8').Press(KeyInput.Enter);

        app.TopAs<BudgetRequestDetailScreen>();
        Snapshot.Match($"budget-detail-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Ledger(int width, int height)
    {
        using var app = BudgetDesk.Open(width, height);
        app.Press('9');

        app.TopAs<BudgetLedgerScreen>();
        Snapshot.Match($"budget-ledger-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void RequestForm_OverTheLimit(int width, int height)
    {
        using var app = BudgetDesk.Open(width, height);
        app.Press('c').Press(KeyInput.Enter).Press('g');
        app.Type("Wasmachine").Press(KeyInput.Tab).Type("Witgoed West").Press(KeyInput.Tab).Type("offerte 77").Press(KeyInput.Tab).Type("600");

        app.TopAs<BudgetRequestFormScreen>();
        Snapshot.Match($"budget-form-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void AlternativeForm(int width, int height)
    {
        using var app = BudgetDesk.Open(width, height);
        app.Press('8').Press(KeyInput.Enter).Press('l').Type("Fonds Noodhulp Noord betaalt de ID-kaart");

        app.TopAs<BudgetAlternativeFormScreen>();
        Snapshot.Match($"budget-alternative-form-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void PaymentForm_ByTheTeamLeader(int width, int height)
    {
        using var app = BudgetDesk.Open(width, height, role: Role.TeamLeader);
        var approved = app.Store.Budget.All().Single(r => r.Status == BudgetRequestStatus.Approved);
        app.App.Push(new BudgetRequestDetailScreen(app.App, approved));
        app.Press('b').Type("BNG 2026-118");

        app.TopAs<BudgetPaymentFormScreen>();
        Snapshot.Match($"budget-payment-form-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Detail_AlternativeFound(int width, int height)
    {
        using var app = BudgetDesk.Open(width, height);
        var closed = app.Store.Budget.All().Single(r => r.Status == BudgetRequestStatus.AlternativeFound);
        app.App.Push(new BudgetRequestDetailScreen(app.App, closed));
        app.Press(KeyInput.Up);

        app.TopAs<BudgetRequestDetailScreen>();
        Snapshot.Match($"budget-detail-alternative-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Dossier_WithBudgetRequestsOnTheTimeline(int width, int height)
    {
        using var app = BudgetDesk.Open(width, height);
        var paid = app.Store.Budget.All().First(r => r.Status == BudgetRequestStatus.Paid);
        app.App.Push(new DossierScreen(app.App, paid.ClientId));
        app.Press(KeyInput.Up);

        app.TopAs<DossierScreen>();
        Snapshot.Match($"dossier-budget-{width}x{height}", app.Terminal);
    }
}
