using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Home;

/// <summary>
/// The start of the day: my open signals (and those nobody has yet), eropaf first by deadline, a
/// missed deadline marked with "!" and in bold red; today's counts above, and for the Wmo consultant
/// how many advices wait for review.
/// </summary>
public sealed class HomeScreen : AppScreen
{
    private readonly ListView<OpenSignal> _signals;
    private string _counts = "";
    private string _adviceCounts = "";

    public HomeScreen(WijkwerkApp app)
        : base(app)
    {
        _signals = new ListView<OpenSignal>(Format)
        {
            EmptyText = T(TextId.UiHomeNoSignals),
            RowStyle = s => s.Overdue ? WidgetStyles.Error : CellStyle.Default,
        };
        _signals.Activated += s => App.Push(new DossierScreen(App, s.Client.Id));
        Command("open", TextId.CmdOpenDossier, [KeyInput.Enter], () => _signals.HandleKey(KeyInput.Enter), () => _signals.SelectedItem is not null);
        ListCommands(_signals);
        // The consultant's daily work is the advice queue: its hint comes before the client list.
        if (IsConsultant)
            Command(WijkwerkApp.AdviceQueueCommand, TextId.CmdAdviceQueue, [KeyInput.Character('5')], App.GoAdvices);
        Command("clients", TextId.CmdClients, [KeyInput.Character('c')], App.GoClients);
        Load();
    }

    public override string Title => T(TextId.UiHomeTitle);

    public override CellPosition? Cursor => _signals.Cursor;

    public IReadOnlyList<OpenSignal> Signals => _signals.VisibleItems;

    public override void OnResumed() => Load();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var rows = area.SplitRows(LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fill());
        buffer.PutLine(rows[0], 0, CellText.Truncate(" " + _counts, area.Width), CellStyle.Bold);
        buffer.PutLine(rows[1], 0, CellText.Truncate(" " + _adviceCounts, area.Width), CellStyle.Default);
        buffer.PutLine(rows[2], 0, CellText.Truncate(" " + T(TextId.UiHomeSignalsHeading), area.Width), CellStyle.Underline);
        _signals.Render(buffer, rows[3], focused: true);
    }

    protected override bool HandleContentKey(KeyInput key) => _signals.HandleKey(key);

    private void Load()
    {
        var store = App.Store;
        var now = App.Clock.GetUtcNow();
        var me = store.Identity.WorkerId;
        var clients = store.Clients.Search().ToDictionary(c => c.Id);
        var open = store.Signals.Open()
            .Where(s => s.Assignee is null || s.Assignee == me)
            .Where(s => clients.ContainsKey(s.ClientId))
            .Select(s => new OpenSignal(s, clients[s.ClientId], s.EropafStateAt(now) == EropafState.Missed))
            .OrderByDescending(s => s.Signal.Urgency == Urgency.Eropaf)
            .ThenBy(s => s.Signal.Deadline ?? DateTimeOffset.MaxValue)
            .ThenBy(s => s.Signal.ReportedAt)
            .ToList();
        _signals.SetItems(open);

        var today = AmsterdamTime.Today(App.Clock);
        _counts = T(TextId.UiHomeCounts,
            new Count(store.Signals.CountReportedSince(AmsterdamTime.StartOf(today)), Noun.Signal),
            new Count(store.Dossiers.CountVisitsOn(today), Noun.HomeVisit),
            open.Count,
            open.Count(s => s.Overdue));
        // Counted from plain columns: home is shown many times a day and opens nothing about a client here.
        if (IsConsultant && store.Advices.CountAwaitingReview(today) is var (awaiting, overdue))
            _adviceCounts = T(TextId.UiHomeAdviceCounts, awaiting, overdue);
        // The author learns here, after a sync, that the consultant asked something.
        else if (AdviceWorkflow.ActorFor(App.Store.Identity.Role) == AdviceActor.Author && store.Advices.CountOwnOpenWork() is var (questions, concepts))
            _adviceCounts = questions + concepts == 0 ? "" : T(TextId.UiHomeAuthorAdviceCounts, questions, concepts);
    }

    private bool IsConsultant => App.Store.Identity.Role == Role.WmoConsultant;

    private string Format(OpenSignal s)
    {
        var signal = s.Signal;
        var urgency = EropafText(App, signal) ?? T(TextId.UiReportedOn, AmsterdamTime.ShowDateTime(signal.ReportedAt));
        return $"{urgency,-26} {EnumTexts.Name(signal.Status, App.Lang),-10} {s.Client.Name.SortForm,-30} {EnumTexts.Name(signal.Source, App.Lang)}";
    }

    /// <summary>Where an eropaf signal stands, always in words (and a "!" when missed), never by colour alone.</summary>
    public static string? EropafText(WijkwerkApp app, Signal signal) => signal.Deadline is not { } deadline ? null : signal.EropafStateAt(app.Clock.GetUtcNow()) switch
    {
        EropafState.Missed => "! " + app.T(TextId.UiEropafMissed, AmsterdamTime.ShowTime(deadline)),
        EropafState.Met => app.T(TextId.UiEropafMet),
        _ => app.T(TextId.UiEropafDue, AmsterdamTime.ShowTime(deadline)),
    };

    /// <summary>One row of the home list: the signal, whose it is, and whether its eropaf deadline passed.</summary>
    public sealed record OpenSignal(Signal Signal, Client Client, bool Overdue);
}
