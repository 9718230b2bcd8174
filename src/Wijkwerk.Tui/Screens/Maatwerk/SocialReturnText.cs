using System.Globalization;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Maatwerk;

/// <summary>How the calculator's figures read on every screen that shows them: mandate decisions, budget and fund requests.</summary>
public static class SocialReturnText
{
    /// <summary>The calculator's result on one line: avoided minus own cost, net, ratio, horizon and the cost-table version used.</summary>
    public static string Figures(WijkwerkApp app, SocialReturn figures) => app.T(TextId.UiCalcFigures,
        figures.AvoidedCost, figures.OwnCost, figures.NetReturn, Ratio(app, figures), figures.HorizonMonths, figures.CostTableVersion);

    public static string Ratio(WijkwerkApp app, SocialReturn figures) =>
        figures.Ratio is { } ratio ? ratio.ToString("0.00", CultureInfo.GetCultureInfo("nl-NL")) : app.T(TextId.UiCalcNoRatio);

    /// <summary>"per keer", "per maand", "per jaar" after an amount.</summary>
    public static string Per(WijkwerkApp app, Money amount, CostPeriod period) => $"{amount} {EnumTexts.Name(period, app.Lang)}";

    /// <summary>
    /// The figures as a detail screen shows them: horizon and cost-table version, each avoided route as counted, and
    /// the sums; one line saying so when the request was made without them.
    /// </summary>
    /// <param name="indent">Where the lines start: under a side's own heading, or among the other sides' indented texts.</param>
    public static IReadOnlyList<TextLine> Lines(WijkwerkApp app, SocialReturn? figures, int indent = 0)
    {
        if (figures is null)
            return [TextLine.Plain(app.T(TextId.UiCalcNotCalculated), indent: indent)];
        return
        [
            TextLine.Plain(app.T(TextId.UiMandateDetailReturn, figures.HorizonMonths, figures.CostTableVersion), indent: indent),
            .. figures.Routes.Select(r => TextLine.Plain($"{r.Name}: {r.CountedQuantity} × {Per(app, r.Amount, r.Period)} = {r.Cost}", indent: indent + 2)),
            TextLine.Plain(Figures(app, figures), indent: indent + 2),
        ];
    }
}
