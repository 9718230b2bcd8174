using System.Text.RegularExpressions;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Demo;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Fund;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// Issue 13, the screens, driven by keys on the demo's fund: the secretariat's home (balance and queue), and every
/// step on the request detail: offered only where the rules allow it, confirmed with Nee as the default, stored
/// through the same rules as the server's, and refused with a reason a person can act on.
/// </summary>
public sealed class FundScreenTests
{
    [Fact]
    public void Home_OfTheSecretariat_ShowsTheBalance_AndTheQueueWithWaitingForPayoutFirstByDueDate_LateOnesInWords()
    {
        using var app = FundDesk.Open();
        var home = app.TopAs<FundHomeScreen>();
        var balance = app.Store.Fund.Balance();

        var screen = Flat(app.Screen());
        Assert.Contains($"Saldo van het fonds: {balance.Available} inleg {balance.Deposited} · uitbetaald {balance.PaidOut} · terugbetaald {balance.Repaid}", screen, StringComparison.Ordinal);
        Assert.Equal(Money.FromEuros(74_500), balance.Deposited);
        var queue = home.Visible;
        var waiting = queue.TakeWhile(r => r.Status == FundRequestStatus.Approved).ToList();
        Assert.NotEmpty(waiting);
        Assert.Equal(waiting.Select(r => r.PayoutDue), waiting.Select(r => r.PayoutDue).Order());
        Assert.DoesNotContain(queue.Skip(waiting.Count), r => r.Status == FundRequestStatus.Approved);
        Assert.DoesNotContain(queue, r => r.Status is FundRequestStatus.Refused or FundRequestStatus.Settled);
        Assert.All(waiting, r => Assert.True(r.IsPayoutLate(app.Store.Fund.Today)));
        Assert.Contains($"! te laat: vóór {DateText.Show(waiting[0].PayoutDue!.Value)}", screen, StringComparison.Ordinal);

        app.Press(KeyInput.Enter);
        Assert.Equal(waiting[0].Id, app.TopAs<FundRequestDetailScreen>().Request.Id);
    }

    [Theory]
    [InlineData(FundRequestStatus.Requested, new[] { "approve", "refuse" })]
    [InlineData(FundRequestStatus.Approved, new[] { "payout" })]
    [InlineData(FundRequestStatus.PaidOut, new[] { "evaluate" })]
    [InlineData(FundRequestStatus.Evaluated, new[] { "settle" })]
    [InlineData(FundRequestStatus.Refused, new string[0])]
    public void Detail_OffersOnlyTheStepsTheRulesAllowInItsState(FundRequestStatus status, string[] offered)
    {
        using var app = FundDesk.Open();
        var detail = OpenDetail(app, app.Store.Fund.All().First(r => r.Status == status));

        Assert.Equal(offered, Steps.Where(s => Offered(detail, s)));
    }

    [Fact]
    public void Steps_AreNotOfferedToAMemberProfessional_AndItsKeysDoNothing()
    {
        using var app = new AppHarness(role: Role.Nurse);
        DemoBudget.Fill(app.Store);
        DemoFund.Fill(app.Store);
        foreach (var request in app.Store.Fund.All().GroupBy(r => r.Status).Select(g => g.First()))
        {
            var detail = OpenDetail(app, request);
            Assert.DoesNotContain(Steps, s => Offered(detail, s));
            app.Press('a').Press('w').Press('u').Press('e').Press('v').Press('t');
            Assert.Same(detail, app.Top);
            Assert.Equal(request.Status, app.Store.Fund.Get(request.Id)!.Status);
            app.Press(KeyInput.Escape);
        }
    }

