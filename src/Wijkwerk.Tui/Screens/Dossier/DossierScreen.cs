using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Budget;
using Wijkwerk.Tui.Screens.Fund;
using Wijkwerk.Tui.Screens.Conflicts;
using Wijkwerk.Tui.Screens.Details;
using Wijkwerk.Tui.Screens.Escalations;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Screens.Indications;
using Wijkwerk.Tui.Screens.Mandates;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;
using ClientDossier = Wijkwerk.Core.Domain.Clients.Dossier;

namespace Wijkwerk.Tui.Screens.Dossier;

/// <summary>
/// One resident: details, consent and household, and a newest-first timeline of signals, home visits, advice,
/// mandate decisions and budget requests. New records start here; Enter opens the selected one in full; a selected signal can be moved
/// along its status diagram. An open sync conflict about the client is said above the timeline.
/// </summary>
public sealed class DossierScreen : AppScreen
{
    private readonly Id<Client> _clientId;
    private readonly ListView<TimelineItem> _timeline;
    private ClientDossier? _dossier;
    private IReadOnlyList<SyncConflict> _conflicts = [];

    public DossierScreen(WijkwerkApp app, Id<Client> clientId)
        : base(app)
    {
        _clientId = clientId;
        // A row wraps onto a second line under its text, so an advice keeps its category and a signal its observation.
        _timeline = new ListView<TimelineItem>(Format)
        {
            MaxLinesPerItem = 2,
            ContinuationIndent = TimelineTextColumn,
            EmptyText = T(TextId.UiTimelineEmpty),
            RowStyle = i => i.Signal?.EropafStateAt(App.Clock.GetUtcNow()) == EropafState.Missed ? WidgetStyles.Error
                : i.Advice is { } advice ? AdviceText.Style(advice, AmsterdamTime.Today(App.Clock))
                : i.Mandate is { Kind: DecisionEventKind.Recorded } mandate ? DecisionText.Style(mandate.Decision, AmsterdamTime.Today(App.Clock))
                : i.Pause is { Refusal: not null } ? WidgetStyles.Error
                : CellStyle.Default,
        };

        // A Wmo consultant reads the client to review advice; recording dossier work is the team's.
        var recordsDossier = App.Store.Identity.Role.RecordsSignalsAndVisits();
        Command("signal", TextId.CmdNewSignal, [KeyInput.Character('n')], () => App.Push(SignalFormScreen.New(App, _clientId)), () => recordsDossier);
        Command("visit", TextId.CmdNewVisit, [KeyInput.Character('b')], () => App.Push(VisitFormScreen.New(App, _clientId)), () => recordsDossier);
        Command("advice", TextId.CmdNewAdvice, [KeyInput.Character('w')], () => App.Push(AdviceFormScreen.New(App, _dossier!)),
            () => _dossier is not null && AdviceWorkflow.ActorFor(App.Store.Identity.Role) == AdviceActor.Author);
        Command("mandate", TextId.CmdNewMandateDecision, [KeyInput.Character('m')], NewMandateDecision, () => _dossier is not null && App.Store.Identity.Role == Role.TeamLeader);
        Command("budget-request", TextId.CmdNewBudgetRequest, [KeyInput.Character('g')], () => App.Push(BudgetRequestFormScreen.For(App, _dossier!.Client)), () => recordsDossier && _dossier is not null);
        // Only a member professional sees the key; anyone else who presses it learns why not.
        Command("fund-request", TextId.CmdNewFundRequest, [KeyInput.Character('f')], NewFundRequest, () => _dossier is not null, inStatusBar: App.Store.Fund.MayRequest);
        // Issue 14: the pause button and escalation, for whoever records dossier work; escalating says why not at the top.
        Command("pause", TextId.CmdNewPause, [KeyInput.Character('p')], () => App.Push(PauseFormScreen.For(App, _dossier!.Client)), () => recordsDossier && _dossier is not null);
        Command("escalate", TextId.CmdEscalate, [KeyInput.Character('x')], Escalate, () => recordsDossier && _dossier is not null);
        Command("open", TextId.CmdOpenItem, [KeyInput.Enter], Open, () => _dossier is not null && _timeline.SelectedItem is not null);
        Command("client-conflicts", TextId.CmdOpenClientConflicts, [KeyInput.Character('4')], () => App.Push(new ConflictsScreen(App, _clientId)), () => _conflicts.Count > 0);
        Command("edit", TextId.CmdEditClient, [KeyInput.Character('e')], () => App.Push(ClientFormScreen.Edit(App, _dossier!.Client)), () => recordsDossier && _dossier is not null);
        Command("pickup", TextId.CmdPickUp, [KeyInput.Character('o')], () => Move(SignalStatus.PickedUp), () => recordsDossier && CanMove(SignalStatus.PickedUp));
        Command("refer", TextId.CmdRefer, [KeyInput.Character('r')], () => Move(SignalStatus.Referred), () => recordsDossier && CanMove(SignalStatus.Referred));
        Command("close", TextId.CmdCloseSignal, [KeyInput.Character('a')], () => Move(SignalStatus.Closed), () => recordsDossier && CanMove(SignalStatus.Closed));
        Command("back", TextId.CmdBack, [KeyInput.Escape], App.Back);
        ListCommands(_timeline);
        Load();
    }

