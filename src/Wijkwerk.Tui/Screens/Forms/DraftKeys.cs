using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Pauses;

namespace Wijkwerk.Tui.Screens.Forms;

/// <summary>Which form a draft belongs to, so a draft left by a crash reopens in the right form.</summary>
public static class DraftKeys
{
    public const string NewClient = "client:new";

    public const string Decision = "decision";

    public const string Extension = "extension";

    public static string ForClient(Id<Client>? id) => id is { } existing ? "client:" + existing : NewClient;

    public static string ForSignal(Id<Client> client) => "signal:" + client;

    public static string ForVisit(Id<Client> client) => "visit:" + client;

    public static string ForNewAdvice(Id<Client> client) => "advice:" + client;

    public static string ForAdvice(Id<IndicationAdvice> advice) => "advice-edit:" + advice;

    public static string ForAdviceMessage(Id<IndicationAdvice> advice, AdviceMessageKind kind) =>
        (kind == AdviceMessageKind.Question ? "advice-question:" : "advice-answer:") + advice;

    public static string ForDecision(Id<IndicationAdvice> advice) => Decision + ":" + advice;

    public static string ForExtension(Id<IndicationAdvice> advice) => Extension + ":" + advice;

    public const string MandateDecisionForm = "mandate";

    public const string MandateFollowUpForm = "mandate-followup";

    public const string MandateAddendumForm = "mandate-addendum";

    public const string BudgetRequestForm = "budget-request";

    public static string ForMandateDecision(Id<Client> client) => MandateDecisionForm + ":" + client;

    public static string ForMandateFollowUp(Id<MandateDecision> decision) => MandateFollowUpForm + ":" + decision;

    public static string ForMandateAddendum(Id<MandateDecision> decision) => MandateAddendumForm + ":" + decision;

    public const string BudgetAlternativeForm = "budget-alternative";

    public const string BudgetPaymentForm = "budget-payment";

    public static string ForBudgetAlternative(Id<BudgetRequest> request) => BudgetAlternativeForm + ":" + request;

    public static string ForBudgetPayment(Id<BudgetRequest> request) => BudgetPaymentForm + ":" + request;

    public const string PauseForm = "pause";

    public const string PauseLiftForm = "pause-lift";

    public const string PauseExtendForm = "pause-extend";

    public const string EscalationForm = "escalation";

    public const string EscalationCloseForm = "escalation-close";

    public static string ForPause(Id<Client> client) => PauseForm + ":" + client;

    public static string ForPauseStep(Id<Pause> pause, PauseStepKind kind) => (kind == PauseStepKind.Lift ? PauseLiftForm : PauseExtendForm) + ":" + pause;

    public static string ForEscalation(Id<Client> client) => EscalationForm + ":" + client;

    public static string ForEscalationClose(Id<Escalation> escalation) => EscalationCloseForm + ":" + escalation;
}