    [Fact]
    public void Approve_WithAnOptionalNote_IsConfirmedWithNeeAsDefault_ThenTheRequestWaitsForPayoutWithinAWeek()
    {
        using var app = FundDesk.Open();
        var request = app.Store.Fund.All().Single(r => r.Status == FundRequestStatus.Requested);
        var detail = OpenDetail(app, request);

        app.Press('a');
        app.TopAs<FundStepFormScreen>();
        app.Press(KeyInput.Ctrl('s'));
        Assert.IsType<ConfirmScreen>(app.Top);
        Assert.Contains($"{request.Amount} toekennen voor", Flat(app.Screen()), StringComparison.Ordinal);
        app.Press(KeyInput.Enter);
        Assert.Equal(FundRequestStatus.Requested, app.Store.Fund.Get(request.Id)!.Status);

        app.Press(KeyInput.Ctrl('s')).Press(KeyInput.Left).Press(KeyInput.Enter);
        var approved = app.Store.Fund.Get(request.Id)!;
        Assert.Equal((FundRequestStatus.Approved, app.Store.Identity.WorkerId), (approved.Status, approved.Decision!.By));
        Assert.Same(detail, app.Top);
        Assert.Contains($"uitbetalen vóór {DateText.Show(app.Store.Fund.Today.AddDays(7))}", Flat(app.Screen()), StringComparison.Ordinal);
        Assert.Equal(["payout"], Steps.Where(s => Offered(detail, s)));
    }

