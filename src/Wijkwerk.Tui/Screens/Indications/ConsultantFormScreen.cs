using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Screens.Indications;

/// <summary>
/// A consultant's step on one advice: the advice stays in view above the fields, and the step is only
/// stored on the advice as it was when the form opened, so a sync that changed it meanwhile is never
/// silently overwritten.
/// </summary>
public abstract class ConsultantFormScreen : FormScreen
{
    protected ConsultantFormScreen(WijkwerkApp app, IndicationAdvice advice, string draftKey)
        : base(app, draftKey)
    {
        Advice = advice;
        ClientName = app.Store.Dossiers.Open(advice.ClientId)?.Client.Name.Full ?? app.T(TextId.UiQueueClientUnknown);
    }

    public IndicationAdvice Advice { get; private set; }

    protected string ClientName { get; }

    protected DateOnly Today => AmsterdamTime.Today(App.Clock);

    protected Worker Me => App.Store.Advices.Me;

    /// <summary>The advice after this form's step, or the first problem; only called when <see cref="FormScreen.Check"/> found none.</summary>
    protected abstract Parsed<IndicationAdvice> Step();

    /// <summary>Lines above the fields, the first in bold: whose advice, and where it stands.</summary>
    protected virtual IReadOnlyList<string> HeaderLines() => [$"{ClientName} · {Advice.Team}", AdviceText.Summary(Advice, Today, App.Lang)];

    /// <summary>Lines under the fields, e.g. what the decision changes.</summary>
    protected virtual IReadOnlyList<string> FooterLines() => [];

    protected sealed override void Store()
    {
        try
        {
            // The step is built on the form's advice, which the store has just found unchanged (shown).
            App.Store.Advices.Step(Advice.Id, _ => Step(), shown: Advice);
        }
        catch (DomainException refused)
        {
            // The form stays with what was typed, above it the advice as it stands now, to check before saving again.
            Advice = App.Store.Advices.Latest(Advice.Id) ?? Advice;
            if (refused.Problem.Text == TextId.AdviceChangedMeanwhile)
                throw new DomainException(new Problem("advies", TextId.UiAdviceChangedMeanwhile));
            throw;
        }
    }

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        // The advice's own lines wrap: the dates in them are what the consultant decides by.
        var header = HeaderLines().Select((line, i) => (Text: line, Bold: i == 0))
            .SelectMany(l => CellText.Wrap(l.Text, Math.Max(1, area.Width - 2)).Select(part => (Text: part, l.Bold)))
            .ToList();
        var footer = FooterLines();
        var rows = area.SplitRows(LayoutSize.Fixed(header.Count + 1), LayoutSize.Fill(), LayoutSize.Fixed(footer.Count));
        for (var i = 0; i < header.Count; i++)
            buffer.PutLine(rows[0], i, " " + header[i].Text, header[i].Bold ? CellStyle.Bold : CellStyle.Default);
        base.RenderContent(buffer, rows[1]);
        for (var i = 0; i < footer.Count; i++)
            buffer.PutLine(rows[2], i, CellText.Truncate(" " + footer[i], area.Width), CellStyle.Default);
    }
}
