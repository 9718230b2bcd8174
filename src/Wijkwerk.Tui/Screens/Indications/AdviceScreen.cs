using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;
using ClientDossier = Wijkwerk.Core.Domain.Clients.Dossier;

namespace Wijkwerk.Tui.Screens.Indications;

/// <summary>
/// One advice in full: what was advised and, once decided, what was decided and what changed; both
/// legal clocks; the reasons; the ZRM snapshot; and the question/answer thread. The keys offered are
/// exactly the steps the workflow allows this worker's role from the advice's status.
/// </summary>
public sealed class AdviceScreen : AppScreen
{
    private readonly Id<IndicationAdvice> _id;
    private IndicationAdvice? _advice;
    private ClientDossier? _dossier;
    private string? _refusal;
    private ReadableRows<AdviceMessage> _thread = ReadableRows<AdviceMessage>.Empty;
    private int _scroll;
    private int _page = 1;

    public AdviceScreen(WijkwerkApp app, Id<IndicationAdvice> id)
        : base(app)
    {
        _id = id;
        var role = app.Store.Identity.Role;
        Command("submit", TextId.CmdAdviceSubmit, [KeyInput.Character('i')], Submit, () => Allows(AdviceStatus.Submitted));
        Command("edit", TextId.CmdAdviceEdit, [KeyInput.Character('e')], Edit,
            () => _advice is { } a && _dossier is not null && AdviceWorkflow.ActorFor(role) == AdviceActor.Author && a.Author == App.Store.Identity.WorkerId && a.Status.AuthorMayEdit());
        Command("answer", TextId.CmdAdviceAnswer, [KeyInput.Character('a')], () => Write(AdviceMessageKind.Answer), () => Allows(AdviceStatus.Answered));
        Command("withdraw", TextId.CmdAdviceWithdraw, [KeyInput.Character('x')], Withdraw, () => Allows(AdviceStatus.Withdrawn));
        Command("ask", TextId.CmdAdviceAsk, [KeyInput.Character('v')], () => Write(AdviceMessageKind.Question), () => Allows(AdviceStatus.QuestionAsked));
        Command("decide", TextId.CmdDecide, [KeyInput.Character('b')], () => App.Push(DecisionFormScreen.For(App, _advice!)),
            () => _advice is { } a && ConsultantActions.MayDecide(a.Status, role));
        Command("term", TextId.CmdExtendTerm, [KeyInput.Character('t')], () => App.Push(ExtensionFormScreen.For(App, _advice!)),
            () => _advice is { } a && ConsultantActions.MayExtend(a.Status, role));
        Command("back", TextId.CmdBack, [KeyInput.Escape], App.Back);
        Command("up", TextId.CmdScroll, [KeyInput.Up, KeyInput.Character('k')], () => ScrollBy(-1), inStatusBar: false);
        Command("down", TextId.CmdScroll, [KeyInput.Down, KeyInput.Character('j')], () => ScrollBy(1), inStatusBar: false);
        Command("pageup", TextId.CmdPage, [KeyInput.PageUp], () => ScrollBy(-_page), inStatusBar: false);
        Command("pagedown", TextId.CmdPage, [KeyInput.PageDown], () => ScrollBy(_page), inStatusBar: false);
        Load();
    }

    public override string Title => _dossier is null ? T(TextId.UiAdvice) : $"{T(TextId.UiAdvice)}: {_dossier.Client.Name.Full}";

    public IndicationAdvice? Advice => _advice;

    public override void OnResumed() => Load();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        if (_advice is null || _dossier is null)
        {
            buffer.PutLine(area, 1, " " + T(TextId.UiAdviceGone), CellStyle.Bold);
            return;
        }

        var today = App.Store.Advices.Today;
        var head = HeadLines(_advice, _dossier, today);
        var body = BodyLines(_advice, _dossier);
        var thread = ThreadLines();
        _page = Math.Max(1, area.Height - 1);
        if (area.Width >= 120)
        {
            var columns = area.SplitColumns(LayoutSize.Fill(3), LayoutSize.Fill(2));
            RenderColumns(buffer, (columns[0], [.. head, .. body]), (columns[1], thread));
            return;
        }

