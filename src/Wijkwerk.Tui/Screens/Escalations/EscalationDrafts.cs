using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Forms;

namespace Wijkwerk.Tui.Screens.Escalations;

/// <summary>
/// Reopens a pause or escalation form from its draft over the screens it was opened from: the dossier for a new one,
/// the dossier and the detail for a lift, extension or outcome. A draft whose client or record is gone, or whose step
/// the rules no longer allow, is dropped.
/// </summary>
public static class EscalationDrafts
{
    public static bool Owns(string kind) =>
        kind is DraftKeys.PauseForm or DraftKeys.PauseLiftForm or DraftKeys.PauseExtendForm or DraftKeys.EscalationForm or DraftKeys.EscalationCloseForm;

    public static bool Open(WijkwerkApp app, string key, string kind, string id)
    {
        var opened = kind switch
        {
            DraftKeys.PauseForm or DraftKeys.EscalationForm => OpenNew(app, kind, id),
            DraftKeys.EscalationCloseForm => OpenClose(app, id),
            _ => OpenStep(app, kind, id),
        };
        if (!opened)
            app.Store.Drafts.Delete(key);
        return opened;
    }

    private static bool OpenNew(WijkwerkApp app, string kind, string id)
    {
        if (!Id<Client>.TryParse(id, out var clientId) || new DossierScreen(app, clientId) is not { Dossier: { } } dossier)
            return false;
        var client = dossier.Dossier.Client;
        if (kind == DraftKeys.PauseForm)
        {
            app.Push(dossier);
            app.Push(PauseFormScreen.For(app, client));
            return true;
        }

        if (EscalationFormScreen.For(app, client.Id, client.Name.Full) is not { IsValid: true } form)
            return false;
        app.Push(dossier);
        app.Push(form.Value);
        return true;
    }

    private static bool OpenStep(WijkwerkApp app, string kind, string id)
    {
        if (!Id<Pause>.TryParse(id, out var pauseId) || app.Store.Pauses.Get(pauseId) is not { } pause || PauseStepFormScreen.WhyNot(app, pause) is not null
            || new DossierScreen(app, pause.Recorded.ClientId) is not { Dossier: { } } dossier)
            return false;
        app.Push(dossier);
        app.Push(new PauseDetailScreen(app, pause));
        app.Push(PauseStepFormScreen.For(app, pause, kind == DraftKeys.PauseLiftForm ? PauseStepKind.Lift : PauseStepKind.Extend, dossier.Dossier.Client.Name.Full));
        return true;
    }

    private static bool OpenClose(WijkwerkApp app, string id)
    {
        if (!Id<Escalation>.TryParse(id, out var escalationId) || app.Store.Escalations.Get(escalationId) is not { IsOpen: true } escalation
            || new DossierScreen(app, escalation.ClientId) is not { Dossier: { } } dossier)
            return false;
        app.Push(dossier);
        app.Push(new EscalationDetailScreen(app, escalation));
        app.Push(EscalationCloseFormScreen.For(app, escalation, dossier.Dossier.Client.Name.Full));
        return true;
    }
}
