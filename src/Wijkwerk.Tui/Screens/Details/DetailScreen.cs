using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Details;

/// <summary>
/// A read-only record in full: its lines wrapped to the width (never cut), scrolled with the arrows and the
/// page keys. Letters stay commands; the content takes no keys.
/// </summary>
public abstract class DetailScreen : AppScreen
{
    private readonly TextView _view = new();
    // Built once, not on every frame: the names in them cost a query and a decryption each.
    private bool _built;

    protected DetailScreen(WijkwerkApp app)
        : base(app)
    {
        Command("back", TextId.CmdBack, [KeyInput.Escape], App.Back);
        Command("up", TextId.CmdScroll, [KeyInput.Up, KeyInput.Character('k')], () => _view.ScrollRows(-1), inStatusBar: false);
        Command("down", TextId.CmdScroll, [KeyInput.Down, KeyInput.Character('j')], () => _view.ScrollRows(1), inStatusBar: false);
        Command("pageup", TextId.CmdPage, [KeyInput.PageUp], () => _view.ScrollBy(-1), inStatusBar: false);
        Command("pagedown", TextId.CmdPage, [KeyInput.PageDown], () => _view.ScrollBy(1), inStatusBar: false);
    }

    /// <summary>The record as lines of text; each is wrapped on its own, continuation rows indented like the line.</summary>
    protected abstract IReadOnlyList<TextLine> Lines();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        if (!_built)
        {
            _view.SetLines(Lines());
            _built = true;
        }

        _view.Render(buffer, area, focused: false);
    }

    protected override bool HandleContentKey(KeyInput key) => false;

    /// <summary>Back on top after another screen (a sync may have named a colleague): the lines are built again.</summary>
    public override void OnResumed() => _built = false;

    protected string Who(Id<Worker>? worker) => WhoText.Of(App, worker);
}
