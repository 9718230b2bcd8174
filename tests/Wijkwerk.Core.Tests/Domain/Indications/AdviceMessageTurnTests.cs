using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Indications;

/// <summary>Questions belong to an advice under review, answers to an open question: nothing is said out of turn.</summary>
public class AdviceMessageTurnTests
{
    public static TheoryData<AdviceMessageKind, AdviceStatus, bool> EveryKindAndStatus()
    {
        var data = new TheoryData<AdviceMessageKind, AdviceStatus, bool>();
        foreach (var status in Enum.GetValues<AdviceStatus>())
        {
            data.Add(AdviceMessageKind.Question, status, status is AdviceStatus.Submitted or AdviceStatus.QuestionAsked or AdviceStatus.Answered);
            data.Add(AdviceMessageKind.Answer, status, status is AdviceStatus.QuestionAsked or AdviceStatus.Answered);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKindAndStatus))]
    public void CheckTurn_AllowsOnlyWhileTheThreadIsOpenForThatSide(AdviceMessageKind kind, AdviceStatus status, bool allowed)
    {
        var author = kind == AdviceMessageKind.Question ? AdviceSamples.Consultant : AdviceSamples.Nurse;
        var message = new AdviceMessage(new Id<AdviceMessage>(Guid.CreateVersion7()), new Id<IndicationAdvice>(Guid.CreateVersion7()), kind, "Tekst.", author.Id, AdviceStates.StepTime);

        var problem = AdviceMessage.CheckTurn(message, status, AdviceSamples.Nurse.Id);

        Assert.Equal(allowed, problem is null);
        if (!allowed)
            Assert.Equal(TextId.AdviceMessageNotNow, problem!.Text);
    }

    [Fact]
    public void CheckTurn_AnAnswerFromAColleagueOfTheAuthor_IsRefused()
    {
        var answer = new AdviceMessage(
            new Id<AdviceMessage>(Guid.CreateVersion7()), new Id<IndicationAdvice>(Guid.CreateVersion7()), AdviceMessageKind.Answer, "Antwoord.", AdviceSamples.OtherNurse.Id, AdviceStates.StepTime);

        Assert.Equal(TextId.AdviceOnlyItsAuthor, AdviceMessage.CheckTurn(answer, AdviceStatus.QuestionAsked, AdviceSamples.Nurse.Id)?.Text);
        Assert.Null(AdviceMessage.CheckTurn(answer with { Author = AdviceSamples.Nurse.Id }, AdviceStatus.QuestionAsked, AdviceSamples.Nurse.Id));
    }

    [Fact]
    public void Store_RefusesAnAnswerWhenNoQuestionIsOpen_AndWritesNothing()
    {
        using var temp = new TempStore();
        var submitted = AdviceSamples.Draft().Submit(AdviceSamples.Nurse, temp.Clock.UtcNow, AdviceSamples.Today).Value;
        temp.Store.Advices.Add(submitted);
        var outbox = temp.Store.PendingChanges();
        var answer = AdviceMessage.Write(
            new Id<AdviceMessage>(Guid.CreateVersion7()), submitted.Id, AdviceMessageKind.Answer, "Antwoord zonder vraag.", AdviceSamples.Nurse, temp.Clock.UtcNow).Value;

        var refused = Assert.Throws<DomainException>(() => temp.Store.Advices.Save(submitted, answer));

        Assert.Equal(TextId.AdviceMessageNotNow, refused.Problem.Text);
        Assert.Empty(temp.Store.Advices.Thread(submitted.Id));
        Assert.Equal(outbox, temp.Store.PendingChanges());
    }
}