    [Fact]
    public void Refuse_WithoutAReason_SaysWhatToFillIn_AndStoresNothing_WithAReasonItIsRefused()
    {
        using var app = FundDesk.Open();
        var request = app.Store.Fund.All().Single(r => r.Status == FundRequestStatus.Requested);
        OpenDetail(app, request);

        app.Press('w').Press(KeyInput.Ctrl('s'));
        app.TopAs<FundStepFormScreen>();
        Assert.Contains("vul die reden in, zoals 'geen duurzaam perspectief'", Flat(app.Screen()), StringComparison.Ordinal);
        Assert.Equal(FundRequestStatus.Requested, app.Store.Fund.Get(request.Id)!.Status);

        app.Type("Geen duurzaam perspectief").Press(KeyInput.Ctrl('s')).Press(KeyInput.Left).Press(KeyInput.Enter);
        var refused = app.Store.Fund.Get(request.Id)!;
        Assert.Equal((FundRequestStatus.Refused, "Geen duurzaam perspectief"), (refused.Status, refused.Decision!.Note));
        Assert.Contains("geweigerd door", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void PayOut_WithAReference_AfterConfirm_LowersTheBalanceOnHome()
    {
        using var app = FundDesk.Open();
        var before = app.Store.Fund.Balance();
        app.Press(KeyInput.Enter);
        var request = app.TopAs<FundRequestDetailScreen>().Request;

        app.Press('u').Press(KeyInput.Ctrl('s'));
        Assert.Contains("Betalingskenmerk", Flat(app.Screen()), StringComparison.Ordinal);
        app.Type("BNG 2026-7781").Press(KeyInput.Ctrl('s')).Press(KeyInput.Enter);
        Assert.Equal(FundRequestStatus.Approved, app.Store.Fund.Get(request.Id)!.Status);

        app.Press(KeyInput.Ctrl('s')).Press(KeyInput.Left).Press(KeyInput.Enter);
        var paid = app.Store.Fund.Get(request.Id)!;
        Assert.Equal((FundRequestStatus.PaidOut, "BNG 2026-7781"), (paid.Status, paid.Payout!.Note));
        app.Press(KeyInput.Escape);
        Assert.Contains($"Saldo van het fonds: {before.Available - request.Amount}", Flat(app.Screen()), StringComparison.Ordinal);
        Assert.DoesNotContain(app.TopAs<FundHomeScreen>().Visible, r => r.Id == request.Id && r.Status == FundRequestStatus.Approved);
    }

    [Fact]
    public void PayOut_OverTheBalance_IsRefusedWithTheBalanceNamed_AndTheRequestWaits()
    {
        using var app = FundDesk.Open();
        var request = app.Store.Fund.Queue().First();
        // The partners deposited next to nothing: the fund cannot cover any payout.
        var current = app.Store.Reference.Current()!;
        var poor = new Wijkwerk.Core.Domain.Fund.Fund(DemoFund.Partners, [new FundDeposit(DemoFund.Partners[0], new Money(100), new DateOnly(2026, 1, 5))], []);
        var sync = new LocalSync(app.Store);
        sync.Apply(new PullResponse([], sync.Settings().Anchor, false, 0, 0) { Reference = current with { Version = current.Version + 1, Fund = FundInfo.From(poor, FundBalance.Of(poor, [], [])) } });
        var detail = OpenDetail(app, request);
        Assert.True(Offered(detail, "payout"));

        app.Press('u').Type("BNG 2026-7782").Press(KeyInput.Ctrl('s'));

        Assert.IsType<FundStepFormScreen>(app.Top);
        Assert.Contains($"dekt deze uitbetaling van {request.Amount} niet; er is niets uitbetaald en het verzoek wacht", Flat(app.Screen()), StringComparison.Ordinal);
        Assert.Equal(FundRequestStatus.Approved, app.Store.Fund.Get(request.Id)!.Status);
    }

    [Fact]
    public void Evaluate_WorkedAndDurableWithANote_AfterConfirm_IsStored()
    {
        using var app = FundDesk.Open();
        var request = app.Store.Fund.All().First(r => r.Status == FundRequestStatus.PaidOut);
        OpenDetail(app, request);

        app.Press('e');
        app.TopAs<FundEvaluationFormScreen>();
        app.Press(KeyInput.Character(' ')).Press(KeyInput.Tab).Press(KeyInput.Character(' ')).Press(KeyInput.Tab).Type("Energie blijft aan, betalingsregeling loopt");
        app.Press(KeyInput.Ctrl('s')).Press(KeyInput.Left).Press(KeyInput.Enter);

        var evaluated = app.Store.Fund.Get(request.Id)!;
        Assert.Equal((FundRequestStatus.Evaluated, true, true, "Energie blijft aan, betalingsregeling loopt"),
            (evaluated.Status, evaluated.Evaluation!.Worked, evaluated.Evaluation.Durable, evaluated.Evaluation.Note));
    }

    [Fact]
    public void Settle_AUniqueCase_ShowsTheSharesPerPartnerThatAddUp_AndAfterConfirmTheyAreOwed()
    {
        // Tall enough to show all fourteen shares and their total without scrolling.
        using var app = FundDesk.Open(160, 50);
        var request = FundDesk.EvaluatedUniqueCase(app);
        var detail = OpenDetail(app, request);
        var screen = Flat(app.Screen());
        Assert.Contains("Bij verrekenen betaalt terug:", screen, StringComparison.Ordinal);
        Assert.Contains($"totaal {request.Amount}", screen, StringComparison.Ordinal);

        app.Press('v');
        Assert.IsType<ConfirmScreen>(app.Top);
        app.Press(KeyInput.Enter);
        Assert.Equal(FundRequestStatus.Evaluated, app.Store.Fund.Get(request.Id)!.Status);

        app.Press('v').Press(KeyInput.Left).Press(KeyInput.Enter);
        var settled = app.Store.Fund.Get(request.Id)!;
        Assert.Equal(FundRequestStatus.Settled, settled.Status);
        Assert.Equal(DemoFund.Partners.Count, settled.Settlement!.Shares.Count);
        Assert.Equal(request.Amount, settled.Settlement.Shares.Aggregate(Money.Zero, (sum, s) => sum + s.Amount));
        Assert.True(Offered(detail, "repayment"));
        Assert.Contains("verrekend door", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void Repayment_StartsWithWhatThePartnerStillOwes_IsCheckedAsTyped_AndRaisesTheBalance()
    {
        using var app = FundDesk.Open();
        var request = app.Store.Fund.All().First(r => r.Status == FundRequestStatus.Settled && app.Store.Fund.Repayments(r.Id).Count == 0);
        var share = request.Settlement!.Shares[0];
        var before = app.Store.Fund.Balance();
        OpenDetail(app, request);

        app.Press('t');
        app.TopAs<FundRepaymentFormScreen>();
        app.Press(KeyInput.Tab).Press(KeyInput.Ctrl('u')).Type("999999").Press(KeyInput.Ctrl('s'));
        Assert.Contains("is meer dan", Flat(app.Screen()), StringComparison.Ordinal);
        Assert.Empty(app.Store.Fund.Repayments(request.Id));

        app.Press(KeyInput.Ctrl('u')).Type((share.Amount.Cents / 100m).ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")));
        app.Press(KeyInput.Ctrl('s')).Press(KeyInput.Left).Press(KeyInput.Enter);

        var repayment = Assert.Single(app.Store.Fund.Repayments(request.Id));
        Assert.Equal((share.Partner, share.Amount, app.Store.Fund.Today), (repayment.Partner, repayment.Amount, repayment.ReceivedOn));
        Assert.Equal(before.Available + share.Amount, app.Store.Fund.Balance().Available);
    }

    [Fact]
    public void DossierTimeline_ShowsTheClientsFundRequestsAndTheirSteps_EnterOpensTheRequestWithoutSecretariatKeys()
    {
        using var app = new AppHarness(160, 50, role: Role.Nurse);
        DemoBudget.Fill(app.Store);
        DemoFund.Fill(app.Store);
        var settled = app.Store.Fund.All().First(r => r is { Status: FundRequestStatus.Settled, IsUnique: false });
        app.App.Push(new DossierScreen(app.App, settled.ClientId));
        app.Press(KeyInput.Up);

        var screen = Flat(app.Screen());
        Assert.Contains($"Fondsverzoek [verrekend] {settled.Amount}: {settled.Purpose}", screen, StringComparison.Ordinal);
        Assert.Contains($"Fonds: {settled.Amount} uitbetaald aan {settled.Payee}", screen, StringComparison.Ordinal);
        Assert.Contains($"Fonds: verrekend, terug te betalen door {settled.ResponsiblePartner}", screen, StringComparison.Ordinal);
        for (var i = 0; i < 60 && !SelectedRow(app).Contains("Fondsverzoek", StringComparison.Ordinal); i++)
            app.Press(KeyInput.Down);
        app.Press(KeyInput.Enter);

        var detail = app.TopAs<FundRequestDetailScreen>();
        Assert.Equal(settled.ClientId, detail.Request.ClientId);
        Assert.DoesNotContain(Steps, s => Offered(detail, s));
    }

    [Fact]
    public void Receivables_ShowEachPartnersOpenAmountWithItsAge_AndTheHalfYearsWithTheirBottlenecksAndSocialReturn()
    {
        using var app = FundDesk.Open(160, 50);
        var oldest = app.Store.Fund.OpenReceivables()[0];

        app.Press('9');

        app.TopAs<FundReceivablesScreen>();
        // The whole report, read page by page as a person scrolls it.
        var screen = app.Screen();
        for (var i = 0; i < 20; i++)
            screen += app.Press(KeyInput.PageDown).Screen();
        Assert.Contains($"{oldest.Outstanding}  open sinds {DateText.Show(oldest.Since)} ({oldest.AgeDays(app.Store.Fund.Today)} dagen)", screen, StringComparison.Ordinal);
        var latest = app.Store.Fund.Review()[^1];
        Assert.Contains($"Halfjaar {latest.Period}", screen, StringComparison.Ordinal);
        var top = latest.PerBottleneck.MaxBy(l => l.Amount.Cents)!;
        Assert.Matches($"{Regex.Escape(top.Key)} +█{{28}} +{Regex.Escape(top.Amount.ToString())}", screen);
        // The demo counts an avoided eviction on every other request: the half year names what those avoided.
        Assert.True(latest.WithFigures > 0);
        Assert.Contains($"Maatschappelijk rendement van {latest.WithFigures} verzoeken met een berekening: vermeden kosten {latest.AvoidedCost} · netto {latest.NetReturn}",
            screen, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestForm_FromTheDossierOfAMember_IsCheckedAsTyped_ConfirmedWithNee_AndStoredAsRequested()
    {
        using var app = new AppHarness(160, 50, role: Role.Nurse);
        DemoBudget.Fill(app.Store);
        DemoFund.Fill(app.Store);
        var client = app.Store.Clients.Search()[0];
        app.App.Push(new DossierScreen(app.App, client.Id));
        var before = app.Store.Fund.ForClient(client.Id).Count;
        Assert.Contains(app.TopAs<DossierScreen>().AllCommands.Commands, c => c.Id == "fund-request" && c.ShowInStatusBar && c.IsEnabled());

        app.Press('f');
        app.TopAs<FundRequestFormScreen>();
        Assert.Contains("beschrijf de situatie zonder naam, BSN of adres", Flat(app.Screen()), StringComparison.Ordinal);
        app.Press(KeyInput.Ctrl('s'));
        Assert.IsType<FundRequestFormScreen>(app.Top);
        Assert.Equal(before, app.Store.Fund.ForClient(client.Id).Count);

        app.Type("Inwoner dreigt afgesloten te worden van energie").Press(KeyInput.Tab).Type("20.000").Press(KeyInput.Tab)
            .Type("Energie weer aansluiten").Press(KeyInput.Tab).Type("Energie Fictief").Press(KeyInput.Tab).Press(KeyInput.Tab)
            .Type("De regeling betaalt pas na zes weken").Press(KeyInput.Tab).Press(KeyInput.Character(' ')).Press(KeyInput.Tab)
            .Type("Inkomen is geregeld").Press(KeyInput.Tab).Type("De regel past hier niet").Press(KeyInput.Tab)
            .Type("Inwoner werkt mee").Press(KeyInput.Tab).Press(KeyInput.Character(' ')).Press(KeyInput.Tab).Type("energie-afsluiting");
        app.Press(KeyInput.Ctrl('s'));
        Assert.Contains("is meer dan het fonds per verzoek betaalt", Flat(app.Screen()), StringComparison.Ordinal);

        app.Press(KeyInput.ShiftTab, KeyInput.ShiftTab, KeyInput.ShiftTab, KeyInput.ShiftTab, KeyInput.ShiftTab, KeyInput.ShiftTab, KeyInput.ShiftTab, KeyInput.ShiftTab, KeyInput.ShiftTab, KeyInput.ShiftTab)
            .Press(KeyInput.Ctrl('u')).Type("437,50").Press(KeyInput.Ctrl('s'));
        Assert.IsType<ConfirmScreen>(app.Top);
        app.Press(KeyInput.Enter);
        Assert.Equal(before, app.Store.Fund.ForClient(client.Id).Count);
        app.Press(KeyInput.Ctrl('s')).Press(KeyInput.Left).Press(KeyInput.Enter);

        var made = app.Store.Fund.ForClient(client.Id)[0];
        Assert.Equal((FundRequestStatus.Requested, new Money(43_750), DemoFund.Partners[0], true, "energie-afsluiting"),
            (made.Status, made.Amount, made.ResponsiblePartner, made.DurableExpected, made.BottleneckTag));
        Assert.Contains("Fondsverzoek [aangevraagd] € 437,50: Energie weer aansluiten", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void RequestForm_IsNotOfferedToANonMember_AndPressingTheKeySaysWhy()
    {
        using var app = new AppHarness(role: Role.Nurse);
        var client = app.Store.Clients.Search()[0];
        app.App.Push(new DossierScreen(app.App, client.Id));
        app.Press(KeyInput.Up);
        var dossier = app.TopAs<DossierScreen>();
        Assert.DoesNotContain(dossier.AllCommands.Commands, c => c.Id == "fund-request" && c.ShowInStatusBar);

        app.Press('f');

        Assert.Same(dossier, app.Top);
        Assert.Contains("u bent geen lid van het revolverend fonds", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void PayoutForm_KilledHalfway_ReopensFromItsDraftOverTheRequest()
    {
        using var app = FundDesk.Open();
        app.Press(KeyInput.Enter);
        var request = app.TopAs<FundRequestDetailScreen>().Request;
        app.Press('u').Type("BNG 2026-77");

        app.Restart();

        app.TopAs<FundStepFormScreen>();
        Assert.Contains("BNG 2026-77", app.Screen(), StringComparison.Ordinal);
        // Leaving the restored typing asks first; yes lands on the request it belongs to.
        app.Press(KeyInput.Escape);
        Assert.IsType<ConfirmScreen>(app.Top);
        app.Press(KeyInput.Left).Press(KeyInput.Enter);
        Assert.Equal(request.Id, app.TopAs<FundRequestDetailScreen>().Request.Id);
    }

    private static readonly string[] Steps = ["approve", "refuse", "payout", "evaluate", "settle", "repayment"];

    private static FundRequestDetailScreen OpenDetail(AppHarness app, FundRequest request)
    {
        app.App.Push(new FundRequestDetailScreen(app.App, request));
        app.Press(KeyInput.Up);
        return app.TopAs<FundRequestDetailScreen>();
    }

    private static bool Offered(FundRequestDetailScreen screen, string command) =>
        screen.AllCommands.Commands.Any(c => c.Id == command && c.IsEnabled());

    /// <summary>The timeline row the focus marker is on (every row starts with its date).</summary>
    private static string SelectedRow(AppHarness app) =>
        app.Screen().Split('\n').FirstOrDefault(l => Regex.IsMatch(l, Regex.Escape(WidgetStyles.FocusMarker) + @"\d\d-\d\d-\d{4}")) ?? "";

    private static string Flat(string screen) => string.Join(' ', screen.Split('\n').Select(l => l.Trim()));
}