    public override string Title => _dossier is null ? T(TextId.UiDossierTitle) : T(TextId.UiDossierTitle) + ": " + _dossier.Client.Name.Full;

    public override CellPosition? Cursor => _timeline.Cursor;

    public ClientDossier? Dossier => _dossier;

    public override void OnResumed() => Load();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        if (_dossier is null)
        {
            buffer.PutLine(area, 1, " " + T(TextId.UiDossierGone), CellStyle.Bold);
            return;
        }

        const int wideDetailWidth = 56;
        var wide = area.Width >= 120;
        // Each detail wraps under itself rather than losing its end (a consent's status and date).
        var details = DetailLines(_dossier)
            .SelectMany((line, i) => Wrapped(line, (wide ? wideDetailWidth : area.Width) - 2).Select(part => (Text: part, Bold: i == 0)))
            .ToList();
        Rect detailArea, timelineArea;
        if (wide)
        {
            var columns = area.SplitColumns(LayoutSize.Fixed(wideDetailWidth), LayoutSize.Fill());
            (detailArea, timelineArea) = (columns[0], columns[1]);
        }
        else
        {
            var rows = area.SplitRows(LayoutSize.Fixed(Math.Min(details.Count, area.Height / 2)), LayoutSize.Fill());
            (detailArea, timelineArea) = (rows[0], rows[1]);
        }

        for (var i = 0; i < details.Count && i < detailArea.Height; i++)
            buffer.PutLine(detailArea, i, " " + details[i].Text, details[i].Bold ? CellStyle.Bold : CellStyle.Default);

