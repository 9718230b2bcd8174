using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Revoked;

/// <summary>
/// The last screen of a laptop the admin revoked: its store is gone, so this screen reads nothing from it
/// and only says what happened and how to leave.
/// </summary>
public sealed class RevokedScreen : AppScreen
{
    public RevokedScreen(WijkwerkApp app)
        : base(app)
    {
        Command("close", TextId.CmdQuit, [KeyInput.Enter], app.Quit);
    }

    public override string Title => T(TextId.UiRevokedTitle);

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var box = area.Center(Math.Min(70, area.Width), Math.Min(9, area.Height));
        var inner = Box.Draw(buffer, box, T(TextId.UiRevokedTitle)).Inset(1, 0);
        var message = CellText.Wrap(T(TextId.SyncRevokedWiped), inner.Width);
        var hint = CellText.Wrap(T(TextId.UiRevokedHint), inner.Width);
        for (var y = 0; y < message.Count; y++)
            buffer.PutLine(inner, y, message[y], CellStyle.Bold);
        for (var y = 0; y < hint.Count; y++)
            buffer.PutLine(inner, message.Count + 1 + y, hint[y], CellStyle.Default);
    }

    protected override bool HandleContentKey(KeyInput key) => false;
}
