using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Fund;

/// <summary>
/// The revolving fund's rules in Core: who may request (member professionals, never a resident-facing reviewer or the
/// secretariat itself), the secretariat's steps in order (refusal needs a reason, payout never above the balance,
/// settlement never before evaluation, shares exactly as the deposits say), repayments, the payout clock, the balance,
/// receivables and the half-year review.
/// </summary>
public class FundRulesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 20);
    private static readonly Id<Worker> Nurse = FundSamples.NewWorker();
    private static readonly Id<Worker> Secretary = FundSamples.NewWorker();
    private static readonly Wijkwerk.Core.Domain.Fund.Fund Fund = FundSamples.FundOf(Nurse);
    private static readonly FundActor AsNurse = new(Role.Nurse, Nurse, [FundSamples.Team]);
    private static readonly FundActor AsSecretary = new(Role.FundSecretary, Secretary, ["Fonds"]);
    private static readonly Money Plenty = Money.FromEuros(10_000);

    private static string Dutch(Problem? problem) => Assert.IsType<Problem>(problem).Describe(Lang.Nl);

    private static FundRequest Requested(long cents = 120_000, string? responsible = FundSamples.Housing) => FundSamples.Request(Nurse, Monday, cents, responsible);

    private static FundRequest Approved(FundRequest r) => r with { Status = FundRequestStatus.Approved, Decision = new FundStep(Monday.AddDays(1), Secretary, "") };

    private static FundRequest PaidOut(FundRequest r) => Approved(r) with { Status = FundRequestStatus.PaidOut, Payout = new FundStep(Monday.AddDays(2), Secretary, "betaling 2026-031") };

    private static FundRequest Evaluated(FundRequest r) =>
        PaidOut(r) with { Status = FundRequestStatus.Evaluated, Evaluation = new FundEvaluation(Monday.AddDays(10), Secretary, true, true, "Woning behouden, budgetbeheer loopt") };

    private static FundRequest Settled(FundRequest r) =>
        Evaluated(r) with { Status = FundRequestStatus.Settled, Settlement = new FundSettlement(Monday.AddDays(11), Secretary, FundShares.Of(r.Amount, r.ResponsiblePartner, Fund).Value) };

    [Fact]
    public void MemberNurse_MayRequest()
    {
        Assert.Null(FundRules.CheckNew(AsNurse, Requested(), Fund, Today));
    }

    /// <summary>The request's own cost is its amount: figures counted on another amount are refused, saying both.</summary>
    [Fact]
    public void SocialReturn_CountedOnTheAmount_Accepted_OnAnotherAmount_Refused()
    {
        var request = Requested(120_000);
        var onTheAmount = SocialReturnCalculator.Calculate(request.Amount, [new AvoidedRoute(MandateSamples.Eviction(), 1)], 1).Value;
        var onLess = SocialReturnCalculator.Calculate(new Money(7_500), [new AvoidedRoute(MandateSamples.Eviction(), 1)], 1).Value;

        Assert.Null(FundRules.CheckNew(AsNurse, request with { Triangle = request.Triangle with { SocialReturn = onTheAmount } }, Fund, Today));
        Assert.Equal("telt eigen kosten van € 75,00, maar het verzoek vraagt € 1.200,00; bereken het opnieuw met de rekenhulp onder het bedrag",
            Dutch(FundRules.CheckNew(AsNurse, request with { Triangle = request.Triangle with { SocialReturn = onLess } }, Fund, Today)));
    }

    [Theory]
    [InlineData(Role.WmoConsultant)]
    [InlineData(Role.FundSecretary)]
    [InlineData(Role.Admin)]
    public void NonProfessionalRole_MayNotRequest_EvenAsMember(Role role)
    {
        var actor = AsNurse with { Role = role };
        Assert.StartsWith("alleen lid-professionals (wijkverpleegkundigen en teamleiders) vragen geld aan", Dutch(FundRules.CheckNew(actor, Requested(), Fund, Today)));
    }

    [Fact]
    public void NurseWhoIsNoMember_MayNotRequest()
    {
        var outsider = FundSamples.NewWorker();
        var request = FundSamples.Request(outsider, Monday);
        Assert.StartsWith("u bent geen lid van het revolverend fonds", Dutch(FundRules.CheckNew(AsNurse with { Worker = outsider }, request, Fund, Today)));
    }

    [Fact]
    public void RequestNamingAnUnknownPartner_OrAboveTheMaximum_IsRefusedField()
    {
        var problems = FundRules.CheckContent(Requested(1_000_001, "Stichting Elders"), Fund, Today);
        Assert.Contains(problems, p => p.Field == "bedrag" && p.Text == TextId.FundOverMaximum);
        Assert.Contains(problems, p => p.Field == "wie had moeten betalen" && p.Text == TextId.FundPartnerUnknown);
        Assert.Empty(FundRules.CheckContent(Requested(7_500, null), Fund, Today));
    }

    [Fact]
    public void RequestWithAStepAlreadySet_IsRefused_OnlyTheSecretariatTakesSteps()
    {
        Assert.Equal(TextId.FundSecretariatOnly, FundRules.CheckNew(AsNurse, Approved(Requested()), Fund, Today)!.Text);
    }

    [Fact]
    public void Refusal_NeedsAReason()
    {
        var before = Requested();
        var refused = before with { Status = FundRequestStatus.Refused, Decision = new FundStep(Monday.AddDays(1), Secretary, "  ") };
        Assert.StartsWith("een verzoek wordt toegekend tenzij er een reden is om te weigeren", Dutch(FundRules.CheckChange(AsSecretary, before, refused, Fund, Plenty, Today)));
        Assert.Null(FundRules.CheckChange(AsSecretary, before, refused with { Decision = refused.Decision! with { Note = "geen duurzaam perspectief" } }, Fund, Plenty, Today));
    }

    [Fact]
    public void Nurse_CannotApproveOrPayOut()
    {
        var before = Requested();
        Assert.Equal(TextId.FundSecretariatOnly, FundRules.CheckChange(AsNurse, before, Approved(before), Fund, Plenty, Today)!.Text);
        Assert.Equal(TextId.FundSecretariatOnly, FundRules.CheckChange(AsNurse, Approved(before), PaidOut(before), Fund, Plenty, Today)!.Text);
    }

    [Fact]
    public void Payout_OverTheBalance_IsRefused_TheRequestWaits_AndAtTheBalanceItIsPaid()
    {
        var before = Approved(Requested(120_000));
        Assert.Equal(
            "het saldo van het fonds (€ 1.199,99) dekt deze uitbetaling van € 1.200,00 niet; er is niets uitbetaald en het verzoek wacht tot er terugbetalingen of nieuwe inleg binnen zijn",
            Dutch(FundRules.CheckChange(AsSecretary, before, PaidOut(before), Fund, new Money(119_999), Today)));
        Assert.Null(FundRules.CheckChange(AsSecretary, before, PaidOut(before), Fund, new Money(120_000), Today));
    }

    [Theory]
    [InlineData(FundRequestStatus.Requested)]
    [InlineData(FundRequestStatus.Approved)]
    [InlineData(FundRequestStatus.PaidOut)]
    public void Settlement_BeforeEvaluation_IsRefused(FundRequestStatus from)
    {
        var request = Requested();
        var before = from switch
        {
            FundRequestStatus.Approved => Approved(request),
            FundRequestStatus.PaidOut => PaidOut(request),
            _ => request,
        };
        var after = before with { Status = FundRequestStatus.Settled, Settlement = new FundSettlement(Monday.AddDays(11), Secretary, [new FundShare(FundSamples.Housing, request.Amount)]) };
        Assert.StartsWith("verrekenen kan pas na de evaluatie", Dutch(FundRules.CheckChange(AsSecretary, before, after, Fund, Plenty, Today)));
    }

    [Fact]
    public void Settlement_MustSplitAsTheDepositsSay()
    {
        var request = Requested(100_001, null);
        var before = Evaluated(request);
        Assert.Null(FundRules.CheckChange(AsSecretary, before, Settled(request), Fund, Plenty, Today));
        var equalSplit = Settled(request) with
        {
            Settlement = Settled(request).Settlement! with { Shares = [new(FundSamples.Municipality, new Money(33_334)), new(FundSamples.Housing, new Money(33_334)), new(FundSamples.Health, new Money(33_333))] },
        };
        Assert.Equal(TextId.FundSharesDiffer, FundRules.CheckChange(AsSecretary, before, equalSplit, Fund, Plenty, Today)!.Text);
    }

    [Fact]
    public void WhatWasAsked_AndEarlierSteps_NeverChange()
    {
        var paid = PaidOut(Requested());
        var evaluatedWithOtherAmount = Evaluated(Requested()) with { Amount = new Money(1) };
        Assert.Equal(TextId.FundRequestFixed, FundRules.CheckChange(AsSecretary, paid, evaluatedWithOtherAmount, Fund, Plenty, Today)!.Text);
        var rewrittenPayout = Evaluated(Requested()) with { Payout = new FundStep(Monday.AddDays(3), Secretary, "ander kenmerk") };
        Assert.Equal(TextId.FundRequestFixed, FundRules.CheckChange(AsSecretary, paid with { Id = rewrittenPayout.Id, ClientId = rewrittenPayout.ClientId }, rewrittenPayout, Fund, Plenty, Today)!.Text);
    }

    [Fact]
    public void SeveralStepsTakenOffline_AreJudgedOneByOne()
    {
        var request = Requested(120_000);
        Assert.Null(FundRules.CheckChange(AsSecretary, request, Settled(request), Fund, Plenty, Today));
        Assert.Equal(TextId.FundBalanceTooLow, FundRules.CheckChange(AsSecretary, request, Settled(request), Fund, Money.FromEuros(100), Today)!.Text);
        var refusedThenPaid = PaidOut(request) with { Status = FundRequestStatus.PaidOut, Decision = new FundStep(Monday.AddDays(1), Secretary, "geen perspectief") };
        Assert.Equal(TextId.BudgetStepNotAllowed, FundRules.CheckChange(AsSecretary, request, refusedThenPaid with { Status = FundRequestStatus.Refused }, Fund, Plenty, Today)!.Text);
    }

    [Fact]
    public void PayoutIsDueAWeekAfterApproval_AndFlaggedLateAfterThat()
    {
        var approved = Approved(Requested());
        Assert.Equal(new DateOnly(2026, 3, 10), approved.PayoutDue);
        Assert.False(approved.IsPayoutLate(new DateOnly(2026, 3, 10)));
        Assert.True(approved.IsPayoutLate(new DateOnly(2026, 3, 11)));
        Assert.False(PaidOut(Requested()).IsPayoutLate(new DateOnly(2026, 4, 1)));
        Assert.Null(Requested().PayoutDue);
    }

    [Fact]
    public void Repayments_OnlyForSettledRequests_ByAPartnerThatOwes_NeverMoreThanOwed()
    {
        var settled = Settled(Requested(120_000));
        FundRepayment Repay(string partner, long cents) => new(new Id<FundRepayment>(Guid.CreateVersion7()), settled.Id, partner, new Money(cents), Today, Secretary, Monday.AddDays(12));
        var first = Repay(FundSamples.Housing, 70_000);

        Assert.Null(FundRules.CheckRepayment(AsSecretary, settled, [], first, Today));
        Assert.Equal("€ 500,01 is meer dan Woonstichting Synthetica nog verschuldigd is voor dit verzoek (€ 500,00)",
            Dutch(FundRules.CheckRepayment(AsSecretary, settled, [first], Repay(FundSamples.Housing, 50_001), Today)));
        Assert.Equal(TextId.FundRepaymentPartnerOwesNothing, FundRules.CheckRepayment(AsSecretary, settled, [], Repay(FundSamples.Health, 100), Today)!.Text);
        Assert.Equal(TextId.FundRepaymentBeforeSettlement, FundRules.CheckRepayment(AsSecretary, settled with { Status = FundRequestStatus.Evaluated, Settlement = null }, [], first, Today)!.Text);
        Assert.Equal(TextId.FundSecretariatOnly, FundRules.CheckRepayment(AsNurse, settled, [], first with { RecordedBy = Nurse }, Today)!.Text);
    }

    [Fact]
    public void Balance_IsDepositsMinusPayoutsPlusRepayments_AndReceivablesAge()
    {
        var settled = Settled(Requested(120_000));
        var waiting = Approved(Requested(30_000));
        var repayment = new FundRepayment(new Id<FundRepayment>(Guid.CreateVersion7()), settled.Id, FundSamples.Housing, new Money(50_000), Today, Secretary, Monday.AddDays(12));

        var balance = FundBalance.Of(Fund, [settled, waiting], [repayment]);
        Assert.Equal((Money.FromEuros(10_000), Money.FromEuros(1_200), Money.FromEuros(500), Money.FromEuros(9_300)),
            (balance.Deposited, balance.PaidOut, balance.Repaid, balance.Available));

        var open = Assert.Single(FundReceivables.Open([settled, waiting], [repayment]));
        Assert.Equal((FundSamples.Housing, Money.FromEuros(700)), (open.Partner, open.Outstanding));
        Assert.Equal(7, open.AgeDays(Today));
        var housing = FundReceivables.PerPartner(Fund, [settled], [repayment]).Single(p => p.Partner == FundSamples.Housing);
        Assert.Equal((Money.FromEuros(3_000), Money.FromEuros(1_200), Money.FromEuros(700)), (housing.Deposited, housing.Owed, housing.Outstanding));
    }

    [Fact]
    public void Review_PerHalfYear_ByBottleneckAndPartner_WithRepaidShareAndDurability()
    {
        var spring = Settled(Requested(120_000));
        var unique = Settled(Requested(30_000, null)) with { BottleneckTag = "energie-afsluiting" };
        var refused = Requested(50_000) with { Status = FundRequestStatus.Refused, Decision = new FundStep(Monday.AddDays(1), Secretary, "geen duurzaam perspectief") };
        var autumn = FundSamples.Request(Nurse, new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero), 7_500);
        var repayment = new FundRepayment(new Id<FundRepayment>(Guid.CreateVersion7()), spring.Id, FundSamples.Housing, new Money(60_000), Today, Secretary, Monday.AddDays(12));

        var periods = FundReview.Of([spring, unique, refused, autumn], [repayment]);

        Assert.Equal([new HalfYear(2026, 1), new HalfYear(2026, 2)], periods.Select(p => p.Period));
        var first = periods[0];
        Assert.Equal((3, 1, Money.FromEuros(1_500), Money.FromEuros(1_500), Money.FromEuros(600)), (first.Requests, first.Refused, first.Requested, first.Owed, first.Repaid));
        Assert.Equal(0.4m, first.RepaidShare);
        Assert.Equal((2, 2, 2), (first.Evaluated, first.Worked, first.Durable));
        Assert.Equal(["uitkering-start-na-opname", "energie-afsluiting"], first.PerBottleneck.Select(l => l.Key));
        Assert.Equal([FundSamples.Housing, ""], first.PerPartner.Select(l => l.Key));
        Assert.Null(periods[1].RepaidShare);
    }
}
