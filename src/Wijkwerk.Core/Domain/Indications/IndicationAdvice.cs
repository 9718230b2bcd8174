using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Indications;

/// <summary>
/// A Wmo indication advice (indicatieadvies): written by the professional who knows the client, decided
/// by the municipality's Wmo consultant. Every step goes through <see cref="AdviceRules"/>, the same
/// check the server runs on every pushed row, so a step the laptop allows is one the server accepts.
/// </summary>
public sealed record IndicationAdvice(
    Id<IndicationAdvice> Id,
    Id<Client> ClientId,
    Id<Worker> Author,
    string Team,
    AdviceStatus Status,
    AdviceContent Content,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    AdviceDecision? Decision,
    DecisionExtension? Extension)
{
    public const int MaxTeamLength = 100;

    /// <summary>Issue 14: the bottleneck behind the request for support, optional ("" for none).</summary>
    public string BottleneckTag { get; init; } = "";

    /// <summary>The Wmo terms for this advice; a decision stops them on its day, a withdrawal ends them.</summary>
    public LegalClocks Clocks => new(
        Content.MeldingDate,
        Content.AanvraagDate,
        Extension?.Until,
        Decision is { } decision ? AmsterdamTime.DayOf(decision.At) : null,
        Status == AdviceStatus.Withdrawn);

    public static Parsed<IndicationAdvice> Draft(
        Id<IndicationAdvice> id, Id<Client> clientId, Worker author, string team, AdviceContent content, DateTimeOffset now, DateOnly today) =>
        Check(author.Role, author.Id, null, new IndicationAdvice(id, clientId, author.Id, team.Trim(), AdviceStatus.Concept, content, now.ToUniversalTime(), null, null, null), today);

    public Parsed<IndicationAdvice> Edit(Worker by, AdviceContent content, DateOnly today) =>
        Check(by.Role, by.Id, this, this with { Content = content }, today);

    public Parsed<IndicationAdvice> Submit(Worker by, DateTimeOffset now, DateOnly today) =>
        Check(by.Role, by.Id, this, this with { Status = AdviceStatus.Submitted, SubmittedAt = now.ToUniversalTime() }, today);

    /// <summary>The question itself is an <see cref="AdviceMessage"/> stored with the step.</summary>
    public Parsed<IndicationAdvice> AskQuestion(Worker by, DateOnly today) =>
        Check(by.Role, by.Id, this, this with { Status = AdviceStatus.QuestionAsked }, today);

    /// <summary>Answering may revise the advice as well; the answer is an <see cref="AdviceMessage"/>.</summary>
    public Parsed<IndicationAdvice> Answer(Worker by, AdviceContent content, DateOnly today) =>
        Check(by.Role, by.Id, this, this with { Status = AdviceStatus.Answered, Content = content }, today);

    public Parsed<IndicationAdvice> Withdraw(Worker by, DateOnly today) =>
        Check(by.Role, by.Id, this, this with { Status = AdviceStatus.Withdrawn }, today);

    public Parsed<IndicationAdvice> Grant(Worker by, string reason, DateTimeOffset now, DateOnly today) =>
        Decide(by, AdviceStatus.Granted, Content.Provision, reason, now, today);

    public Parsed<IndicationAdvice> Adjust(Worker by, Provision decided, string reason, DateTimeOffset now, DateOnly today) =>
        Decide(by, AdviceStatus.Adjusted, decided, reason, now, today);

    public Parsed<IndicationAdvice> Reject(Worker by, string reason, DateTimeOffset now, DateOnly today) =>
        Decide(by, AdviceStatus.Rejected, null, reason, now, today);

    public Parsed<IndicationAdvice> Extend(Worker by, DateOnly until, string reason, DateOnly today) =>
        Check(by.Role, by.Id, this, this with { Extension = new DecisionExtension(until, reason.Trim()) }, today);

    /// <summary>The consultant may record when the formal application came in, while the advice is open.</summary>
    public Parsed<IndicationAdvice> RecordAanvraag(Worker by, DateOnly aanvraag, DateOnly today) =>
        Check(by.Role, by.Id, this, this with { Content = Content with { AanvraagDate = aanvraag } }, today);

    private Parsed<IndicationAdvice> Decide(Worker by, AdviceStatus outcome, Provision? decided, string reason, DateTimeOffset now, DateOnly today) =>
        Check(by.Role, by.Id, this, this with
        {
            Status = outcome,
            Decision = new AdviceDecision(decided, reason.Trim(), now.ToUniversalTime(), by.Id),
        }, today);

    private static Parsed<IndicationAdvice> Check(Role role, Id<Worker> worker, IndicationAdvice? before, IndicationAdvice after, DateOnly today) =>
        AdviceRules.CheckChange(role, worker, before, after, today) is { } problem ? problem : Parsed<IndicationAdvice>.Ok(after);
}
