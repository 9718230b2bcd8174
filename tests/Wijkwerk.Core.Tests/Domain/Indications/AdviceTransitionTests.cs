using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Indications;

/// <summary>Every (from, to, role): allowed exactly when the workflow says so, through the one rule set and through the domain's steps.</summary>
public class AdviceTransitionTests
{
    private static readonly DateOnly Today = AdviceSamples.Today;

    public static TheoryData<AdviceStatus, AdviceStatus, Role> EveryTriple()
    {
        var data = new TheoryData<AdviceStatus, AdviceStatus, Role>();
        foreach (var from in AdviceStates.All)
        {
            foreach (var to in AdviceStates.All)
            {
                foreach (var role in Enum.GetValues<Role>())
                    data.Add(from, to, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTriple))]
    public void CheckChange_StatusMove_IsAllowedExactlyWhenTheWorkflowSaysSo(AdviceStatus from, AdviceStatus to, Role role)
    {
        var worker = AdviceStates.Actor(role);
        var before = AdviceStates.In(from, AdviceStates.AuthorFor(role));
        var after = AdviceStates.Move(before, to, worker);

        var problem = AdviceRules.CheckChange(role, worker.Id, before, after, Today);

        if (AdviceStates.Allowed(from, to, role))
        {
            Assert.True(problem is null, problem?.Describe(Lang.En));
            return;
        }

        Assert.NotNull(problem);
        var expected = AdviceStates.Side(role) is null ? TextId.AdviceRoleNotAllowed
            : from.IsFinal() ? TextId.AdviceFinal
            : from == to ? TextId.AdviceFixedFieldChanged
            : TextId.AdviceTransitionNotAllowed;
        Assert.Equal(expected, problem.Text);
        Assert.NotEmpty(problem.Describe(Lang.Nl));
    }

    [Fact]
    public void Workflow_AgreesWithTheIssuesTable_ForEveryTriple()
    {
        foreach (var from in AdviceStates.All)
        {
            foreach (var to in AdviceStates.All.Where(to => to != from))
            {
                foreach (var role in Enum.GetValues<Role>())
                {
                    Assert.Equal(AdviceStates.Allowed(from, to, role), AdviceWorkflow.IsAllowed(from, to, role));
                    Assert.Equal(AdviceStates.Allowed(from, to, role), AdviceWorkflow.From(from, role).Contains(to));
                }
            }
        }
    }

    public enum Step
    {
        Submit,
        AskQuestion,
        Answer,
        Withdraw,
        Grant,
        Adjust,
        Reject,
        Extend,
        RecordAanvraag,
    }

    public static TheoryData<Step, AdviceStatus, Role> EveryStep()
    {
        var data = new TheoryData<Step, AdviceStatus, Role>();
        foreach (var step in Enum.GetValues<Step>())
        {
            foreach (var from in AdviceStates.All)
            {
                foreach (var role in Enum.GetValues<Role>())
                    data.Add(step, from, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStep))]
    public void DomainStep_ByEachRole_FromEachStatus_SucceedsExactlyWhenAllowed(Step step, AdviceStatus from, Role role)
    {
        var worker = AdviceStates.Actor(role);
        var aanvraag = Today.AddDays(-3);
        var before = AdviceStates.In(from, AdviceStates.AuthorFor(role), aanvraag: step is Step.Extend ? aanvraag : null);
        var now = AdviceStates.LaterTime;

        var result = step switch
        {
            Step.Submit => before.Submit(worker, now, Today),
            Step.AskQuestion => before.AskQuestion(worker, Today),
            Step.Answer => before.Answer(worker, before.Content, Today),
            Step.Withdraw => before.Withdraw(worker, Today),
            Step.Grant => before.Grant(worker, "", now, Today),
            Step.Adjust => before.Adjust(worker, AdviceSamples.Provision(hoursPerWeek: 5), "Meer uren nodig.", now, Today),
            Step.Reject => before.Reject(worker, "Algemene voorziening volstaat.", now, Today),
            Step.Extend => before.Extend(worker, aanvraag.AddDays(LegalClocks.DecisionDays + 14), "Advies van de ergotherapeut nodig.", Today),
            _ => before.RecordAanvraag(worker, Today.AddDays(-1), Today),
        };

        var target = step switch
        {
            Step.Submit => AdviceStatus.Submitted,
            Step.AskQuestion => AdviceStatus.QuestionAsked,
            Step.Answer => AdviceStatus.Answered,
            Step.Withdraw => AdviceStatus.Withdrawn,
            Step.Grant => AdviceStatus.Granted,
            Step.Adjust => AdviceStatus.Adjusted,
            Step.Reject => AdviceStatus.Rejected,
            _ => from,
        };
        // The aanvraag date is part of the advice: the consultant records it while the advice is open, the
        // author may fill it in wherever they may edit the advice anyway.
        var allowed = step switch
        {
            Step.Extend => role == Role.WmoConsultant && from.IsUnderReview(),
            Step.RecordAanvraag => (role == Role.WmoConsultant && from.IsUnderReview()) || (AdviceStates.Side(role) == AdviceActor.Author && from.AuthorMayEdit()),
            _ => AdviceStates.Allowed(from, target, role),
        };

        Assert.True(allowed == result.IsValid, result.IsValid ? "expected a refusal" : result.Problem.Describe(Lang.En));
        if (allowed)
        {
            Assert.Equal(target, result.Value.Status);
            Assert.Equal(target.IsDecision(), result.Value.Decision is not null);
            if (target.IsDecision())
                Assert.Equal(worker.Id, result.Value.Decision!.By);
        }
    }

    [Fact]
    public void TwoQuestionRounds_ThenAdjusted_IsAWholeValidPath()
    {
        var (nurse, consultant) = (AdviceSamples.Nurse, AdviceSamples.Consultant);
        var advice = AdviceSamples.Draft();
        foreach (var step in new Func<IndicationAdvice, Parsed<IndicationAdvice>>[]
                 {
                     a => a.Submit(nurse, AdviceStates.StepTime, Today),
                     a => a.AskQuestion(consultant, Today),
                     a => a.Answer(nurse, a.Content, Today),
                     a => a.AskQuestion(consultant, Today),
                     a => a.Answer(nurse, a.Content with { AlternativesConsidered = "Boodschappendienst en de buurtkamer geprobeerd." }, Today),
                     a => a.Adjust(consultant, AdviceSamples.Provision(hoursPerWeek: 2), "Twee uur is genoeg met de boodschappendienst.", AdviceStates.LaterTime, Today),
                 })
        {
            advice = ParsedAssert.Valid(step(advice));
        }

        Assert.Equal(AdviceStatus.Adjusted, advice.Status);
        Assert.Equal([ProvisionPart.Volume], advice.Decision!.Decided!.ChangesFrom(advice.Content.Provision));
        Assert.Equal(AdviceStates.StepTime, advice.SubmittedAt);
    }
}
