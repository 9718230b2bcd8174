using System.Globalization;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Maatwerk;

/// <summary>
/// The social-return calculator as part of a form: a horizon and a quantity for each route the cost table prices
/// today (and an own cost, unless the form's amount is the own cost), counted by <see cref="SocialReturnCalculator"/>
/// on every key, its figures under the form. The fields are the form's own, so its draft keeps what was typed here;
/// a problem is put on the field it is about (a route's quantity, not the route's name) so it shows beside the typing.
/// One piece for mandate decisions, minimaatwerk budget requests and fund requests.
/// </summary>
public sealed class SocialReturnFields
{
    public const string OwnCostKey = "eigen kosten";
    public const string HorizonKey = "horizon";
    public const string RoutePrefix = "route:";

    /// <summary>How the form adds a one-line text field under a key: the calculator's fields are the form's own.</summary>
    public delegate TextField AddText(string key, string label, int maxLength, string value);

    private readonly WijkwerkApp _app;
    private readonly CostTableVersion? _costTable;
    private readonly IReadOnlyList<CostEntry> _routes;
    private readonly TextField? _ownCost;
    private readonly TextField _horizon;
    private readonly Dictionary<string, TextField> _quantities = [];
    private readonly (string Key, string Label)? _amount;
    private Parsed<SocialReturn>? _figures;

    private SocialReturnFields(WijkwerkApp app, DateOnly today, AddText text, (string Key, string Label)? amount)
    {
        _app = app;
        _amount = amount;
        _costTable = app.Store.Reference.CostTable().Latest;
        _routes = _costTable?.ValidOn(today) ?? [];
        if (amount is null)
            _ownCost = text(OwnCostKey, app.T(TextId.FieldOwnCost), 20, "");
        _horizon = text(HorizonKey, app.T(TextId.FieldHorizonMonths), 3, SocialReturnCalculator.DefaultHorizonMonths.ToString(CultureInfo.InvariantCulture));
        foreach (var route in _routes)
        {
            var quantity = text(RoutePrefix + route.RouteCode, route.Name, 5, "");
            quantity.Placeholder = app.T(route.Period == CostPeriod.PerOccurrence ? TextId.UiRouteTimes : TextId.UiRouteMonths) + ", " + SocialReturnText.Per(app, route.Amount, route.Period);
            quantity.AllowedChar = char.IsAsciiDigit;
            _quantities[route.RouteCode] = quantity;
        }
    }

    /// <summary>A calculator with its own field for the own cost (a mandate decision's cost).</summary>
    public static SocialReturnFields WithOwnCost(WijkwerkApp app, DateOnly today, AddText text) => new(app, today, text, null);

    /// <summary>
    /// A calculator whose own cost is the form's amount (what a budget or fund request asks); the amount field's
    /// key and label name it when it cannot be read.
    /// </summary>
    public static SocialReturnFields ForAmount(WijkwerkApp app, DateOnly today, AddText text, string amountKey, string amountLabel) =>
        new(app, today, text, (amountKey, amountLabel));

    /// <summary>The calculator's result as it stands; null until the amounts can be read.</summary>
    public SocialReturn? Figures => _figures is { IsValid: true } figures ? figures.Value : null;

    /// <summary>
    /// The figures a request stores: its own cost is its amount, so without an avoided route there is nothing to tell
    /// and nothing is stored (the calculator is not required there); with one, what <see cref="Figures"/> holds.
    /// </summary>
    public SocialReturn? FiguresIfRoutes => AnyRouteTyped ? Figures : null;

    /// <summary>The calculator could not count what is typed; <see cref="Calculate"/> has said why.</summary>
    public bool Failed => _figures is { IsValid: false };

    /// <summary>What the form says above its fields about the calculator: where its own cost comes from, and a missing cost table.</summary>
    public IReadOnlyList<string> InfoLines
    {
        get
        {
            var lines = new List<string>();
            if (_amount is { } amount)
                lines.Add(_app.T(TextId.UiCalcOwnCostIsAmount, amount.Label));
            if (_costTable is null)
                lines.Add(_app.T(TextId.UiMandateNoCostTable));
            return lines;
        }
    }

