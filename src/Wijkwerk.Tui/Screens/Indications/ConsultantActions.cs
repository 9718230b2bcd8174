using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Tui.Screens.Indications;

/// <summary>
/// Which of the consultant's actions a role may take on an advice, read from <see cref="AdviceWorkflow"/>,
/// so a key is only offered when the store would accept the step.
/// </summary>
public static class ConsultantActions
{
    public static bool MayDecide(AdviceStatus status, Role role) => AdviceWorkflow.From(status, role).Any(s => s.IsDecision());

    /// <summary>
    /// Extending the decision term and recording the aanvraag are the consultant's, while the advice is with
    /// them: submitted, with a question open, or answered. The workflow has no status step for either.
    /// </summary>
    public static bool MayExtend(AdviceStatus status, Role role) =>
        AdviceWorkflow.ActorFor(role) == AdviceActor.Consultant && status.IsUnderReview();
}
