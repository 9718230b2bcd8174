using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Localization;
using Wijkwerk.Demo;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Fund;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// The fund screens at the smallest supported size and a big one, and in English (<c>--lang en</c>) at the smallest, against
/// golden text files (UPDATE_SNAPSHOTS=1 rewrites them).
/// </summary>
public sealed class FundSnapshotTests
{
    public static TheoryData<int, int> Sizes => ScreenSnapshotTests.Sizes;

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Home_OfTheSecretariat(int width, int height)
    {
        using var app = FundDesk.Open(width, height);

        app.TopAs<FundHomeScreen>();
        Snapshot.Match($"fund-home-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Detail_WaitingForPayout(int width, int height)
    {
        using var app = FundDesk.Open(width, height);
        app.Press(KeyInput.Enter);

        Assert.Equal(FundRequestStatus.Approved, app.TopAs<FundRequestDetailScreen>().Request.Status);
        Snapshot.Match($"fund-detail-approved-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Detail_UniqueCaseToSettle(int width, int height)
    {
        using var app = FundDesk.Open(width, height);
        var request = FundDesk.EvaluatedUniqueCase(app);
        app.App.Push(new FundRequestDetailScreen(app.App, request));
        app.Press(KeyInput.Up);

        app.TopAs<FundRequestDetailScreen>();
        Snapshot.Match($"fund-detail-settle-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void PayoutForm(int width, int height)
    {
        using var app = FundDesk.Open(width, height);
        app.Press(KeyInput.Enter).Press('u');

        app.TopAs<FundStepFormScreen>();
        Snapshot.Match($"fund-payout-form-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ReceivablesAndReview(int width, int height)
    {
        using var app = FundDesk.Open(width, height);
        app.Press('9');

        app.TopAs<FundReceivablesScreen>();
        Snapshot.Match($"fund-receivables-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void RequestForm(int width, int height)
    {
        using var app = new AppHarness(width, height);
        DemoFund.Fill(app.Store);
        app.App.Push(new DossierScreen(app.App, app.Store.Clients.Search()[0].Id));
        app.Press('f');

        app.TopAs<FundRequestFormScreen>();
        Snapshot.Match($"fund-request-form-{width}x{height}", app.Terminal);
    }

    [Fact]
    public void Home_OfTheSecretariat_English()
    {
        using var app = FundDesk.Open(lang: Lang.En);

        app.TopAs<FundHomeScreen>();
        Snapshot.Match("fund-home-en-80x24", app.Terminal);
    }

    [Fact]
    public void Detail_WaitingForPayout_English()
    {
        using var app = FundDesk.Open(lang: Lang.En);
        app.Press(KeyInput.Enter);

        Assert.Equal(FundRequestStatus.Approved, app.TopAs<FundRequestDetailScreen>().Request.Status);
        Snapshot.Match("fund-detail-approved-en-80x24", app.Terminal);
    }

    [Fact]
    public void Detail_UniqueCaseToSettle_English()
    {
        using var app = FundDesk.Open(lang: Lang.En);
        var request = FundDesk.EvaluatedUniqueCase(app);
        app.App.Push(new FundRequestDetailScreen(app.App, request));
        app.Press(KeyInput.Up);

        Assert.Equal(FundRequestStatus.Evaluated, app.TopAs<FundRequestDetailScreen>().Request.Status);
        Snapshot.Match("fund-detail-settle-en-80x24", app.Terminal);
    }

    [Fact]
    public void PayoutForm_English()
    {
        using var app = FundDesk.Open(lang: Lang.En);
        app.Press(KeyInput.Enter).Press('u');

        app.TopAs<FundStepFormScreen>();
        Snapshot.Match("fund-payout-form-en-80x24", app.Terminal);
    }

    [Fact]
    public void ReceivablesAndReview_English()
    {
        using var app = FundDesk.Open(lang: Lang.En);
        app.Press('9');

        app.TopAs<FundReceivablesScreen>();
        Snapshot.Match("fund-receivables-en-80x24", app.Terminal);
    }

    /// <summary>The form with an amount and one avoided route typed: the calculator's figures in English under the fields.</summary>
    [Fact]
    public void RequestForm_WithTheCalculator_English()
    {
        using var app = new AppHarness(80, 24, Lang.En);
        DemoFund.Fill(app.Store);
        app.App.Push(new DossierScreen(app.App, app.Store.Clients.Search()[0].Id));
        app.Press('f').Press(KeyInput.Tab).Type("350");
        for (var i = 0; i < 14; i++)
            app.Press(KeyInput.Tab);
        app.Type("1");

        Assert.Equal("1", app.TopAs<FundRequestFormScreen>().Field("route:uithuiszetting").Read());
        Snapshot.Match("fund-request-form-en-80x24", app.Terminal);
    }
}
