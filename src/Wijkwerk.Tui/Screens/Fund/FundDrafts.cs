using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Dossier;

namespace Wijkwerk.Tui.Screens.Fund;

/// <summary>
/// The draft keys of the secretariat's forms, and reopening such a form from its draft over the request's detail (a new
/// request over the client's dossier); a draft whose request or client is gone, or has moved past the step, is dropped.
/// </summary>
public static class FundDrafts
{
    private const string Prefix = "fund-";
    private const string Repayment = Prefix + "repayment";
    private const string NewRequest = Prefix + "request";

    public static string Key(FundStepKind kind, Id<FundRequest> request) => Prefix + kind.ToString().ToLowerInvariant() + ":" + request;

    public static string RepaymentKey(Id<FundRequest> request) => Repayment + ":" + request;

    public static string RequestKey(Id<Client> client) => NewRequest + ":" + client;

    public static bool Owns(string kind) => kind.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool Open(WijkwerkApp app, string key, string kind, string id)
    {
        if (kind == NewRequest)
            return OpenRequestForm(app, key, id);
        var step = Enum.GetValues<FundStepKind>().Cast<FundStepKind?>().FirstOrDefault(k => Prefix + k.ToString()!.ToLowerInvariant() == kind);
        if (!Id<FundRequest>.TryParse(id, out var requestId) || app.Store.Fund.Get(requestId) is not { } request
            || !(kind == Repayment || step is { } s && FundSteps.IsAllowed(app, request, s)))
        {
            app.Store.Drafts.Delete(key);
            return false;
        }

        var detail = new FundRequestDetailScreen(app, request);
        app.Push(detail);
        app.Push(step switch
        {
            null => FundRepaymentFormScreen.For(app, request),
            FundStepKind.Evaluate => FundEvaluationFormScreen.For(app, request),
            { } other => FundStepFormScreen.For(app, request, other),
        });
        return true;
    }

    /// <summary>A request being written reopens over its client's dossier; a draft whose client is gone is dropped.</summary>
    private static bool OpenRequestForm(WijkwerkApp app, string key, string id)
    {
        if (!Id<Client>.TryParse(id, out var clientId) || new DossierScreen(app, clientId) is not { Dossier: { } } dossier)
        {
            app.Store.Drafts.Delete(key);
            return false;
        }

        app.Push(dossier);
        app.Push(FundRequestFormScreen.For(app, dossier.Dossier.Client));
        return true;
    }
}
