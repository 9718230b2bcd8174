using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Indications;

public enum AdviceMessageKind
{
    Question,
    Answer,
}

/// <summary>One turn of the thread about an advice: the consultant asks, the author answers.</summary>
public sealed record AdviceMessage(Id<AdviceMessage> Id, Id<IndicationAdvice> AdviceId, AdviceMessageKind Kind, string Text, Id<Worker> Author, DateTimeOffset At)
{
    public const int MaxLength = 4000;

    public static Parsed<AdviceMessage> Write(Id<AdviceMessage> id, Id<IndicationAdvice> adviceId, AdviceMessageKind kind, string? text, Worker author, DateTimeOffset at)
    {
        var message = new AdviceMessage(id, adviceId, kind, (text ?? "").Trim(), author.Id, at.ToUniversalTime());
        return Check(message, author.Role, author.Id) is { } problem ? problem : Parsed<AdviceMessage>.Ok(message);
    }

    /// <summary>
    /// A question belongs to an advice under review, an answer to one with a question open (or just answered,
    /// for a follow-up) and comes from the advice's author; nothing is said about a concept or a closed advice.
    /// </summary>
    public static Problem? CheckTurn(AdviceMessage message, AdviceStatus adviceStatus, Id<Worker> adviceAuthor)
    {
        var fits = message.Kind == AdviceMessageKind.Question
            ? adviceStatus.IsUnderReview()
            : adviceStatus is AdviceStatus.QuestionAsked or AdviceStatus.Answered;
        if (!fits)
            return new Problem("bericht", TextId.AdviceMessageNotNow, message.Kind, adviceStatus);
        return message.Kind == AdviceMessageKind.Answer && message.Author != adviceAuthor ? new Problem("bericht", TextId.AdviceOnlyItsAuthor) : null;
    }

    /// <summary>Questions come from the consultant, answers from the author's side; the server checks the same.</summary>
    public static Problem? Check(AdviceMessage message, Role role, Id<Worker> worker)
    {
        var expected = message.Kind == AdviceMessageKind.Question ? AdviceActor.Consultant : AdviceActor.Author;
        if (!Enum.IsDefined(message.Kind))
            return new Problem("bericht", TextId.UnknownCode, message.Kind);
        if (AdviceWorkflow.ActorFor(role) != expected)
            return new Problem("bericht", TextId.AdviceMessageWrongRole, message.Kind, role);
        if (message.Author != worker)
            return new Problem("bericht", TextId.AdviceNotInOwnName);
        if (message.Text.Length == 0)
            return new Problem("bericht", TextId.FieldRequired);
        return message.Text.Length > MaxLength ? new Problem("bericht", TextId.TooLong, MaxLength) : null;
    }
}
