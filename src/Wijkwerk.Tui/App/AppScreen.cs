using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.App;

/// <summary>
/// A full screen of the app: title line, content, and the status bar. Keys go to the content first,
/// then to this screen's commands, then to the app's global commands — the same tables the status bar
/// and the help overlay read.
/// </summary>
public abstract class AppScreen : IScreen
{
    protected AppScreen(WijkwerkApp app)
    {
        App = app;
        Commands = new CommandTable();
    }

    protected WijkwerkApp App { get; }

    /// <summary>This screen's own commands, shown before the global ones.</summary>
    public CommandTable Commands { get; }

    public CommandTable AllCommands => CommandTable.Combine(Commands, App.GlobalCommands);

    public abstract string Title { get; }

    public virtual CellPosition? Cursor => null;

    /// <summary>True while a form holds typing that is not saved; quitting then asks first.</summary>
    public virtual bool HasUnsavedChanges => false;

    public void Render(ScreenBuffer buffer)
    {
        App.DropMessageOfCoveredScreen();
        // A message takes rows from the content, above the status line, for as long as it shows.
        var message = App.Toast.Lines(buffer.Width).Count;
        var rows = buffer.Bounds.SplitRows(LayoutSize.Fixed(1), LayoutSize.Fill(), LayoutSize.Fixed(Math.Min(message, buffer.Height / 3)), LayoutSize.Fixed(1));
        var title = " Wijkwerk · " + Title;
        buffer.PutLine(rows[0], 0, CellText.Truncate(title, rows[0].Width), WidgetStyles.Bar);
        RenderContent(buffer, rows[1]);
        App.Toast.Render(buffer, rows[2], focused: false);
        App.RenderStatus(buffer, rows[3], AllCommands);
    }

    public bool HandleKey(KeyInput key)
    {
        App.NoteActivity();
        return HandleContentKey(key) || Commands.TryDispatch(key) || App.GlobalCommands.TryDispatch(key);
    }

    /// <summary>Called when the screen comes back on top, e.g. after a form saved: reload what may have changed.</summary>
    public virtual void OnResumed()
    {
    }

    protected abstract void RenderContent(ScreenBuffer buffer, Rect area);

    protected abstract bool HandleContentKey(KeyInput key);

    protected string T(TextId id, params object[] args) => App.T(id, args);

    /// <summary>The movement keys of a list, listed in the help overlay like every other key.</summary>
    protected void ListCommands<T>(ListView<T> list)
    {
        Command("up", TextId.CmdUp, [KeyInput.Up, KeyInput.Character('k')], () => list.HandleKey(KeyInput.Up), inStatusBar: false);
        Command("down", TextId.CmdDown, [KeyInput.Down, KeyInput.Character('j')], () => list.HandleKey(KeyInput.Down), inStatusBar: false);
        Command("page", TextId.CmdPage, [KeyInput.PageUp, KeyInput.PageDown], () => list.HandleKey(KeyInput.PageDown), inStatusBar: false);
    }

    /// <summary>
    /// A list with a filter line, keyed the same on every list screen. Call it before the screen's own
    /// commands: while the filter has the focus its Enter (to the list, filter kept) and Esc (filter cleared)
    /// must win over the screen's Enter and Esc. <see cref="FilterCommands"/> adds the keys of the list side.
    /// </summary>
    protected FilteredList<TItem> FilteredList<TItem>(ListView<TItem> list, Func<string, Func<TItem, bool>?> matching)
    {
        var filter = new TextField(T(TextId.UiFilterLabel), maxLength: 60) { LabelWidth = 10, Placeholder = T(TextId.UiFilterPlaceholder) };
        var filtered = new FilteredList<TItem>(list, filter, matching);
        Command("filter-done", TextId.CmdFilterDone, [KeyInput.Enter, KeyInput.Tab], filtered.LeaveFilter, () => filtered.FilterFocused);
        Command("filter-cancel", TextId.CmdFilterCancel, [KeyInput.Escape], filtered.CancelFilter, () => filtered.FilterFocused);
        return filtered;
    }

    /// <summary>"/" to filter, and Esc that first clears a kept filter and only then goes back; with the list's movement keys.</summary>
    /// <param name="isRoot">The first screen, with nothing to go back to: Esc only clears a kept filter, and only then is it offered.</param>
    protected void FilterCommands<TItem>(FilteredList<TItem> filtered, bool isRoot = false)
    {
        Command("filter", TextId.CmdFilter, [KeyInput.Character('/')], filtered.FocusFilter, () => !filtered.FilterFocused);
        if (isRoot)
        {
            Command("filter-clear", TextId.CmdFilterCancel, [KeyInput.Escape], () => filtered.ClearFilter(),
                () => !filtered.FilterFocused && filtered.Filter.Text.Length > 0);
        }
        else
        {
            Command("back", TextId.CmdBack, [KeyInput.Escape], () =>
            {
                if (!filtered.ClearFilter())
                    App.Back();
            });
        }

        ListCommands(filtered.List);
    }

    protected void Command(string id, TextId label, IReadOnlyList<KeyInput> keys, Action handler, Func<bool>? enabled = null, bool inStatusBar = true) =>
        Commands.Add(new CommandDefinition(id, Texts.Get(label, Lang.Nl), Texts.Get(label, Lang.En), keys, enabled ?? (() => true), handler) { ShowInStatusBar = inStatusBar });
}
