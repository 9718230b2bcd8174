using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage.Repositories;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Details;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Patterns;

/// <summary>
/// One pattern in full: its figures, the cases per budget and per department as bars, the teams, every step with who
/// and when (mine waiting for the server marked so, and the server's reason if it refused my last one), and a key per
/// step <see cref="PatternRules"/> allows me now, each opening a form that is confirmed before it is kept.
/// </summary>
public sealed class PatternDetailScreen : DetailScreen
{
    private static readonly (PatternState To, string Id, TextId Label, char Key)[] Moves =
    [
        (PatternState.Discussed, "pattern-discussed", TextId.CmdPatternDiscussed, 'b'),
        (PatternState.FixAgreed, "pattern-fix", TextId.CmdPatternFixAgreed, 'o'),
        (PatternState.Closed, "pattern-close", TextId.CmdPatternClose, 'a'),
        (PatternState.Dismissed, "pattern-dismiss", TextId.CmdPatternDismiss, 'x'),
    ];

    private readonly Guid _id;
    private PatternView? _view;

    public PatternDetailScreen(WijkwerkApp app, Guid id)
        : base(app)
    {
        _id = id;
        foreach (var (to, commandId, label, key) in Moves)
            Command(commandId, label, [KeyInput.Character(key)], () => App.Push(PatternStepFormScreen.For(App, _view!, to)), () => Allows(to));
        Load();
    }

    public override string Title => T(TextId.UiPatternDetailTitle, _view?.Pattern.TagKey ?? "");

    public PatternView? View => _view;

    public bool Allows(PatternState to) => _view is { } view && App.Store.Patterns.AllowedMoves(view).Contains(to);

    public override void OnResumed()
    {
        Load();
        base.OnResumed();
    }

    protected override IReadOnlyList<TextLine> Lines()
    {
        if (_view is not { } view)
            return [TextLine.Plain(T(TextId.UiPatternsEmpty))];
        var p = view.Pattern;
        var lines = new List<TextLine>
        {
            new(T(TextId.UiPatternDetailState, EnumTexts.Name(p.State, App.Lang), p.Cases, p.Clients, p.Spent), CellStyle.Bold),
            TextLine.Plain(T(TextId.UiPatternDetailPeriod, DateText.Show(p.FirstCase), DateText.Show(p.LastCase), AmsterdamTime.ShowDateTime(p.RaisedAt))),
            TextLine.Plain(T(TextId.UiPatternDetailTeams, string.Join(", ", p.Teams))),
            TextLine.Plain(T(TextId.UiPatternDetailPrivacy)),
        };
        if (view.Refusal is { } refusal)
            lines.Add(new TextLine(T(TextId.UiPatternRefused, refusal), WidgetStyles.Error));
        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.UiPatternPerSource)));
        lines.AddRange(Bars(p.BySource, s => PatternSources.Label(s, App.Lang)));
        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.UiPatternPerDepartment)));
        lines.AddRange(p.ByDepartment.Count == 0 ? [TextLine.Plain(T(TextId.UiPatternNoDepartments))] : Bars(p.ByDepartment, d => d));
        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.UiPatternSteps)));
        if (view.Steps.Count == 0)
            lines.Add(TextLine.Plain(T(TextId.UiPatternNoSteps)));
        foreach (var step in view.Steps)
        {
            var s = step.Step;
            lines.Add(TextLine.Plain(T(TextId.UiPatternStepLine, AmsterdamTime.ShowDateTime(s.At), EnumTexts.Name(s.To, App.Lang), step.By)
                + (step.Pending ? T(TextId.UiPatternStepPending) : "")));
            if (s.Fix is { } fix)
                lines.Add(TextLine.Plain(T(TextId.UiPatternFixLine, fix.What, fix.Who, DateText.Show(fix.By)), indent: 2));
            if (s.Reason.Length > 0)
                lines.Add(TextLine.Plain(s.Reason, indent: 2));
        }

        lines.Add(TextLine.Blank);
        var allowed = App.Store.Patterns.AllowedMoves(view);
        lines.Add(TextLine.Plain(allowed.Count == 0 ? T(TextId.UiPatternNoActions)
            : T(TextId.UiPatternActions, string.Join(", ", Moves.Where(m => allowed.Contains(m.To)).Select(m => $"{m.Key} {T(m.Label)}")))));
        return lines;
    }

    private static IEnumerable<TextLine> Bars(IReadOnlyList<PatternShare> shares, Func<string, string> name)
    {
        var most = shares.Count == 0 ? 1 : shares.Max(s => s.Cases);
        return shares.Select(s => TextLine.TableRow(TextBars.Row(name(s.Name), s.Cases, most, $"{s.Cases,3} · {s.Spent,11}")));
    }

    private void Load() => _view = App.Store.Patterns.Find(_id);
}
