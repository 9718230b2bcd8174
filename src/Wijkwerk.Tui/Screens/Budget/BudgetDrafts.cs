using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Forms;

namespace Wijkwerk.Tui.Screens.Budget;

/// <summary>
/// Reopens a budget form from its draft over the screens it was opened from: the dossier for a new request, the
/// dossier and the request's detail for an alternative or a payment. A draft whose client or request is gone is dropped.
/// </summary>
public static class BudgetDrafts
{
    public static bool Open(WijkwerkApp app, string key, string kind, string id)
    {
        if (kind == DraftKeys.BudgetRequestForm)
            return OpenRequestForm(app, key, id);
        if (!Id<BudgetRequest>.TryParse(id, out var requestId) || app.Store.Budget.Get(requestId) is not { } request
            || new DossierScreen(app, request.ClientId) is not { Dossier: { } } dossier)
        {
            app.Store.Drafts.Delete(key);
            return false;
        }

        app.Push(dossier);
        app.Push(new BudgetRequestDetailScreen(app, request));
        var name = dossier.Dossier.Client.Name.Full;
        app.Push(kind == DraftKeys.BudgetAlternativeForm ? BudgetAlternativeFormScreen.For(app, request, name) : BudgetPaymentFormScreen.For(app, request, name));
        return true;
    }

    private static bool OpenRequestForm(WijkwerkApp app, string key, string id)
    {
        if (!Id<Client>.TryParse(id, out var clientId) || new DossierScreen(app, clientId) is not { Dossier: { } } dossier)
        {
            app.Store.Drafts.Delete(key);
            return false;
        }

        app.Push(dossier);
        app.Push(BudgetRequestFormScreen.For(app, dossier.Dossier.Client));
        return true;
    }
}
