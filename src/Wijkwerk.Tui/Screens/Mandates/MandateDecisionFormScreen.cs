using System.Globalization;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Mandates;

/// <summary>
/// A team leader's mandate decision for one client, justified on the three sides of the value triangle. The
/// department offers only what her valid mandate covers; the avoided routes come from the cost table with a
/// quantity each, and the calculator's figures show under the form as they are typed. The same
/// <see cref="MandateRules"/> the server runs check every key; recording asks first, as it cannot be undone.
/// </summary>
public sealed class MandateDecisionFormScreen : FormScreen
{
    private const string RoutePrefix = "route:";
    private readonly Client _client;
    private readonly Id<MandateDecision> _id;
    private readonly IReadOnlyList<Mandate> _mandates;
    private readonly CostTableVersion? _costTable;
    private readonly IReadOnlyList<CostEntry> _routes;
    private readonly SelectField<string> _department, _executorDepartment;
    private readonly TextField _rule, _contact, _ownCost, _horizon;
    private readonly TagField _bottleneck;
    private readonly TextArea _refusedBefore, _decision, _legitimacy, _engagement;
    private readonly Dictionary<string, TextField> _quantities = [];
    private readonly Checkbox _heard;
    private readonly DateField _followUpOn;
    private Parsed<SocialReturn>? _figures;

    private MandateDecisionFormScreen(WijkwerkApp app, Client client, IReadOnlyList<Mandate> mandates)
        : base(app, DraftKeys.ForMandateDecision(client.Id))
    {
        _client = client;
        _id = Id<MandateDecision>.New(app.Clock);
        _mandates = mandates;
        _costTable = app.Store.Reference.CostTable().Latest;
        _routes = _costTable?.ValidOn(Today) ?? [];
        var covered = CoveredDepartments(mandates, Today);
        var known = app.Store.Reference.Departments().Select(d => d.Name).ToList();
        _department = Select("afdeling", TextId.FieldMandateDepartment, covered, d => d);
        _rule = Text("overruled regel", TextId.FieldRuleOverridden, MandateDecision.MaxShortLength);
        _refusedBefore = Area("eerder geweigerd", TextId.FieldRefusedBefore, 2, MandateDecision.MaxTextLength);
        _decision = Area("besluit", TextId.FieldMandateDecision, 2, MandateDecision.MaxTextLength);
        _executorDepartment = Select("uitvoerende afdeling", TextId.FieldExecutorDepartment, known.Count > 0 ? known : covered, d => d);
        _contact = Text("contactpersoon", TextId.FieldExecutorContact, MandateDecision.MaxShortLength);
        _legitimacy = Area("legitimiteit", TextId.FieldLegitimacy, 2, MandateDecision.MaxTextLength);
        _ownCost = Text("eigen kosten", TextId.FieldOwnCost, 20);
        _horizon = Text("horizon", TextId.FieldHorizonMonths, 3, SocialReturnCalculator.DefaultHorizonMonths.ToString(CultureInfo.InvariantCulture));
        foreach (var route in _routes)
        {
            var quantity = Text(RoutePrefix + route.RouteCode, route.Name, 5);
            quantity.Placeholder = T(route.Period == CostPeriod.PerOccurrence ? TextId.UiRouteTimes : TextId.UiRouteMonths) + ", " + DecisionText.Per(app, route.Amount, route.Period);
            quantity.AllowedChar = char.IsAsciiDigit;
            _quantities[route.RouteCode] = quantity;
        }

        _engagement = Area("betrokkenheid", TextId.FieldEngagement, 2, MandateDecision.MaxTextLength);
        _heard = Check("inwoner gehoord", TextId.FieldResidentHeard, false);
        _bottleneck = Tag("knelpunt", TextId.FieldBottleneckTag, MandateDecision.MaxShortLength);
        _followUpOn = Date("opvolgdatum", TextId.FieldFollowUpOn, DateText.Show(Today.AddMonths(3)));
        Ready();
    }

    public override string Title => T(TextId.UiMandateFormTitle, _client.Name.Full);

    // "Eerder geweigerd of geblokkeerd" is the longest one-line label; route names of the cost table fit in it too.
    protected override int LabelWidth => 30;

    protected override TextId SavedMessage => TextId.UiMandateSaved;

    protected override string? ConfirmBeforeSave => T(TextId.UiMandateConfirm, _client.Name.Full, _department.Options.Count == 0 ? "" : _department.SelectedValue);

    protected override IReadOnlyList<string> InfoLines
    {
        get
        {
            var valid = _mandates.Where(m => m.StateOn(Today) == MandateState.Valid).ToList();
            var until = valid.Count == 0 ? "" : DateText.Show(valid.Max(m => m.ValidUntil));
            var lines = new List<string> { T(TextId.UiMandateFormInfo, until, string.Join(", ", CoveredDepartments(_mandates, Today))) };
            if (_costTable is null)
                lines.Add(T(TextId.UiMandateNoCostTable));
            return lines;
        }
    }

    /// <summary>The calculator's result as it stands; null until the amounts can be read.</summary>
    public SocialReturn? Figures => _figures is { IsValid: true } figures ? figures.Value : null;

    private DateOnly Today => AmsterdamTime.Today(App.Clock);

