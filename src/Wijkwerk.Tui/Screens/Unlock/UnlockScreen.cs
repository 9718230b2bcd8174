using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Unlock;

/// <summary>The passphrase prompt, at start and after the idle lock. Shows nothing of the caseload.</summary>
public sealed class UnlockScreen : AppScreen
{
    private readonly TextField _passphrase;
    private string? _error;

    public UnlockScreen(WijkwerkApp app)
        : base(app)
    {
        _passphrase = new TextField(T(TextId.UiPassphraseLabel), maxLength: 200) { Mask = '•', LabelWidth = 16 };
        Command("unlock", TextId.CmdUnlock, [KeyInput.Enter], Unlock);
    }

    public override string Title => T(TextId.UiUnlockTitle);

    public override CellPosition? Cursor => _passphrase.Cursor;

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var box = area.Center(Math.Min(70, area.Width), Math.Min(8, area.Height));
        var inner = Box.Draw(buffer, box, T(TextId.UiUnlockTitle)).Inset(1, 0);
        buffer.PutLine(inner, 0, CellText.Truncate(T(TextId.UiUnlockHint), inner.Width), CellStyle.Default);
        _passphrase.Render(buffer, inner.Row(2), focused: true);
        if (_error is not null)
            buffer.PutLine(inner, 4, CellText.Truncate("! " + _error, inner.Width), WidgetStyles.Error);
    }

    protected override bool HandleContentKey(KeyInput key) => key != KeyInput.Enter && _passphrase.HandleKey(key);

    private void Unlock()
    {
        _error = App.Unlock(_passphrase.Text);
        _passphrase.Text = "";
    }
}
