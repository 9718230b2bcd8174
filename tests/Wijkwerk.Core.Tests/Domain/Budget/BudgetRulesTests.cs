using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Budget;

public class BudgetRulesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly Id<Worker> Requester = BudgetSamples.NewWorker();
    private static readonly Id<Worker>[] Colleagues = [BudgetSamples.NewWorker(), BudgetSamples.NewWorker(), BudgetSamples.NewWorker(), BudgetSamples.NewWorker()];

    private static BudgetActor Member(Id<Worker> worker, Role role = Role.Nurse, string team = BudgetSamples.Team) => new(role, worker, [team]);

    private static BudgetLedger Ledger(long euros = 10_000, params BudgetRequest[] requests) => BudgetLedger.Of(BudgetSamples.BudgetOf(euros), requests);

    private static VoteVerdict Vote(BudgetRequest request, IReadOnlyList<BudgetVote> soFar, BudgetVote vote, BudgetLedger? ledger = null, BudgetActor? actor = null) =>
        BudgetRules.JudgeVote(actor ?? Member(vote.Voter), request, soFar, vote, ledger ?? Ledger(), Noon.AddHours(1), Today);

    [Fact]
    public void CheckNew_MemberWithinLimitAndBudget_IsAllowed()
    {
        Assert.Null(BudgetRules.CheckNew(Member(Requester), BudgetSamples.Request(Requester, Noon), BudgetSamples.BudgetOf(), Today));
    }

    [Theory]
    [InlineData(500, null)]
    [InlineData(501, TextId.BudgetOverLimit)]
    public void CheckNew_AmountAboveTheTeamsLimit_IsRefusedNamingBoth(long euros, TextId? expected)
    {
        var problem = BudgetRules.CheckNew(Member(Requester), BudgetSamples.Request(Requester, Noon, euros), BudgetSamples.BudgetOf(), Today);

        Assert.Equal(expected, problem?.Text);
        if (problem is not null)
            Assert.Equal("€ 501,00 is meer dan de grens van € 500,00 per verzoek; vraag een kleiner bedrag of zoek een andere route, zoals een fonds", problem.Describe(Lang.Nl));
    }

    [Fact]
    public void CheckNew_LimitIsTheTeams_NotAFixedFiveHundred()
    {
        var budget = BudgetSamples.BudgetOf(limitEuros: 250);

        Assert.Equal(TextId.BudgetOverLimit, BudgetRules.CheckNew(Member(Requester), BudgetSamples.Request(Requester, Noon, 300), budget, Today)?.Text);
    }

    [Fact]
    public void CheckNew_WithoutABudgetForTheYear_SaysToAskTheAdministrator()
    {
        var problem = BudgetRules.CheckNew(Member(Requester), BudgetSamples.Request(Requester, Noon), BudgetSamples.BudgetOf(year: 2025), Today);

        Assert.Equal(TextId.BudgetNone, problem?.Text);
        Assert.Contains("admin budget set", problem!.Describe(Lang.Nl));
    }

    [Theory]
    [InlineData(Role.WmoConsultant)]
    [InlineData(Role.FundSecretary)]
    [InlineData(Role.Admin)]
    public void CheckNew_RolesThatDoNotWorkInTheTeam_AreRefused(Role role)
    {
        Assert.Equal(TextId.BudgetRoleNotAllowed, BudgetRules.CheckNew(Member(Requester, role), BudgetSamples.Request(Requester, Noon), BudgetSamples.BudgetOf(), Today)?.Text);
    }

    [Fact]
    public void CheckNew_ForAnotherTeam_IsRefused()
    {
        var problem = BudgetRules.CheckNew(Member(Requester, team: "Wijkteam Zuid"), BudgetSamples.Request(Requester, Noon), BudgetSamples.BudgetOf(), Today);

        Assert.Equal(TextId.BudgetRequestTeamNotYours, problem?.Text);
    }

    [Fact]
    public void CheckNew_MadeAsApproved_IsRefused_OnlyTheServerApproves()
    {
        var request = BudgetSamples.Request(Requester, Noon) with { Status = BudgetRequestStatus.Approved, ApprovedAt = Noon };

        Assert.Equal(TextId.BudgetApprovedByServerOnly, BudgetRules.CheckNew(Member(Requester), request, BudgetSamples.BudgetOf(), Today)?.Text);
    }

    [Fact]
    public void CheckContent_NamesEveryMissingFieldAtOnce()
    {
        var empty = BudgetSamples.Request(Requester, Noon) with
        {
            What = " ", Supplier = new InKindSupplier("", ""), Amount = Money.Zero, WhyNoRegularRoute = "",
            Triangle = new ValueTriangle("", null, "", false), BottleneckTag = "",
        };

        var fields = BudgetRules.CheckContent(empty, Today).Select(p => p.Field).ToList();

        Assert.Equal(["wat", "leverancier", "factuur of kenmerk", "bedrag", "waarom geen voorliggende voorziening", "legitimiteit", "betrokkenheid", "knelpunt"], fields);
    }

    [Fact]
    public void CheckContent_FiguresThatDoNotAddUp_AreRefusedWithTheSharedCalculator()
    {
        var figures = SocialReturnCalculator.Calculate(Money.FromEuros(350), [new AvoidedRoute(MandateSamples.Eviction(), 1)], 1).Value;
        var request = BudgetSamples.Request(Requester, Noon);
        var honest = request with { Triangle = request.Triangle with { SocialReturn = figures } };
        var forged = request with { Triangle = request.Triangle with { SocialReturn = figures with { NetReturn = Money.FromEuros(1_000_000) } } };

        Assert.Empty(BudgetRules.CheckContent(honest, Today));
        Assert.Contains(BudgetRules.CheckContent(forged, Today), p => p.Text == TextId.MandateFiguresDoNotAddUp);
        var onAnotherAmount = request with { Amount = Money.FromEuros(400) };
        Assert.Contains(BudgetRules.CheckContent(onAnotherAmount with { Triangle = honest.Triangle }, Today), p => p.Text == TextId.ReturnOwnCostNotAmount);
    }

    [Fact]
    public void JudgeVote_ApprovedExactlyAtTheThirdDistinctApproval()
    {
        var request = BudgetSamples.Request(Requester, Noon);
        var votes = new List<BudgetVote>();
        for (var i = 0; i < 3; i++)
        {
            var vote = BudgetSamples.Approve(request.Id, Colleagues[i], Noon.AddMinutes(i));
            var verdict = Vote(request, votes, vote);
            Assert.Null(verdict.Problem);
            Assert.Equal(i == 2 ? BudgetRequestStatus.Approved : null, verdict.Changed?.Status);
            votes.Add(vote);
        }

        Assert.Equal(Noon.AddHours(1), Vote(request, votes[..2], votes[2]).Changed!.ApprovedAt);
    }

    [Fact]
    public void JudgeVote_TheRequestersOwnApproval_IsRefusedAndNeverCounts()
    {
        var request = BudgetSamples.Request(Requester, Noon);
        var own = BudgetSamples.Approve(request.Id, Requester, Noon);

        Assert.Equal(TextId.BudgetOwnVote, Vote(request, [], own).Problem?.Text);
        Assert.Equal(2, BudgetRules.Approvers(request, [own, BudgetSamples.Approve(request.Id, Colleagues[0], Noon), BudgetSamples.Approve(request.Id, Colleagues[1], Noon)]).Count);
    }

    [Fact]
    public void JudgeVote_ASecondVoteBySameColleague_IsRefusedWithTheDayOfTheFirst()
    {
        var request = BudgetSamples.Request(Requester, Noon);
        var first = BudgetSamples.Approve(request.Id, Colleagues[0], Noon);

        var verdict = Vote(request, [first], BudgetSamples.Approve(request.Id, Colleagues[0], Noon.AddMinutes(5)));

        Assert.Equal(TextId.BudgetSecondVote, verdict.Problem?.Text);
        Assert.Contains("01-06-2026", verdict.Problem!.Describe(Lang.Nl));
        Assert.Equal(TextId.BudgetSecondVote, Vote(request, [first], BudgetSamples.Alternative(request.Id, Colleagues[0], Noon)).Problem?.Text);
    }

    [Fact]
    public void JudgeVote_AColleagueOfAnotherTeam_IsRefused()
    {
        var request = BudgetSamples.Request(Requester, Noon);
        var vote = BudgetSamples.Approve(request.Id, Colleagues[0], Noon);

        var verdict = Vote(request, [], vote, actor: Member(Colleagues[0], team: "Wijkteam Zuid"));

        Assert.Equal(TextId.BudgetVoteOtherTeam, verdict.Problem?.Text);
        Assert.Contains(BudgetSamples.Team, verdict.Problem!.Describe(Lang.Nl));
    }

    [Fact]
    public void JudgeVote_InAnotherColleaguesName_IsRefused()
    {
        var request = BudgetSamples.Request(Requester, Noon);

        Assert.Equal(TextId.BudgetNotInOwnName, Vote(request, [], BudgetSamples.Approve(request.Id, Colleagues[0], Noon), actor: Member(Colleagues[1])).Problem?.Text);
    }

    [Fact]
    public void JudgeVote_ThirdApprovalPastTheRemainingBudget_IsRefusedAndTheRequestWaits()
    {
        var request = BudgetSamples.Request(Requester, Noon, 400);
        var spent = BudgetSamples.Request(Requester, Noon, 500) with { Status = BudgetRequestStatus.Paid };
        var committed = BudgetSamples.Request(Requester, Noon, 300) with { Status = BudgetRequestStatus.Approved };
        var ledger = Ledger(1_000, spent, committed);
        var votes = new[] { BudgetSamples.Approve(request.Id, Colleagues[0], Noon), BudgetSamples.Approve(request.Id, Colleagues[1], Noon) };

        var verdict = Vote(request, votes, BudgetSamples.Approve(request.Id, Colleagues[2], Noon), ledger);

        Assert.Null(verdict.Changed);
        Assert.Equal(TextId.BudgetNotEnough, verdict.Problem?.Text);
        Assert.Equal(
            "het resterende budget van team Wijkteam Noord (€ 200,00) dekt dit verzoek van € 400,00 niet; uw akkoord is niet opgeslagen en het verzoek wacht. Vraag de teamleider het budget te laten verhogen, of stel een alternatief voor",
            verdict.Problem!.Describe(Lang.Nl));
        Assert.Equal(BudgetRequestStatus.Approved, Vote(request, votes, BudgetSamples.Approve(request.Id, Colleagues[2], Noon), Ledger(1_200, spent, committed)).Changed?.Status);
    }

    [Fact]
    public void JudgeVote_AnAlternative_ClosesTheRequestWithWhatItWas()
    {
        var request = BudgetSamples.Request(Requester, Noon);

        var verdict = Vote(request, [], BudgetSamples.Alternative(request.Id, Colleagues[0], Noon, "Fonds Noodhulp"));

        Assert.Equal(BudgetRequestStatus.AlternativeFound, verdict.Changed?.Status);
        Assert.Equal("Fonds Noodhulp", verdict.Changed!.Outcome!.Note);
        Assert.Equal(Colleagues[0], verdict.Changed.Outcome.By);
        Assert.Equal(TextId.BudgetAlternativeMissing, Vote(request, [], BudgetSamples.Alternative(request.Id, Colleagues[1], Noon, " ")).Problem?.Text);
    }

    [Theory]
    [InlineData(BudgetRequestStatus.Approved)]
    [InlineData(BudgetRequestStatus.Paid)]
    [InlineData(BudgetRequestStatus.AlternativeFound)]
    [InlineData(BudgetRequestStatus.Withdrawn)]
    [InlineData(BudgetRequestStatus.Refused)]
    public void JudgeVote_OnAClosedRequest_IsRefusedNamingItsState(BudgetRequestStatus status)
    {
        var request = BudgetSamples.Request(Requester, Noon) with { Status = status };

        var problem = Vote(request, [], BudgetSamples.Approve(request.Id, Colleagues[0], Noon)).Problem;

        Assert.Equal(TextId.BudgetNotOpen, problem?.Text);
        Assert.Contains(EnumTexts.Name(status, Lang.Nl), problem!.Describe(Lang.Nl));
    }

    [Fact]
    public void CheckChange_TheRequesterWithdrawsAnOpenRequest_OthersMayNot()
    {
        var before = BudgetSamples.Request(Requester, Noon);
        var withdrawn = before with { Status = BudgetRequestStatus.Withdrawn, Outcome = new BudgetOutcome(Noon.AddHours(1), Requester, "") };

        Assert.Null(BudgetRules.CheckChange(Member(Requester), before, withdrawn, Today));
        Assert.Equal(TextId.BudgetWithdrawOnlyRequester, BudgetRules.CheckChange(Member(Colleagues[0]), before, withdrawn with { Outcome = withdrawn.Outcome! with { By = Colleagues[0] } }, Today)?.Text);
    }

    [Fact]
    public void CheckChange_ALaptopNeverApproves()
    {
        var before = BudgetSamples.Request(Requester, Noon);

        Assert.Equal(TextId.BudgetApprovedByServerOnly, BudgetRules.CheckChange(Member(Colleagues[0], Role.TeamLeader), before, before with { Status = BudgetRequestStatus.Approved, ApprovedAt = Noon }, Today)?.Text);
        Assert.Equal(TextId.BudgetApprovedByServerOnly, BudgetRules.CheckChange(Member(Requester), before, before with { Status = BudgetRequestStatus.AlternativeFound }, Today)?.Text);
    }

    [Fact]
    public void CheckChange_PaymentOnlyByATeamLeaderOfTheTeam_AndOnlyOfAnApprovedRequest()
    {
        var leader = BudgetSamples.NewWorker();
        var requested = BudgetSamples.Request(Requester, Noon);
        var approved = requested with { Status = BudgetRequestStatus.Approved, ApprovedAt = Noon.AddHours(1) };
        BudgetRequest Paid(BudgetRequest r, Id<Worker> by) => r with { Status = BudgetRequestStatus.Paid, Outcome = new BudgetOutcome(Noon.AddHours(2), by, "betaald, kenmerk NL-2026-17") };

        Assert.Null(BudgetRules.CheckChange(Member(leader, Role.TeamLeader), approved, Paid(approved, leader), Today));
        Assert.Equal(TextId.BudgetLeaderOnly, BudgetRules.CheckChange(Member(Colleagues[0]), approved, Paid(approved, Colleagues[0]), Today)?.Text);
        Assert.Equal(TextId.BudgetLeaderOnly, BudgetRules.CheckChange(Member(leader, Role.TeamLeader, "Wijkteam Zuid"), approved, Paid(approved, leader), Today)?.Text);
        Assert.Equal(TextId.BudgetStepNotAllowed, BudgetRules.CheckChange(Member(leader, Role.TeamLeader), requested, Paid(requested, leader), Today)?.Text);
        Assert.Equal(TextId.FieldRequired, BudgetRules.CheckChange(Member(leader, Role.TeamLeader), approved, Paid(approved, leader) with { Outcome = new BudgetOutcome(Noon.AddHours(2), leader, "") }, Today)?.Text);
        var paid = Paid(approved, leader);
        var secondPayment = paid with { Outcome = paid.Outcome! with { Note = "tweede kenmerk" } };
        Assert.Equal(TextId.BudgetAlreadyClosed, BudgetRules.CheckChange(Member(leader, Role.TeamLeader), paid, secondPayment, Today)?.Text);
    }

    [Fact]
    public void CheckChange_WhatWasAskedNeverChanges()
    {
        var before = BudgetSamples.Request(Requester, Noon);

        Assert.Equal(TextId.BudgetRequestFixed, BudgetRules.CheckChange(Member(Requester), before, before with { Amount = Money.FromEuros(100) }, Today)?.Text);
        Assert.Equal(TextId.BudgetRequestFixed, BudgetRules.CheckChange(Member(Requester), before, before with { Team = "Wijkteam Zuid" }, Today)?.Text);
    }

    [Fact]
    public void Ledger_CountsCommittedAndPaidOfTheTeamsYear_PerCategory()
    {
        var requests = new[]
        {
            BudgetSamples.Request(Requester, Noon, 200, BudgetCategory.DentalCare) with { Status = BudgetRequestStatus.Paid },
            BudgetSamples.Request(Requester, Noon, 150, BudgetCategory.DentalCare) with { Status = BudgetRequestStatus.Approved },
            BudgetSamples.Request(Requester, Noon, 100, BudgetCategory.DentalCare) with { Status = BudgetRequestStatus.AlternativeFound },
            BudgetSamples.Request(Requester, Noon, 400, BudgetCategory.Debts) with { Status = BudgetRequestStatus.Requested },
            BudgetSamples.Request(Requester, Noon, 300, BudgetCategory.Debts, team: "Wijkteam Zuid") with { Status = BudgetRequestStatus.Paid },
            BudgetSamples.Request(Requester, new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero), 50) with { Status = BudgetRequestStatus.Paid },
        };

        var ledger = Ledger(1_000, requests);

        Assert.Equal(Money.FromEuros(150), ledger.Committed);
        // 23:30 UTC on 31 December is already 2026 in Amsterdam: the Dutch calendar year counts.
        Assert.Equal(Money.FromEuros(250), ledger.Paid);
        Assert.Equal(Money.FromEuros(600), ledger.Remaining);
        var dental = Assert.Single(ledger.PerCategory, l => l.Category == BudgetCategory.DentalCare);
        Assert.Equal((3, Money.FromEuros(150), Money.FromEuros(200), 1), (dental.Requests, dental.Committed, dental.Paid, dental.AlternativesFound));
    }

    [Fact]
    public void Columns_RoundTripEveryState()
    {
        var request = BudgetSamples.Request(Requester, Noon) with
        {
            Status = BudgetRequestStatus.Paid, ApprovedAt = Noon.AddHours(1), Outcome = new BudgetOutcome(Noon.AddHours(2), Colleagues[0], "kenmerk 17"),
        };
        var vote = BudgetSamples.Alternative(request.Id, Colleagues[1], Noon);

        var back = BudgetColumns.FromColumns(request.Id.Value, BudgetColumns.ToColumns(request)).Value;

        Assert.True(back.SameRequestAs(request));
        Assert.Equal((request.Status, request.ApprovedAt, request.Outcome), (back.Status, back.ApprovedAt, back.Outcome));
        Assert.Equal(vote, BudgetColumns.VoteFromColumns(vote.Id.Value, BudgetColumns.ToColumns(vote)).Value);
        Assert.Equal(BudgetColumns.Request.Order(), BudgetColumns.ToColumns(request).Keys.Order());
    }
}