    /// <summary>
    /// The form for a client, or why this worker cannot use a mandate today (not a team leader, no mandate, or one
    /// that expired, was revoked or has not started) — the words the server would use.
    /// </summary>
    public static Parsed<MandateDecisionFormScreen> For(WijkwerkApp app, Client client)
    {
        var identity = app.Store.Identity;
        if (identity.Role != Role.TeamLeader)
            return new Problem("rol", TextId.MandateRoleNotAllowed, identity.Role);
        var mandates = app.Store.Reference.MyMandates();
        var today = AmsterdamTime.Today(app.Clock);
        if (CoveredDepartments(mandates, today).Count == 0)
            return MandateRules.UsableMandate(mandates, mandates.FirstOrDefault()?.Departments.FirstOrDefault() ?? "", today).Problem ?? new Problem("mandaat", TextId.MandateNone);
        var screen = new MandateDecisionFormScreen(app, client, mandates);
        screen.RestoreDraft();
        return Parsed<MandateDecisionFormScreen>.Ok(screen);
    }

    protected override IReadOnlyList<Problem> Check()
    {
        var problems = new List<Problem>();
        _figures = Calculate(problems);
        var decision = Build(_figures is { IsValid: true } figures ? figures.Value : null, out var mandateProblem);
        if (mandateProblem is not null)
            problems.Add(mandateProblem);
        if (DateText.Parse(_followUpOn.Text, "opvolgdatum").Problem is { } date)
            problems.Add(date);
        // A calculator that cannot count yet has said why at its own fields; "missing" would repeat it.
        problems.AddRange(MandateRules.CheckContent(decision, Today)
            .Where(p => !(p.Field == "maatschappelijk rendement" && _figures is { IsValid: false })));
        return problems;
    }

    protected override void Store()
    {
        // The mandate is read again: a pull since the form opened may have revoked or narrowed it.
        var decision = Build(Figures, out var mandateProblem, App.Store.Reference.MyMandates());
        if (mandateProblem is not null)
            throw new DomainException(mandateProblem);
        App.Store.MandateDecisions.Record(decision);
    }

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var calculator = CellText.Wrap(CalculatorLine(), Math.Max(1, area.Width - 2));
        var rows = area.SplitRows(LayoutSize.Fill(), LayoutSize.Fixed(Math.Min(calculator.Count, 2)));
        base.RenderContent(buffer, rows[0]);
        for (var i = 0; i < rows[1].Height; i++)
            buffer.PutLine(rows[1], i, " " + calculator[i], CellStyle.Bold);
    }

    private string CalculatorLine() => _figures switch
    {
        { IsValid: true } figures when figures.Value.Routes.Count > 0 || figures.Value.OwnCost.Cents > 0 => DecisionText.Figures(App, figures.Value),
        { IsValid: false } failed => T(TextId.UiCalcProblem, FieldLabel(failed.Problem!.Field), failed.Problem.Describe(App.Lang)),
        _ => T(TextId.UiCalcNoRoutes),
    };

    private string FieldLabel(string key) => key switch
    {
        "eigen kosten" => _ownCost.Label,
        "horizon" => _horizon.Label,
        _ => FieldNames.Show(key, App.Lang),
    };

    /// <summary>
    /// The calculator on what is typed: own cost, horizon and each route with a quantity. A problem is put on the
    /// field it is about (a route's quantity, not the route's name) so it shows beside what was typed.
    /// </summary>
    private Parsed<SocialReturn> Calculate(List<Problem> problems)
    {
        var ownCost = _ownCost.Text.Trim().Length == 0 ? Parsed<Money>.Ok(Money.Zero) : Money.Parse(_ownCost.Text, "eigen kosten");
        if (!ownCost.IsValid)
        {
            problems.Add(ownCost.Problem!);
            return ownCost.Problem!;
        }

        if (!int.TryParse(_horizon.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var horizon))
        {
            var problem = new Problem("horizon", TextId.ReturnHorizonRange, SocialReturnCalculator.MaxHorizonMonths);
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
        {
            var problem = figures.Problem!;
            problems.Add(_routes.FirstOrDefault(r => r.Name == problem.Field) is { } route ? problem with { Field = RoutePrefix + route.RouteCode } : problem);
        }

        return figures;
    }

    private MandateDecision Build(SocialReturn? figures, out Problem? mandateProblem, IReadOnlyList<Mandate>? mandates = null)
    {
        var department = _department.Options.Count == 0 ? "" : _department.SelectedValue;
        var usable = MandateRules.UsableMandate(mandates ?? _mandates, department, Today);
        mandateProblem = usable.Problem;
        var followUpOn = DateText.Parse(_followUpOn.Text, "opvolgdatum");
        return new MandateDecision(
            _id, _client.Id, App.Store.Identity.WorkerId, usable.IsValid ? usable.Value.Id : default, App.Clock.GetUtcNow(),
            department, _rule.Text.Trim(), _refusedBefore.Text.Trim(), _decision.Text.Trim(),
            new DecisionExecutor(_executorDepartment.Options.Count == 0 ? "" : _executorDepartment.SelectedValue, _contact.Text.Trim()),
            new ValueTriangle(_legitimacy.Text.Trim(), figures, _engagement.Text.Trim(), _heard.Checked),
            _bottleneck.Text.Trim(), followUpOn.IsValid ? followUpOn.Value : Today, null);
    }

    private static IReadOnlyList<string> CoveredDepartments(IReadOnlyList<Mandate> mandates, DateOnly today) =>
        mandates.Where(m => m.StateOn(today) == MandateState.Valid).SelectMany(m => m.Departments)
            .DistinctBy(d => d.Trim(), StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture).ToList();
}
