using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Budget;
using Wijkwerk.Tui.Screens.Clients;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Escalations;
using Wijkwerk.Tui.Screens.Fund;
using Wijkwerk.Tui.Screens.Indications;
using Wijkwerk.Tui.Screens.Mandates;
using Wijkwerk.Tui.Screens.Patterns;

namespace Wijkwerk.Tui.Screens.Forms;

/// <summary>Reopens the form a draft came from, with the screen it was opened from (client list, dossier or advice queue) beneath it.</summary>
public static class FormScreens
{
    public static bool OpenForDraft(WijkwerkApp app, string key)
    {
        var parts = key.Split(':', 2);
        if (parts.Length != 2)
            return false;
        if (ConsultantDrafts.Open(app, parts[0], parts[1]) is { } consultant)
            return consultant;
        if (parts[1] == "new" && parts[0] == "client")
        {
            // Where the form was opened from, so Esc or Ctrl+S lands where the nurse was.
            app.Push(new ClientsScreen(app));
            app.Push(ClientFormScreen.New(app));
            return true;
        }

        if (parts[0] is "advice-edit" or "advice-answer" or "advice-question")
            return OpenForAdviceDraft(app, key, parts[0], parts[1]);
        if (parts[0] is DraftKeys.MandateDecisionForm or DraftKeys.MandateFollowUpForm or DraftKeys.MandateAddendumForm)
            return MandateDrafts.Open(app, key, parts[0], parts[1]);
        if (parts[0] is DraftKeys.BudgetRequestForm or DraftKeys.BudgetAlternativeForm or DraftKeys.BudgetPaymentForm)
            return BudgetDrafts.Open(app, key, parts[0], parts[1]);
        if (FundDrafts.Owns(parts[0]))
            return FundDrafts.Open(app, key, parts[0], parts[1]);
        if (EscalationDrafts.Owns(parts[0]))
            return EscalationDrafts.Open(app, key, parts[0], parts[1]);
        if (PatternDrafts.Owns(parts[0]))
            return PatternDrafts.Open(app, key, parts[0], parts[1]);
        if (!Id<Client>.TryParse(parts[1], out var clientId) || parts[0] is not ("client" or "signal" or "visit" or "advice"))
            return false;
        var dossier = new DossierScreen(app, clientId);
        if (dossier.Dossier is null)
        {
            app.Store.Drafts.Delete(key);
            return false;
        }

        app.Push(dossier);
        app.Push(parts[0] switch
        {
            "client" => ClientFormScreen.Edit(app, dossier.Dossier.Client),
            "signal" => SignalFormScreen.New(app, clientId),
            "advice" => AdviceFormScreen.New(app, dossier.Dossier),
            _ => VisitFormScreen.New(app, clientId),
        });
        return true;
    }

    /// <summary>A draft about an advice that exists reopens over the dossier and the advice it belongs to.</summary>
    private static bool OpenForAdviceDraft(WijkwerkApp app, string key, string kind, string id)
    {
        if (!Id<IndicationAdvice>.TryParse(id, out var adviceId) || app.Store.Advices.Find(adviceId) is not { } advice
            || new DossierScreen(app, advice.ClientId) is not { Dossier: { } } dossier)
        {
            app.Store.Drafts.Delete(key);
            return false;
        }

        app.Push(dossier);
        app.Push(new AdviceScreen(app, adviceId));
        app.Push(kind switch
        {
            "advice-edit" => AdviceFormScreen.Edit(app, dossier.Dossier, advice),
            "advice-answer" => AdviceMessageFormScreen.For(app, advice, AdviceMessageKind.Answer),
            _ => AdviceMessageFormScreen.For(app, advice, AdviceMessageKind.Question),
        });
        return true;
    }
}
