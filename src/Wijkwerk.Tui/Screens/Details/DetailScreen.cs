using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Screens.Details;

/// <summary>
/// A read-only record in full: its lines wrapped to the width (never cut), scrolled with the arrows and the
/// page keys. Letters stay commands; the content takes no keys.
/// </summary>
public abstract class DetailScreen : AppScreen
{
    private int _scroll;
    private int _page = 1;
    // Built once, not on every frame: the names in them cost a query and a decryption each.
    private IReadOnlyList<DetailLine>? _lines;

    protected DetailScreen(WijkwerkApp app)
        : base(app)
    {
        Command("back", TextId.CmdBack, [KeyInput.Escape], App.Back);
        Command("up", TextId.CmdScroll, [KeyInput.Up, KeyInput.Character('k')], () => ScrollBy(-1), inStatusBar: false);
        Command("down", TextId.CmdScroll, [KeyInput.Down, KeyInput.Character('j')], () => ScrollBy(1), inStatusBar: false);
        Command("pageup", TextId.CmdPage, [KeyInput.PageUp], () => ScrollBy(-_page), inStatusBar: false);
        Command("pagedown", TextId.CmdPage, [KeyInput.PageDown], () => ScrollBy(_page), inStatusBar: false);
    }

    /// <summary>The record as lines of text; each is wrapped on its own, continuation rows indented like the line.</summary>
    protected abstract IReadOnlyList<DetailLine> Lines();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        _page = Math.Max(1, area.Height - 1);
        var rows = Wrap(_lines ??= Lines(), Math.Max(1, area.Width - 2));
        _scroll = Math.Clamp(_scroll, 0, Math.Max(0, rows.Count - area.Height));
        for (var i = 0; i < area.Height && _scroll + i < rows.Count; i++)
            buffer.PutLine(area, i, " " + rows[_scroll + i].Text, rows[_scroll + i].Style);
    }

    protected override bool HandleContentKey(KeyInput key) => false;

    /// <summary>Back on top after another screen (a sync may have named a colleague): the lines are built again.</summary>
    public override void OnResumed() => _lines = null;

    protected string Who(Id<Worker>? worker) => WhoText.Of(App, worker);

    /// <summary>The one place read-only text is wrapped, so a shared wrapping widget can take its place.</summary>
    private static List<(string Text, CellStyle Style)> Wrap(IReadOnlyList<DetailLine> lines, int width) =>
        lines.SelectMany(l => (l.IsTableRow ? [CellText.Truncate(l.Text, width - l.Indent)] : CellText.Wrap(l.Text.ReplaceLineEndings("\n"), Math.Max(1, width - l.Indent)))
            .Select(text => (new string(' ', l.Indent) + text, l.Style))).ToList();

    private void ScrollBy(int rows) => _scroll = Math.Max(0, _scroll + rows);
}

/// <summary>One line of a detail view before wrapping; a table row keeps its column spacing and ends in "…" instead.</summary>
public sealed record DetailLine(string Text, CellStyle Style, int Indent = 0, bool IsTableRow = false)
{
    public static DetailLine Plain(string text, int indent = 0) => new(text, CellStyle.Default, indent);

    public static DetailLine TableRow(string text) => new(text, CellStyle.Default, IsTableRow: true);

    public static DetailLine Heading(string text) => new(text, CellStyle.Underline);

    public static DetailLine Blank { get; } = new("", CellStyle.Default);
}