    private bool AnyRouteTyped => _quantities.Values.Any(q => q.Text.Trim().Length > 0);

    /// <summary>
    /// Counts what is typed: own cost (or the form's amount, <paramref name="amount"/>), horizon and each route with a
    /// quantity. Problems with what was typed in the calculator's fields are added to <paramref name="problems"/>; an
    /// amount that cannot be read is the form's to report, and only named on the figures line.
    /// </summary>
    public void Calculate(List<Problem> problems, Parsed<Money>? amount = null) => _figures = Count(problems, amount);

    /// <summary>Draws the figures line(s) at the bottom of <paramref name="area"/>; returns the room left above them for the fields.</summary>
    public Rect Render(ScreenBuffer buffer, Rect area)
    {
        var lines = CellText.Wrap(Line(), Math.Max(1, area.Width - 2));
        var rows = area.SplitRows(LayoutSize.Fill(), LayoutSize.Fixed(Math.Min(lines.Count, 2)));
        for (var i = 0; i < rows[1].Height; i++)
            buffer.PutLine(rows[1], i, " " + lines[i], CellStyle.Bold);
        return rows[0];
    }

    private Parsed<SocialReturn> Count(List<Problem> problems, Parsed<Money>? amount)
    {
        var ownCost = _ownCost is null
            ? amount ?? Parsed<Money>.Ok(Money.Zero)
            : _ownCost.Text.Trim().Length == 0 ? Parsed<Money>.Ok(Money.Zero) : Money.Parse(_ownCost.Text, OwnCostKey);
        if (!ownCost.IsValid)
        {
            if (_ownCost is not null)
                problems.Add(ownCost.Problem!);
            return ownCost.Problem!;
        }

        if (!int.TryParse(_horizon.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var horizon))
        {
            var problem = new Problem(HorizonKey, TextId.ReturnHorizonRange, SocialReturnCalculator.MaxHorizonMonths);
            problems.Add(problem);
            return problem;
        }

        var routes = new List<AvoidedRoute>();
        foreach (var route in _routes)
        {
            var typed = _quantities[route.RouteCode].Text.Trim();
            if (typed.Length == 0)
                continue;
            // Digits only can still be too many for an int: the calculator's range message says what fits.
            routes.Add(new AvoidedRoute(route, int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) ? quantity : int.MaxValue));
        }

        var figures = SocialReturnCalculator.Calculate(ownCost.Value, routes, _costTable?.Version ?? 0, horizon);
        if (!figures.IsValid)
            problems.Add(OnItsField(figures.Problem!));
        return figures;
    }

    private Problem OnItsField(Problem problem) =>
        _routes.FirstOrDefault(r => r.Name == problem.Field) is { } route ? problem with { Field = RoutePrefix + route.RouteCode }
        : problem.Field == OwnCostKey && _amount is { } amount ? problem with { Field = amount.Key }
        : problem;

    private string Line() => _figures switch
    {
        { IsValid: true } figures when figures.Value.Routes.Count > 0 || (_ownCost is not null && figures.Value.OwnCost.Cents > 0) => SocialReturnText.Figures(_app, figures.Value),
        // A form's amount not yet typed is the form's to ask for; the calculator waits for a route quietly.
        { IsValid: false } failed when _ownCost is not null || AnyRouteTyped || failed.Problem!.Field == HorizonKey => _app.T(TextId.UiCalcProblem, LabelOf(failed.Problem!.Field), failed.Problem.Describe(_app.Lang)),
        _ => _app.T(TextId.UiCalcNoRoutes),
    };

    private string LabelOf(string key) => key switch
    {
        OwnCostKey when _ownCost is not null => _ownCost.Label,
        HorizonKey => _horizon.Label,
        _ when _amount is { } amount && (key == amount.Key || key == OwnCostKey) => amount.Label,
        _ => FieldNames.Show(key, _app.Lang),
    };
}
