using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage.Repositories;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Budget;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Escalations;
using Wijkwerk.Tui.Screens.Mandates;
using Wijkwerk.Tui.Screens.Patterns;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Home;

/// <summary>
/// The start of the day: my open signals (and those nobody has yet), eropaf first by deadline, a
/// missed deadline marked with "!" and in bold red; today's counts above, and for the Wmo consultant
/// how many advices wait for review. A team leader sees the whole team's open signals (with whom each is)
/// and, above them, the mandate decisions whose follow-up is due, the late ones first and in words.
/// "/" filters the list on what its rows say, as on every list screen.
/// </summary>
public sealed class HomeScreen : AppScreen
{
    // More rows than the tallest screen shows; only eropaf signals can be overdue, and they all come first.
    private const int FirstScreenful = 100;

    private readonly ListView<OpenSignal> _signals;
    private readonly FilteredList<OpenSignal> _filtered;
    private readonly TableColumns _columns;
    // Names of the clients whose signals were on screen since the last load: only those are ever decrypted.
    private readonly Dictionary<Id<Client>, string> _names = [];
    private string _counts = "";
    private string _adviceCounts = "";
    private IReadOnlyList<MandateDecision> _followUpsDue = [];
    private int _awaitingMyVote;
    private IReadOnlyList<PauseReminder> _pauseReminders = [];
    private int _escalationsDue;
    private int _newPatterns;
    private int _loads;

    public HomeScreen(WijkwerkApp app)
        : base(app)
    {
        _columns = new TableColumns(
        [
            new TableColumn(T(TextId.UiHomeColumnWhen), MinWidth: 24, Keep: 3),
            new TableColumn(T(TextId.UiQueueColumnStatus), MinWidth: 12, Keep: 2),
            new TableColumn(T(TextId.UiQueueColumnClient), MinWidth: 16, Weight: 1, MaxWidth: 40, Keep: 3),
            new TableColumn(T(TextId.FieldSource), MinWidth: 10, Weight: 1, MaxWidth: 26),
            .. (IsTeamLeader ? new[] { new TableColumn(T(TextId.UiHomeColumnAssignee), MinWidth: 10, Weight: 1, MaxWidth: 24, Keep: 2) } : []),
        ]);
        _signals = new ListView<OpenSignal>(Format)
        {
            EmptyText = T(TextId.UiHomeNoSignals),
            RowStyle = s => s.Overdue ? WidgetStyles.Error : CellStyle.Default,
        };
        _signals.Activated += s => App.Push(new DossierScreen(App, s.Signal.ClientId));
        _filtered = FilteredList(_signals, Matching);
        Command("open", TextId.CmdOpenDossier, [KeyInput.Enter], () => _signals.HandleKey(KeyInput.Enter), () => _signals.SelectedItem is not null);
        // The consultant's daily work is the advice queue: its hint comes before the client list.
        if (IsConsultant)
            Command(WijkwerkApp.AdviceQueueCommand, TextId.CmdAdviceQueue, [KeyInput.Character('5')], App.GoAdvices);
        if (IsTeamLeader)
            Command("decisions", TextId.CmdMandateDecisions, [KeyInput.Character('7')], () => App.Push(new DecisionsScreen(App)));
        // Only a laptop of a team the server named (its budget travels with it) gets the budget keys.
        if (App.Store.Budget.Me.Teams.Count > 0)
        {
            Command("budget-inbox", TextId.CmdBudgetInbox, [KeyInput.Character('8')], () => App.Push(new BudgetInboxScreen(App)), () => _awaitingMyVote > 0);
            Command("budget-ledger", TextId.CmdBudgetLedger, [KeyInput.Character('9')], () => App.Push(new BudgetLedgerScreen(App)), inStatusBar: false);
        }

        // Issue 14: the reminders below name the key; the list is for whoever records dossier work.
        if (App.Store.Identity.Role.RecordsSignalsAndVisits())
            Command("escalations", TextId.CmdEscalationsAndPauses, [KeyInput.Character('3')], () => App.Push(new EscalationsScreen(App)), inStatusBar: false);
        // Listed in help and named on home's line about new patterns; the status bar keeps room for F5.
        if (IsTeamLeader)
            Command("patterns", TextId.CmdPatterns, [KeyInput.Character('w')], () => App.Push(new PatternsScreen(App)), inStatusBar: false);
        Command("clients", TextId.CmdClients, [KeyInput.Character('c')], App.GoClients);
        // After the keys to the day's work: home is where the day starts, filtering it is the exception.
        FilterCommands(_filtered, isRoot: true);
        Load();
    }

    public override string Title => T(TextId.UiHomeTitle);

    public override CellPosition? Cursor => _filtered.Cursor;

    public IReadOnlyList<OpenSignal> Signals => _signals.VisibleItems;

