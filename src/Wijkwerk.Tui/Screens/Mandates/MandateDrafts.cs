using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Forms;

namespace Wijkwerk.Tui.Screens.Mandates;

/// <summary>
/// Reopens a mandate form from its draft over the screens it was opened from: the dossier for a new decision,
/// the dossier and the decision for its follow-up or addendum. A draft that can no longer lead anywhere (the
/// client or decision is gone, the mandate no longer valid) is dropped.
/// </summary>
public static class MandateDrafts
{
    public static bool Open(WijkwerkApp app, string key, string kind, string id)
    {
        if (kind == DraftKeys.MandateDecisionForm)
            return OpenDecisionForm(app, key, id);
        if (!Id<MandateDecision>.TryParse(id, out var decisionId) || app.Store.MandateDecisions.Get(decisionId) is not { } decision
            || new DossierScreen(app, decision.ClientId) is not { Dossier: { } } dossier)
        {
            app.Store.Drafts.Delete(key);
            return false;
        }

        app.Push(dossier);
        var detail = new DecisionDetailScreen(app, decision);
        app.Push(detail);
        var name = dossier.Dossier.Client.Name.Full;
        app.Push(kind == DraftKeys.MandateFollowUpForm ? FollowUpFormScreen.For(app, decision, name) : AddendumFormScreen.For(app, decision, name));
        return true;
    }

    private static bool OpenDecisionForm(WijkwerkApp app, string key, string id)
    {
        if (!Id<Client>.TryParse(id, out var clientId) || new DossierScreen(app, clientId) is not { Dossier: { } } dossier
            || MandateDecisionFormScreen.For(app, dossier.Dossier.Client) is not { IsValid: true } form)
        {
            app.Store.Drafts.Delete(key);
            return false;
        }

        app.Push(dossier);
        app.Push(form.Value);
        return true;
    }
}