        // Narrow: the thread right under status and clocks, where the open question is seen without scrolling.
        RenderColumns(buffer, (area, [.. head, .. thread, .. body]));
    }

    // Letters are commands here; the content itself takes no keys.
    protected override bool HandleContentKey(KeyInput key) => false;

    private bool Allows(AdviceStatus step) => _advice is { } a && AdviceWorkflow.IsAllowed(a.Status, step, App.Store.Identity.Role) && IsMineOrNotAuthorStep(a);

    // The author side's steps are the author's own; a colleague reads along.
    private bool IsMineOrNotAuthorStep(IndicationAdvice advice) =>
        AdviceWorkflow.ActorFor(App.Store.Identity.Role) != AdviceActor.Author || advice.Author == App.Store.Identity.WorkerId;

    private void ScrollBy(int rows) => _scroll = Math.Max(0, _scroll + rows);

    /// <summary>Wrapped to the area and scrolled together, so both columns move as one page.</summary>
    private void RenderColumns(ScreenBuffer buffer, params (Rect Area, IReadOnlyList<Line> Lines)[] columns)
    {
        var wrapped = columns.Select(c => (c.Area, Rows: Wrap(c.Lines, Math.Max(1, c.Area.Width - 2)))).ToList();
        _scroll = Math.Clamp(_scroll, 0, wrapped.Max(c => Math.Max(0, c.Rows.Count - c.Area.Height)));
        foreach (var (area, rows) in wrapped)
        {
            for (var i = 0; i < area.Height && _scroll + i < rows.Count; i++)
                buffer.PutLine(area, i, " " + rows[_scroll + i].Text, rows[_scroll + i].Style);
        }
    }

    private static List<(string Text, CellStyle Style)> Wrap(IReadOnlyList<Line> lines, int width) =>
        lines.SelectMany(l => CellText.Wrap(l.Text, Math.Max(1, width - l.Indent)).Select(text => (new string(' ', l.Indent) + text, l.Style))).ToList();

    /// <summary>Status, what was advised and decided, and the legal terms.</summary>
    private List<Line> HeadLines(IndicationAdvice a, ClientDossier dossier, DateOnly today)
    {
        var lang = App.Lang;
        var content = a.Content;
        var lines = new List<Line>
        {
            new($"{dossier.Client.Name.Full} · [{EnumTexts.Name(a.Status, lang)}]", CellStyle.Bold),
            new($"{T(TextId.UiAdviceAdvised)}: {ProvisionText(content.Provision)}", CellStyle.Default),
        };
        // A step the server would not take stays on this laptop; the author must see why, here.
        if (_refusal is { } refusal)
            lines.Insert(1, new Line("! " + T(TextId.UiAdviceRefused, refusal), WidgetStyles.Error));
        if (a.Decision is { } decision)
        {
            var decidedOn = DateText.Show(a.Clocks.DecidedOn!.Value);
            lines.Add(new(T(TextId.UiAdviceDecision, EnumTexts.Name(a.Status, lang), decidedOn), CellStyle.Bold));
            if (a.Status == AdviceStatus.Adjusted && decision.Decided is { } decided)
            {
                lines.Add(new($"{T(TextId.UiAdviceDecidedProvision)}: {ProvisionText(decided)}", CellStyle.Default));
                lines.AddRange(decided.ChangesFrom(content.Provision).Select(part => new Line(
                    $"{T(TextId.UiAdviceChanged)}: {EnumTexts.Name(part, lang)}: {Shown(content.Provision, part)} → {Shown(decided, part)}", CellStyle.Default, 2)));
            }

            if (decision.Reason.Length > 0)
                lines.Add(new($"{T(TextId.UiAdviceReason)}: {decision.Reason}", CellStyle.Default));
        }

        lines.Add(new("", CellStyle.Default));
        lines.Add(new(T(TextId.UiAdviceClocks), CellStyle.Underline));
        // Marked with "!" as well as the error style, so an overdue term reads the same without colour.
        lines.AddRange(a.Clocks.All(today).Select(clock => new Line(
            (clock.IsFlagged ? "! " : "  ") + AdviceText.Clock(clock, lang), clock.IsFlagged ? WidgetStyles.Error : CellStyle.Default)));
        var aanvraag = content.AanvraagDate is { } applied ? DateText.Show(applied) : T(TextId.UiAdviceNotYet);
        lines.Add(new("  " + T(TextId.UiAdviceDates, DateText.Show(content.MeldingDate), aanvraag), CellStyle.Default));
        lines.Add(new("", CellStyle.Default));
        return lines;
    }

    /// <summary>The reasons, the ZRM snapshot and on what basis.</summary>
    private List<Line> BodyLines(IndicationAdvice a, ClientDossier dossier)
    {
        var lang = App.Lang;
        var content = a.Content;
        var lines = new List<Line>();
        lines.Add(new($"{T(TextId.AdviceFieldWishes)}: {content.ClientWishes}", CellStyle.Default));
        lines.Add(new($"{T(TextId.AdviceFieldAlternatives)}: {content.AlternativesConsidered}", CellStyle.Default));
        lines.Add(new($"{T(TextId.AdviceFieldRationale)}: {content.Rationale}", CellStyle.Default));
        lines.Add(new(AdviceZrmText.Line(content.Zrm, dossier.Visits, lang), CellStyle.Default));
        lines.AddRange(AdviceZrmText.Scores(content.Zrm, lang).Select(score => new Line(score, CellStyle.Default, 2)));
        var consent = EnumTexts.Name(content.Consent, lang) + (content.ConsentNote.Length > 0 ? $" ({content.ConsentNote})" : "");
        lines.Add(new(T(TextId.UiAdviceBasis, EnumTexts.Name(content.LegalBasis, lang), consent), CellStyle.Default));
        lines.Add(new(T(TextId.UiAdvicePointedOut, YesNo(content.ClientSupportOffered), YesNo(content.PersonalPlanOffered)), CellStyle.Default));
        // Issue 14: the bottleneck, as it counts after the admin's merges; no line for an advice without one.
        if (a.BottleneckTag.Length > 0)
            lines.Add(new(T(TextId.UiAdviceDetailBottleneck, a.BottleneckTag), CellStyle.Default));
        return lines;
    }

    private List<Line> ThreadLines()
    {
        var lines = new List<Line> { new(T(TextId.UiAdviceThread), CellStyle.Underline) };
        if (_thread.Unreadable > 0)
            lines.Add(new("! " + T(TextId.UiAdviceMessagesUnreadable, _thread.Unreadable), WidgetStyles.Error));
        if (_thread.Count == 0)
            lines.Add(new(T(TextId.UiAdviceThreadEmpty), CellStyle.Default));
        var me = App.Store.Identity.WorkerId;
        foreach (var message in _thread)
        {
            var who = message.Author == me ? T(TextId.UiAdviceYou)
                : message.Kind == AdviceMessageKind.Question ? EnumTexts.Name(Core.Domain.Teams.Role.WmoConsultant, App.Lang)
                : T(TextId.UiAdviceAuthorSide);
            lines.Add(new(T(TextId.UiAdviceMessageFrom, AmsterdamTime.ShowDateTime(message.At), EnumTexts.Name(message.Kind, App.Lang), who), CellStyle.Bold));
            lines.Add(new(message.Text, CellStyle.Default, 2));
        }

        lines.Add(new("", CellStyle.Default));
        return lines;
    }

    /// <summary>"01 Hulp bij het huishouden · productcode 01A01 · 3 uur per week · vanaf 30-03-2026 · 12 maanden".</summary>
    private string ProvisionText(Provision p)
    {
        var code = p.ProductCode.Length > 0 ? " · " + T(TextId.UiAdviceProductCode, p.ProductCode) : "";
        return $"{Shown(p, ProvisionPart.Category)}{code} · {Shown(p, ProvisionPart.Volume)} · {T(TextId.UiAdviceFrom, Shown(p, ProvisionPart.Start))} · {Shown(p, ProvisionPart.Duration)}";
    }

    private string Shown(Provision p, ProvisionPart part) => p.Show(part, App.Lang) is { Length: > 0 } text ? text : "-";

    private string YesNo(bool value) => T(value ? TextId.UiYes : TextId.UiNo).ToLowerInvariant();

    /// <summary>One key would hand the advice over for good: ask first, with "no" as the safe answer.</summary>
    private void Submit() =>
        ConfirmScreen.Show(App.Screens, new ConfirmDialog(T(TextId.UiAdviceSubmitQuestion), T(TextId.UiYes), T(TextId.UiNo)), yes =>
        {
            if (yes && _advice is { } advice)
                Step(advice, a => a.Submit(App.Store.Advices.Me, App.Clock.GetUtcNow(), App.Store.Advices.Today), TextId.UiAdviceSubmitted);
        });

    private void Edit() => App.Push(AdviceFormScreen.Edit(App, _dossier!, _advice!));

    private void Write(AdviceMessageKind kind) => App.Push(AdviceMessageFormScreen.For(App, _advice!, kind));

    private void Withdraw() =>
        ConfirmScreen.Show(App.Screens, new ConfirmDialog(T(TextId.UiAdviceWithdrawQuestion), T(TextId.UiYes), T(TextId.UiNo)), yes =>
        {
            if (yes && _advice is { } advice)
                Step(advice, a => a.Withdraw(App.Store.Advices.Me, App.Store.Advices.Today), TextId.UiAdviceWithdrawn);
        });

    /// <summary>A one-key step on the advice this screen shows: taken on the stored advice, refused when a sync changed it since.</summary>
    private void Step(IndicationAdvice shown, Func<IndicationAdvice, Parsed<IndicationAdvice>> step, TextId done)
    {
        try
        {
            App.Store.Advices.Step(shown.Id, step, shown: shown);
            App.Notify(T(done));
        }
        catch (DomainException refused)
        {
            App.Notify(refused.Problem.Describe(App.Lang));
        }

        App.RefreshStatus();
        Load();
    }

    private void Load()
    {
        _advice = App.Store.Advices.Find(_id);
        _dossier = _advice is null ? null : App.Store.Dossiers.Open(_advice.ClientId);
        _thread = _advice is null ? ReadableRows<AdviceMessage>.Empty : App.Store.Advices.Thread(_id);
        _refusal = new LocalSync(App.Store).RefusalOf(AdviceColumns.AdviceTable, _id.Value);
    }

    private sealed record Line(string Text, CellStyle Style, int Indent = 0);
}
