using System.Globalization;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Indications;

/// <summary>
/// The consultant's decision on an advice: granted as advised, adjusted (the provision fields start as
/// advised; what differs is shown as it is typed, and needs a reason), or rejected with a reason. A
/// decision is final, so it is confirmed before it is stored.
/// </summary>
public sealed class DecisionFormScreen : ConsultantFormScreen
{
    private static readonly AdviceStatus[] Outcomes = [AdviceStatus.Granted, AdviceStatus.Adjusted, AdviceStatus.Rejected];
    private readonly SelectField<AdviceStatus> _outcome;
    private readonly SelectField<ProductCategory> _category;
    private readonly TextField _productCode, _amount, _duration;
    private readonly SelectField<VolumeUnit> _unit;
    private readonly SelectField<VolumeFrequency> _frequency;
    private readonly DateField _start;
    private readonly TextArea _reason;

    private DecisionFormScreen(WijkwerkApp app, IndicationAdvice advice)
        : base(app, advice, DraftKeys.ForDecision(advice.Id))
    {
        var advised = advice.Content.Provision;
        string Name(Enum e) => EnumTexts.Name(e, app.Lang);
        _outcome = Select("besluit", TextId.UiDecisionOutcome, Outcomes, o => Name(o));
        _category = Select("productcategorie", TextId.UiDecisionCategory, StartingAt(advised.Category), c => Name(c));
        _productCode = Text("productcode", TextId.UiDecisionProductCode, 20, advised.ProductCode);
        var (typedAmount, typedUnit) = advised.Volume.AsTyped();
        _amount = Text("omvang", TextId.UiDecisionAmount, 20, typedAmount);
        _unit = Select("eenheid", TextId.UiDecisionUnit, StartingAt(typedUnit), u => Name(u));
        _frequency = Select("frequentie", TextId.UiDecisionFrequency, StartingAt(advised.Volume.Frequency), f => Name(f));
        _start = Date("startdatum", TextId.UiDecisionStart, DateText.Show(advised.Start));
        _duration = Text("duur", TextId.UiDecisionDuration, 4, advised.DurationMonths?.ToString(CultureInfo.InvariantCulture) ?? "");
        _reason = Area("reden", TextId.UiDecisionReason, 3, AdviceRules.MaxReasonLength);
        Ready();
    }

    public override string Title => T(TextId.UiDecisionTitle, ClientName);

    protected override TextId SavedMessage => TextId.UiDecisionSaved;

    protected override string? ConfirmBeforeSave => T(TextId.UiDecisionConfirm, _outcome.SelectedValue);

    public static DecisionFormScreen For(WijkwerkApp app, IndicationAdvice advice)
    {
        var screen = new DecisionFormScreen(app, advice);
        screen.RestoreDraft();
        return screen;
    }

    protected override IReadOnlyList<Problem> Check()
    {
        var problems = new List<Problem>();
        var provision = Provision(problems);
        var outcome = _outcome.SelectedValue;
        if (outcome == AdviceStatus.Granted && (provision is null || provision.ChangesFrom(Advice.Content.Provision).Count > 0))
            return [.. problems, new Problem("besluit", TextId.AdviceGrantedDiffers)];
        if (outcome == AdviceStatus.Adjusted && provision is null)
        {
            // The domain reports one problem at a time; a missing reason is worth saying together with the rest.
            if (_reason.Text.Trim().Length == 0)
                problems.Add(new Problem("reden", TextId.AdviceReasonRequired, outcome));
            return problems;
        }

        var step = Step();
        return step.IsValid ? [] : [step.Problem];
    }

    protected override Parsed<IndicationAdvice> Step()
    {
        var now = App.Clock.GetUtcNow();
        return _outcome.SelectedValue switch
        {
            AdviceStatus.Granted => Advice.Grant(Me, _reason.Text, now, Today),
            AdviceStatus.Adjusted => Provision([]) is { } decided ? Advice.Adjust(Me, decided, _reason.Text, now, Today) : new Problem("besluit", TextId.FieldRequired),
            _ => Advice.Reject(Me, _reason.Text, now, Today),
        };
    }

    /// <summary>What the decision changes, live: each changed part as advised → decided.</summary>
    protected override IReadOnlyList<string> FooterLines()
    {
        var advised = Advice.Content.Provision;
        switch (_outcome.SelectedValue)
        {
            case AdviceStatus.Rejected:
                return [T(TextId.UiDecisionNoProvision)];
            case AdviceStatus.Granted:
                return [T(TextId.UiDecisionAsAdvised, $"{advised.Show(ProvisionPart.Category, App.Lang)} · {advised.Show(ProvisionPart.Volume, App.Lang)}")];
        }

        if (Provision([]) is not { } decided)
            return [T(TextId.UiDecisionChanges)];
        var changes = decided.ChangesFrom(advised);
        return [T(TextId.UiDecisionChanges), .. changes.Select(part => $"  {EnumTexts.Name(part, App.Lang)}: {Shown(advised, part)} → {Shown(decided, part)}")];
    }

    private string Shown(Provision provision, ProvisionPart part) => provision.Show(part, App.Lang) is { Length: > 0 } text ? text : "-";

    private Provision? Provision(List<Problem> problems) => AdviceInput.ParseProvision(
        _category.SelectedValue, _productCode.Text, _amount.Text, _unit.SelectedValue, _frequency.SelectedValue, _start.Text, _duration.Text, problems);

    /// <summary>
    /// Every value of a list, starting at the advised one and wrapping round: the field opens on the advice
    /// without a change that would count as typing, and ←/→ still step through the list in code order.
    /// </summary>
    private static IReadOnlyList<T> StartingAt<T>(T first)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var start = Math.Max(0, Array.IndexOf(values, first));
        return [.. values[start..], .. values[..start]];
    }
}