    public override void OnResumed() => Load();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var followUps = BudgetInboxLine().Concat(NewPatternsLine()).Concat(PauseAndEscalationLines()).Concat(FollowUpLines(area.Height / 4)).ToList();
        var rows = area.SplitRows(LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fixed(followUps.Count), LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fill());
        buffer.PutLine(rows[0], 0, CellText.Truncate(" " + _counts, area.Width), CellStyle.Bold);
        buffer.PutLine(rows[1], 0, CellText.Truncate(" " + _adviceCounts, area.Width), CellStyle.Default);
        for (var i = 0; i < followUps.Count; i++)
            buffer.PutLine(rows[2], i, CellText.Truncate(" " + followUps[i].Text, area.Width), followUps[i].Style);
        buffer.PutLine(rows[3], 0, CellText.Truncate(" " + T(IsTeamLeader ? TextId.UiHomeTeamSignalsHeading : TextId.UiHomeSignalsHeading), area.Width), CellStyle.Bold);
        _filtered.RenderFilter(buffer, rows[4].Inset(1, 0));
        buffer.PutLine(rows[5], 0, WidgetStyles.NoMarker + _columns.Heading(ListView<OpenSignal>.TextWidth(area.Width)), CellStyle.Underline);
        _filtered.RenderList(buffer, rows[6]);
    }

    protected override bool HandleContentKey(KeyInput key) => _filtered.HandleKey(key);

    // Only while filtering are the names of every listed signal decrypted, not when home opens.
    private Func<OpenSignal, bool> Matching(string text) =>
        s => Cells(s).Any(cell => cell.Contains(text.Trim(), StringComparison.CurrentCultureIgnoreCase));

    private void Load()
    {
        var store = App.Store;
        var now = App.Clock.GetUtcNow();
        var mineOrUnassigned = IsTeamLeader ? (Id<Worker>?)null : store.Identity.WorkerId;
        // Headers only, already in order; a client's name is decrypted when its row is drawn.
        _names.Clear();
        var open = store.Signals.OpenHeaders(mineOrUnassigned, FirstScreenful);
        OpenSignal Row(SignalHeader s) => new(s, s.EropafStateAt(now) == EropafState.Missed);
        var shown = open.Headers.Select(Row).ToList();
        _signals.SetItems(shown);
        _filtered.Reapply();
        // A caseload of thousands: the first frame needs a screenful, the rest follows right after it, before a
        // key can be read. A newer load (back from a dossier) makes this one moot.
        var load = ++_loads;
        if (!open.Complete)
            App.Loop.Post(() =>
            {
                if (load != _loads)
                    return;
                var rest = store.Signals.OpenHeadersAfter(open.Headers[^1], mineOrUnassigned);
                _signals.SetItems([.. shown, .. rest.Select(Row)]);
                _filtered.Reapply();
            });

        var today = AmsterdamTime.Today(App.Clock);
        _followUpsDue = IsTeamLeader ? store.MandateDecisions.FollowUpsDue(today) : [];
        // Counted on plain columns: nothing about a colleague's request is decrypted or logged to show the number.
        _awaitingMyVote = store.Budget.CountAwaitingMyVote();
        // From plain columns too; only the few clients with a reminder have their name decrypted, when drawn.
        var recordsDossier = store.Identity.Role.RecordsSignalsAndVisits();
        _pauseReminders = recordsDossier ? store.Pauses.Reminders() : [];
        _escalationsDue = recordsDossier ? store.Escalations.CountFollowUpDue() : 0;
        _newPatterns = IsTeamLeader ? store.Patterns.NewCount() : 0;
        _counts = T(TextId.UiHomeCounts,
            new Count(store.Signals.CountReportedSince(AmsterdamTime.StartOf(today)), Noun.Signal),
            new Count(store.Dossiers.CountVisitsOn(today), Noun.HomeVisit),
            open.Count,
            shown.Count(s => s.Overdue));
        // Counted from plain columns: home is shown many times a day and opens nothing about a client here.
        if (IsConsultant && store.Advices.CountAwaitingReview(today) is var (awaiting, overdue))
            _adviceCounts = T(TextId.UiHomeAdviceCounts, awaiting, overdue);
        // The author learns here, after a sync, that the consultant asked something.
        else if (AdviceWorkflow.ActorFor(App.Store.Identity.Role) == AdviceActor.Author && store.Advices.CountOwnOpenWork() is var (questions, concepts))
            _adviceCounts = questions + concepts == 0 ? "" : T(TextId.UiHomeAuthorAdviceCounts, questions, concepts);
    }

    private bool IsConsultant => App.Store.Identity.Role == Role.WmoConsultant;

    private bool IsTeamLeader => App.Store.Identity.Role == Role.TeamLeader;

    /// <summary>"3 verzoeken wachten op uw akkoord (toets 8)" when colleagues' budget requests wait for my vote; nothing otherwise.</summary>
    private IEnumerable<(string Text, CellStyle Style)> BudgetInboxLine()
    {
        if (_awaitingMyVote > 0)
            yield return (T(TextId.UiHomeBudgetInbox, new Count(_awaitingMyVote, Noun.BudgetRequest), Plurals.Choose(_awaitingMyVote, ("wacht", "wachten", "awaits", "await"), App.Lang)), CellStyle.Bold);
    }

    /// <summary>"2 nieuwe patronen voor de werktafel (toets w)" for a team leader when patterns were raised and not yet discussed.</summary>
    private IEnumerable<(string Text, CellStyle Style)> NewPatternsLine()
    {
        if (_newPatterns > 0)
            yield return (T(TextId.UiHomeNewPatterns, $"{_newPatterns} {Plurals.Choose(_newPatterns, ("nieuw patroon", "nieuwe patronen", "new pattern", "new patterns"), App.Lang)}"), CellStyle.Bold);
    }

    /// <summary>
    /// "Pauze loopt af op …" for each pause ending within a week, a marked line for each that ended without being lifted
    /// (at most <see cref="MaxPauseLines"/>, the most urgent first), and how many escalations wait for their follow-up.
    /// </summary>
    private IEnumerable<(string Text, CellStyle Style)> PauseAndEscalationLines()
    {
        foreach (var pause in _pauseReminders.Take(MaxPauseLines))
        {
            yield return pause.State == PauseState.Ended
                ? (T(TextId.UiHomePauseEnded, DateText.Show(pause.EndsOn), ClientName(pause.ClientId), pause.Department), WidgetStyles.Error)
                : (T(TextId.UiHomePauseEnding, DateText.Show(pause.EndsOn), ClientName(pause.ClientId), pause.Department), CellStyle.Bold);
        }

        if (_escalationsDue > 0)
            yield return (T(TextId.UiHomeEscalationsDue, _escalationsDue), CellStyle.Bold);
    }

    /// <summary>Room for the pause reminders above the signals; the rest are one key away (3).</summary>
    private const int MaxPauseLines = 3;

    /// <summary>
    /// The team leader's follow-ups: a count line (with the key to the list), then the due decisions themselves,
    /// as many as fit in <paramref name="room"/> rows; nothing for anyone else or when none is due.
    /// </summary>
    private List<(string Text, CellStyle Style)> FollowUpLines(int room)
    {
        if (_followUpsDue.Count == 0 || room < 1)
            return [];
        var today = AmsterdamTime.Today(App.Clock);
        var lines = new List<(string, CellStyle)> { (T(TextId.UiHomeFollowUps, _followUpsDue.Count, _followUpsDue.Count(d => DecisionText.IsOverdue(d, today))), CellStyle.Bold) };
        lines.AddRange(_followUpsDue.Take(room - 1).Select(d => (
            $"  {DecisionText.FollowUpState(App, d, today)}  {ClientName(d.ClientId)} · {d.Department}", DecisionText.Style(d, today))));
        return lines;
    }

    private string Format(OpenSignal s, int width) => _columns.Row(width, Cells(s));

    private string[] Cells(OpenSignal s)
    {
        var signal = s.Signal;
        var urgency = EropafText(App, signal) ?? T(TextId.UiReportedOn, AmsterdamTime.ShowDateTime(signal.ReportedAt));
        string[] cells = [urgency, EnumTexts.Name(signal.Status, App.Lang), ClientName(signal.ClientId), EnumTexts.Name(signal.Source, App.Lang)];
        return IsTeamLeader ? [.. cells, WhoText.Of(App, signal.Assignee)] : cells;
    }

    private string ClientName(Id<Client> id)
    {
        if (!_names.TryGetValue(id, out var name))
            _names[id] = name = App.Store.Clients.NameOf(id)?.SortForm ?? "";
        return name;
    }

    /// <summary>Where an eropaf signal stands, always in words (and a "!" when missed), never by colour alone.</summary>
    public static string? EropafText(WijkwerkApp app, Signal signal) => EropafText(app, signal.Header);

    /// <inheritdoc cref="EropafText(WijkwerkApp, Signal)"/>
    public static string? EropafText(WijkwerkApp app, SignalHeader signal) => signal.Deadline is not { } deadline ? null : signal.EropafStateAt(app.Clock.GetUtcNow()) switch
    {
        EropafState.Missed => "! " + app.T(TextId.UiEropafMissed, AmsterdamTime.ShowTime(deadline)),
        EropafState.Met => app.T(TextId.UiEropafMet),
        _ => app.T(TextId.UiEropafDue, AmsterdamTime.ShowTime(deadline)),
    };

    /// <summary>One row of the home list: the signal, whose it is, and whether its eropaf deadline passed.</summary>
    public sealed record OpenSignal(SignalHeader Signal, bool Overdue);
}
