using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Conflicts;

/// <summary>Both values of a conflict in one text, for the worker to edit into the one that is right.</summary>
public sealed class MergeConflictScreen : AppScreen
{
    private readonly SyncConflict _conflict;
    private readonly TextArea _text;

    public MergeConflictScreen(WijkwerkApp app, SyncConflict conflict)
        : base(app)
    {
        _conflict = conflict;
        _text = new TextArea(ConflictsScreen.ColumnLabel(app, conflict.Column), 4000) { Text = conflict.KeptValue + "\n" + conflict.OtherValue };
        Command("save", TextId.CmdSave, [KeyInput.Ctrl('s')], Save);
        Command("cancel", TextId.CmdCancel, [KeyInput.Escape], App.Back);
    }

    public override string Title => T(TextId.UiMergeTitle);

    public override CellPosition? Cursor => _text.Cursor;

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        buffer.PutLine(area, 0, CellText.Truncate(" " + T(TextId.UiMergeHint), area.Width), CellStyle.Default);
        _text.Render(buffer, new Rect(area.X + 1, area.Y + 2, area.Width - 2, Math.Max(1, area.Height - 2)), focused: true);
    }

    protected override bool HandleContentKey(KeyInput key) => key != KeyInput.Escape && _text.HandleKey(key);

    private void Save()
    {
        App.Store.Conflicts.Resolve(_conflict, _text.Text.Trim());
        App.Back();
        App.Notify(T(TextId.UiConflictResolved));
    }
}