        // Advice rows this version cannot read are not on the timeline, and an open conflict waits for a
        // choice: say so above it.
        var notice = Notices().SelectMany(n => CellText.Wrap(n, Math.Max(1, timelineArea.Width - 2))).ToList();
        var timelineRows = timelineArea.SplitRows(LayoutSize.Fixed(notice.Count), LayoutSize.Fixed(1), LayoutSize.Fill());
        for (var i = 0; i < notice.Count; i++)
            buffer.PutLine(timelineRows[0], i, " " + notice[i], WidgetStyles.Error);
        buffer.PutLine(timelineRows[1], 0, CellText.Truncate(" " + T(TextId.UiTimelineHeading), timelineArea.Width), CellStyle.Underline);
        _timeline.Render(buffer, timelineRows[2], focused: true);
    }

    protected override bool HandleContentKey(KeyInput key) => key != KeyInput.Enter && _timeline.HandleKey(key);

    private IEnumerable<string> Notices()
    {
        if (_conflicts.Count == 1)
            yield return T(TextId.UiDossierConflictOne, ConflictsScreen.ColumnLabel(App, _conflicts[0].Column));
        else if (_conflicts.Count > 1)
            yield return T(TextId.UiDossierConflictMany, _conflicts.Count);
        if (_dossier?.UnreadableAdvices > 0)
            yield return "! " + T(TextId.UiAdvicesUnreadable, _dossier.UnreadableAdvices);
    }

    private void Open()
    {
        var item = _timeline.SelectedItem!;
        if (item.Signal is { } signal)
            App.Push(new SignalDetailScreen(App, _dossier!, signal));
        else if (item.Visit is { } visit)
            App.Push(new VisitDetailScreen(App, _dossier!.Client, visit));
        else if (item.Mandate is { } mandate)
            App.Push(new DecisionDetailScreen(App, mandate.Decision));
        else if (item.Budget is { } budget)
            App.Push(new BudgetRequestDetailScreen(App, budget.Request));
        else if (item.Fund is { } fund)
            App.Push(new FundRequestDetailScreen(App, fund.Request));
        else if (item.Pause is { } pause)
            App.Push(new PauseDetailScreen(App, pause.Pause));
        else if (item.Escalation is { } escalation)
            App.Push(new EscalationDetailScreen(App, escalation.Escalation));
        else
            App.Push(new AdviceScreen(App, item.Advice!.Id));
    }

    private List<string> DetailLines(ClientDossier d)
    {
        var c = d.Client;
        var lines = new List<string>
        {
            c.Name.Full,
            $"{T(TextId.UiBorn)} {DateText.Show(c.BirthDate)}   {c.Address}",
            $"{T(TextId.UiPhone)} {c.Phone?.Value ?? "-"}   BSN {c.Bsn?.Masked ?? "-"}",
        };
        if (c.Notes.Length > 0)
            lines.Add(c.Notes.ReplaceLineEndings(" "));
        lines.AddRange(d.Consents.Select(k => $"{T(TextId.UiConsent)}: {k.Purpose} — {EnumTexts.Name(k.Status, App.Lang)} ({DateText.Show(k.Date)}){(k.Reason.Length > 0 ? ": " + k.Reason : "")}"));
        lines.AddRange(d.Household.Select(m => $"{T(TextId.UiHousehold)}: {m.Name} ({EnumTexts.Name(m.Relation, App.Lang)})"));
        return lines;
    }

    private static IReadOnlyList<string> Wrapped(string line, int width) => line.Length <= width ? [line] : CellText.Wrap(line, width);

    /// <summary>Where a timeline row's text starts, after "dd-mm-jjjj uu:mm  ".</summary>
    private const int TimelineTextColumn = 18;

    private string Format(TimelineItem item)
    {
        if (item.Signal is { } s)
        {
            var urgency = HomeScreen.EropafText(App, s) is { } eropaf ? " " + eropaf : "";
            return $"{AmsterdamTime.ShowDateTime(s.ReportedAt)}  {T(TextId.UiSignal)} [{EnumTexts.Name(s.Status, App.Lang)}]{urgency}  {EnumTexts.Name(s.Source, App.Lang)}: {s.Observation.ReplaceLineEndings(" ")}";
        }

        if (item.Advice is { } a)
            return $"{AmsterdamTime.ShowDateTime(item.At)}  {T(TextId.UiAdvice)} {AdviceText.Row(a, AmsterdamTime.Today(App.Clock), App.Lang)}";
        if (item.Mandate is { } m)
            return $"{AmsterdamTime.ShowDateTime(item.At)}  {MandateRow(m)}";
        if (item.Budget is { } b)
            return $"{AmsterdamTime.ShowDateTime(item.At)}  {BudgetRow(b)}";
        if (item.Fund is { } f)
            return $"{AmsterdamTime.ShowDateTime(item.At)}  {FundRow(f)}";
        if (item.Pause is { } p)
            return PauseRow(p);
        if (item.Escalation is { } e)
            return $"{DateText.Show(AmsterdamTime.DayOf(e.At))}        {EscalationRow(e)}";

        var v = item.Visit!;
        var zrm = v.Zrm is { Scores.Count: > 0 } z ? $"  ZRM {z.Scores.Count}/{z.Version.Domains.Count}" : "";
        return $"{DateText.Show(v.Date)}        {T(TextId.UiVisit)}{zrm}  {v.Notes.ReplaceLineEndings(" ")}";
    }

    private string MandateRow(DecisionTimelineEntry entry)
    {
        var d = entry.Decision;
        return entry.Kind switch
        {
            DecisionEventKind.FollowedUp => T(TextId.UiTimelineDecisionFollowUp, EnumTexts.Name(d.FollowUp!.Result, App.Lang), d.FollowUp.HowItEnded.ReplaceLineEndings(" ")),
            DecisionEventKind.Addendum => T(TextId.UiTimelineDecisionAddendum, entry.Addendum!.Text.ReplaceLineEndings(" ")),
            _ => T(TextId.UiTimelineDecision, DecisionText.FollowUpState(App, d, AmsterdamTime.Today(App.Clock)), d.Department, d.Decision.ReplaceLineEndings(" ")),
        };
    }

    private string BudgetRow(BudgetTimelineEntry entry)
    {
        var r = entry.Request;
        return entry.Kind switch
        {
            BudgetEventKind.Approved => T(TextId.UiTimelineBudgetApproved, r.Amount.ToString(), r.What.ReplaceLineEndings(" ")),
            BudgetEventKind.Closed => T(TextId.UiTimelineBudgetClosed, EnumTexts.Name(r.Status, App.Lang),
                r.Outcome!.Note.Length > 0 ? r.Outcome.Note.ReplaceLineEndings(" ") : r.What.ReplaceLineEndings(" ")),
            _ => T(TextId.UiTimelineBudgetRequested, EnumTexts.Name(r.Status, App.Lang), r.Amount.ToString(), r.What.ReplaceLineEndings(" ")),
        };
    }

    private string FundRow(FundTimelineEntry entry)
    {
        var r = entry.Request;
        return entry.Kind switch
        {
            FundEventKind.Decided when r.Status == FundRequestStatus.Refused => T(TextId.UiTimelineFundRefused, r.Decision!.Note.ReplaceLineEndings(" ")),
            FundEventKind.Decided => T(TextId.UiTimelineFundApproved, r.Amount, r.Purpose.ReplaceLineEndings(" ")),
            FundEventKind.PaidOut => T(TextId.UiTimelineFundPaidOut, r.Amount, r.Payee),
            FundEventKind.Evaluated => T(TextId.UiTimelineFundEvaluated, FundText.YesNo(App, r.Evaluation!.Worked), FundText.YesNo(App, r.Evaluation.Durable), r.Evaluation.Note.ReplaceLineEndings(" ")),
            FundEventKind.Settled => T(TextId.UiTimelineFundSettled, string.Join(", ", r.Settlement!.Shares.Select(s => s.Partner))),
            _ => T(TextId.UiTimelineFundRequested, EnumTexts.Name(r.Status, App.Lang), r.Amount, r.Purpose.ReplaceLineEndings(" ")),
        };
    }

    /// <summary>A pause's recording is dated (no time, as a visit); a lift or extension is timed.</summary>
    private string PauseRow(PauseTimelineEntry entry)
    {
        var p = entry.Pause.Current;
        var row = entry.Step switch
        {
            { Kind: PauseStepKind.Lift } lift => $"{AmsterdamTime.ShowDateTime(lift.At)}  {T(TextId.UiTimelinePauseLifted, lift.Reason.ReplaceLineEndings(" "))}",
            { } extend => $"{AmsterdamTime.ShowDateTime(extend.At)}  {T(TextId.UiTimelinePauseExtended, DateText.Show(extend.NewEnd!.Value), extend.Reason.ReplaceLineEndings(" "))}",
            null => $"{DateText.Show(entry.Pause.Recorded.StartsOn)}        {T(TextId.UiTimelinePause, EscalationText.State(App, p, AmsterdamTime.Today(App.Clock)), p.Department, p.Action, DateText.Show(p.EndsOn))}",
        };
        return entry.Refusal is { } refusal ? $"{row} ({T(TextId.UiPauseStepRefused, refusal)})" : row;
    }

    private string EscalationRow(EscalationTimelineEntry entry)
    {
        var e = entry.Escalation;
        return entry.Closed
            ? T(TextId.UiTimelineEscalationClosed, EnumTexts.Name(e.Level, App.Lang), e.Outcome.ReplaceLineEndings(" "))
            : T(TextId.UiTimelineEscalation, EnumTexts.Name(e.Level, App.Lang), EscalationText.State(App, e, AmsterdamTime.Today(App.Clock)), e.Reason.ReplaceLineEndings(" "));
    }

    private void Escalate()
    {
        var form = EscalationFormScreen.For(App, _clientId, _dossier!.Client.Name.Full);
        if (form.IsValid)
            App.Push(form.Value);
        else
            App.Notify(T(TextId.UiEscalationCannot, form.Problem.Describe(App.Lang)));
    }

    private void NewFundRequest()
    {
        if (FundRequestFormScreen.WhyNot(App) is { } why)
            App.Notify(why);
        else
            App.Push(FundRequestFormScreen.For(App, _dossier!.Client));
    }

    /// <summary>Only a team leader with a valid mandate gets the form; anyone else learns why not, in the server's words.</summary>
    private void NewMandateDecision()
    {
        var form = MandateDecisionFormScreen.For(App, _dossier!.Client);
        if (form.IsValid)
            App.Push(form.Value);
        else
            App.Notify(T(TextId.UiMandateCannotDecide, form.Problem!.Describe(App.Lang)));
    }

    private Signal? SelectedSignal => _timeline.SelectedItem?.Signal;

    private bool CanMove(SignalStatus next) => SelectedSignal is { } s && SignalTransitions.IsAllowed(s.Status, next);

    /// <summary>A signal never moves back, so the one key that moves it asks first.</summary>
    private void Move(SignalStatus next)
    {
        var signal = SelectedSignal!;
        ConfirmScreen.Show(App.Screens, new ConfirmDialog(T(TextId.UiSignalMoveQuestion, next), T(TextId.UiYes), T(TextId.UiNo)), yes =>
        {
            if (yes)
                MoveNow(signal, next);
        });
    }

    private void MoveNow(Signal signal, SignalStatus next)
    {
        try
        {
            App.Store.Signals.Move(signal, next, App.Clock.GetUtcNow());
            App.Notify(T(TextId.UiSignalMoved, next));
        }
        catch (DomainException refused)
        {
            App.Notify(refused.Problem.Describe(App.Lang));
        }

        App.RefreshStatus();
        Load();
    }

    /// <summary>
    /// The client's mandate decisions (with their follow-ups and addenda), budget requests (with their approval
    /// and outcome) and fund requests (with the secretariat's steps), merged into the timeline newest first.
    /// </summary>
    private List<TimelineItem> WithDecisions(IReadOnlyList<TimelineItem> timeline)
    {
        var decisions = App.Store.MandateDecisions.ForClient(_clientId);
        return timeline.Concat(decisions.SelectMany(d => DecisionTimelineEntry.Items(d, App.Store.MandateDecisions.Addenda(d.Id))))
            .Concat(App.Store.Budget.ForClient(_clientId).SelectMany(BudgetTimelineEntry.Items))
            .Concat(App.Store.Fund.ForClient(_clientId).SelectMany(FundTimelineEntry.Items))
            .Concat(App.Store.Pauses.ForClient(_clientId).SelectMany(PauseTimelineEntry.Items))
            .Concat(App.Store.Escalations.ForClient(_clientId).SelectMany(EscalationTimelineEntry.Items))
            .OrderByDescending(i => i.At)
            .ToList();
    }

    private void Load()
    {
        _dossier = App.Store.Dossiers.Open(_clientId);
        _conflicts = App.Store.Conflicts.Open().Where(c => c.ClientId == _clientId.Value).ToList();
        var selected = _timeline.SelectedIndex;
        _timeline.SetItems(_dossier is null ? [] : WithDecisions(_dossier.Timeline(AmsterdamTime.Zone)));
        _timeline.Select(Math.Max(0, selected));
    }
}
