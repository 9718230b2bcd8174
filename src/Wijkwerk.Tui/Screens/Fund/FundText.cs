using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;

namespace Wijkwerk.Tui.Screens.Fund;

/// <summary>Where a fund request stands in time, in words: its payout deadline (late ones with "!"), or the day it was asked.</summary>
public static class FundText
{
    public static string When(WijkwerkApp app, FundRequest request, DateOnly today) => request switch
    {
        { Status: FundRequestStatus.Approved, PayoutDue: { } due } => app.T(request.IsPayoutLate(today) ? TextId.UiFundPayoutLate : TextId.UiFundPayoutDue, DateText.Show(due)),
        _ => app.T(TextId.UiFundRequestedOn, DateText.Show(AmsterdamTime.DayOf(request.RequestedAt))),
    };

    public static string YesNo(WijkwerkApp app, bool value) => app.T(value ? TextId.UiFundYes : TextId.UiFundNo);

    /// <summary>The responsible partner, or "geen enkele partij: uniek".</summary>
    public static string Responsible(WijkwerkApp app, FundRequest request) => request.ResponsiblePartner ?? app.T(TextId.FundUnique);
}
