using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Indications;

/// <summary>
/// The decision term of an open advice: the date the aanvraag came in (when the advice does not have it
/// yet; it starts the two-week decision clock) and an extension with its reason (Awb 4:14). Either or
/// both, checked by the same domain steps the store applies.
/// </summary>
public sealed class ExtensionFormScreen : ConsultantFormScreen
{
    private readonly TextField? _aanvraag;
    private readonly TextField _until;
    private readonly TextArea _reason;

    private ExtensionFormScreen(WijkwerkApp app, IndicationAdvice advice)
        : base(app, advice, DraftKeys.ForExtension(advice.Id))
    {
        if (advice.Content.AanvraagDate is null)
            _aanvraag = DateInput("aanvraagdatum", TextId.UiExtensionAanvraag, "");
        _until = DateInput("verlenging", TextId.UiExtensionUntil, advice.Extension is { } extension ? DateText.Show(extension.Until) : "");
        _reason = Area("reden verlenging", TextId.UiExtensionReason, 3, AdviceRules.MaxReasonLength, advice.Extension?.Reason ?? "");
        Ready();
    }

    public override string Title => T(TextId.UiExtensionTitle, ClientName);

    protected override TextId SavedMessage => TextId.UiExtensionSaved;

    public static ExtensionFormScreen For(WijkwerkApp app, IndicationAdvice advice)
    {
        var screen = new ExtensionFormScreen(app, advice);
        screen.RestoreDraft();
        return screen;
    }

    protected override IReadOnlyList<string> HeaderLines()
    {
        var lines = base.HeaderLines().ToList();
        if (Advice.Content.AanvraagDate is { } aanvraag && Advice.Clocks.DecisionDueByLaw is { } due)
            lines.Add($"{T(TextId.UiExtensionAanvraagKnown, DateText.Show(aanvraag))} {T(TextId.UiExtensionStatutory, DateText.Show(due))}");
        return lines;
    }

    protected override IReadOnlyList<Problem> Check()
    {
        var (_, problems) = Apply();
        return problems;
    }

    protected override Parsed<IndicationAdvice> Step() => Apply() is ({ } changed, []) ? Parsed<IndicationAdvice>.Ok(changed) : new Problem("verlenging", TextId.UiExtensionNothing);

    /// <summary>The aanvraag first, so an extension typed with it is measured from the statutory date it sets.</summary>
    private (IndicationAdvice? Changed, List<Problem> Problems) Apply()
    {
        var problems = new List<Problem>();
        var advice = Advice;
        if (_aanvraag is { Text: var aanvraagText } && aanvraagText.Trim().Length > 0)
            advice = Take(DateText.Parse(aanvraagText, "aanvraagdatum"), date => advice.RecordAanvraag(Me, date, Today), problems) ?? advice;

        if (problems.Count == 0 && (_until.Text.Trim().Length > 0 || _reason.Text.Trim().Length > 0))
            advice = Take(DateText.Parse(_until.Text, "verlenging"), until => advice.Extend(Me, until, _reason.Text, Today), problems) ?? advice;

        if (problems.Count == 0 && advice == Advice)
            problems.Add(new Problem("verlenging", TextId.UiExtensionNothing));
        return (problems.Count == 0 ? advice : null, problems);
    }

    private static IndicationAdvice? Take(Parsed<DateOnly> date, Func<DateOnly, Parsed<IndicationAdvice>> step, List<Problem> problems)
    {
        if (!date.IsValid)
        {
            problems.Add(date.Problem);
            return null;
        }

        var result = step(date.Value);
        if (result.IsValid)
            return result.Value;
        problems.Add(result.Problem);
        return null;
    }

    private TextField DateInput(string key, TextId label, string value)
    {
        var field = Text(key, label, 10, value);
        field.Placeholder = "dd-mm-jjjj";
        field.AllowedChar = c => char.IsAsciiDigit(c) || c == '-';
        return field;
    }
}
