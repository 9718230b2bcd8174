using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;

namespace Wijkwerk.Tui.Screens.Indications;

/// <summary>Reopens a consultant's decision or term form from its draft, over the queue it was opened from.</summary>
public static class ConsultantDrafts
{
    /// <returns>Null when the draft is not a consultant's form; otherwise whether it was reopened.</returns>
    public static bool? Open(WijkwerkApp app, string kind, string id)
    {
        if (kind is not (DraftKeys.Decision or DraftKeys.Extension))
            return null;
        var decision = kind == DraftKeys.Decision;
        var advice = Id<IndicationAdvice>.TryParse(id, out var adviceId) ? app.Store.Advices.Find(adviceId) : null;
        var role = app.Store.Identity.Role;
        // Decided or withdrawn meanwhile (a sync), or gone from this laptop: the step can no longer be taken.
        if (advice is null || !(decision ? ConsultantActions.MayDecide(advice.Status, role) : ConsultantActions.MayExtend(advice.Status, role)))
        {
            app.Store.Drafts.Delete(kind + ":" + id);
            return false;
        }

        app.Push(new ReviewQueueScreen(app));
        app.Push(decision ? DecisionFormScreen.For(app, advice) : ExtensionFormScreen.For(app, advice));
        return true;
    }
}
