using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Screens.Maatwerk;
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
    private readonly Client _client;
    private readonly Id<MandateDecision> _id;
    private readonly IReadOnlyList<Mandate> _mandates;
    private readonly SelectField<string> _department, _executorDepartment;
    private readonly TextField _rule, _contact;
    private readonly TagField _bottleneck;
    private readonly TextArea _refusedBefore, _decision, _legitimacy, _engagement;
    private readonly Checkbox _heard;
    private readonly DateField _followUpOn;
    private readonly SocialReturnFields _calculator;

    private MandateDecisionFormScreen(WijkwerkApp app, Client client, IReadOnlyList<Mandate> mandates)
        : base(app, DraftKeys.ForMandateDecision(client.Id))
    {
        _client = client;
        _id = Id<MandateDecision>.New(app.Clock);
        _mandates = mandates;
        var covered = CoveredDepartments(mandates, Today);
        var known = app.Store.Reference.Departments().Select(d => d.Name).ToList();
        _department = Select("afdeling", TextId.FieldMandateDepartment, covered, d => d);
        _rule = Text("overruled regel", TextId.FieldRuleOverridden, MandateDecision.MaxShortLength);
        _refusedBefore = Area("eerder geweigerd", TextId.FieldRefusedBefore, 2, MandateDecision.MaxTextLength);
        _decision = Area("besluit", TextId.FieldMandateDecision, 2, MandateDecision.MaxTextLength);
        _executorDepartment = Select("uitvoerende afdeling", TextId.FieldExecutorDepartment, known.Count > 0 ? known : covered, d => d);
        _contact = Text("contactpersoon", TextId.FieldExecutorContact, MandateDecision.MaxShortLength);
        _legitimacy = Area("legitimiteit", TextId.FieldLegitimacy, 2, MandateDecision.MaxTextLength);
        _calculator = SocialReturnFields.WithOwnCost(app, Today, Text);
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
            return [T(TextId.UiMandateFormInfo, until, string.Join(", ", CoveredDepartments(_mandates, Today))), .. _calculator.InfoLines];
        }
    }

    /// <summary>The calculator's result as it stands; null until the amounts can be read.</summary>
    public SocialReturn? Figures => _calculator.Figures;

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
        _calculator.Calculate(problems);
        var decision = Build(Figures, out var mandateProblem);
        if (mandateProblem is not null)
            problems.Add(mandateProblem);
        if (DateText.Parse(_followUpOn.Text, "opvolgdatum").Problem is { } date)
            problems.Add(date);
        // A calculator that cannot count yet has said why at its own fields; "missing" would repeat it.
        problems.AddRange(MandateRules.CheckContent(decision, Today)
            .Where(p => !(p.Field == "maatschappelijk rendement" && _calculator.Failed)));
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

    protected override void RenderContent(ScreenBuffer buffer, Rect area) => base.RenderContent(buffer, _calculator.Render(buffer, area));

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
