using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Tui.App;

namespace Wijkwerk.Tui.Screens.Fund;

/// <summary>
/// The draft keys of the secretariat's forms, and reopening such a form from its draft over the request's detail; a
/// draft whose request is gone, or has moved past the step, is dropped.
/// </summary>
public static class FundDrafts
{
    private const string Prefix = "fund-";
    private const string Repayment = Prefix + "repayment";

    public static string Key(FundStepKind kind, Id<FundRequest> request) => Prefix + kind.ToString().ToLowerInvariant() + ":" + request;

    public static string RepaymentKey(Id<FundRequest> request) => Repayment + ":" + request;

    public static bool Owns(string kind) => kind.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool Open(WijkwerkApp app, string key, string kind, string id)
    {
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
}
