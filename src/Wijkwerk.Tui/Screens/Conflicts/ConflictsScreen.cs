using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Conflicts;

/// <summary>
/// Conflicts the server reported: two workers changed the same field. The worker keeps the saved value,
/// takes the other one, or merges both; nothing is decided without them.
/// </summary>
public sealed class ConflictsScreen : AppScreen
{
    private static readonly Dictionary<string, TextId> ColumnLabels = new()
    {
        ["first_name"] = TextId.FieldFirstName,
        ["surname_prefix"] = TextId.FieldPrefix,
        ["surname"] = TextId.FieldSurname,
        ["birth_date"] = TextId.FieldBirthDate,
        ["postcode"] = TextId.FieldPostcode,
        ["house_number"] = TextId.FieldHouseNumber,
        ["addition"] = TextId.FieldAddition,
        ["phone"] = TextId.FieldPhone,
        ["bsn"] = TextId.FieldBsn,
        ["notes"] = TextId.FieldNotes,
        ["observation"] = TextId.FieldObservation,
        ["deleted"] = TextId.UiConflictDeletion,
    };

    private readonly ListView<SyncConflict> _list;
    private Dictionary<Guid, string> _names = [];

    public ConflictsScreen(WijkwerkApp app)
        : base(app)
    {
        _list = new ListView<SyncConflict>(Format) { EmptyText = T(TextId.UiConflictsNone) };
        Command("keep", TextId.CmdKeepSaved, [KeyInput.Character('1')], () => Resolve(_list.SelectedItem!.KeptValue), HasSelection);
        Command("other", TextId.CmdTakeOther, [KeyInput.Character('2')], () => Resolve(_list.SelectedItem!.OtherValue), HasSelection);
        Command("merge", TextId.CmdMerge, [KeyInput.Character('m')], () => App.Push(new MergeConflictScreen(App, _list.SelectedItem!)), HasSelection);
        Command("back", TextId.CmdBack, [KeyInput.Escape], App.Back);
        ListCommands(_list);
        Load();
    }

    public override string Title => T(TextId.UiConflictsTitle);

    public override CellPosition? Cursor => _list.Cursor;

    public IReadOnlyList<SyncConflict> Conflicts => _list.VisibleItems;

    public override void OnResumed() => Load();

    public static string ColumnLabel(WijkwerkApp app, string column) => ColumnLabels.TryGetValue(column, out var id) ? app.T(id) : column;

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var rows = area.SplitRows(LayoutSize.Fixed(2), LayoutSize.Fill(), LayoutSize.Fixed(3));
        var hint = CellText.Wrap(T(TextId.UiConflictsHint), area.Width - 2);
        for (var i = 0; i < hint.Count && i < rows[0].Height; i++)
            buffer.PutLine(rows[0], i, " " + hint[i], CellStyle.Default);
        _list.Render(buffer, rows[1], focused: true);
        if (_list.SelectedItem is { } c)
        {
            buffer.PutLine(rows[2], 0, CellText.Truncate($" 1 {T(TextId.UiConflictKept)}: {Shown(c, c.KeptValue)}", area.Width), CellStyle.Bold);
            buffer.PutLine(rows[2], 1, CellText.Truncate($" 2 {T(TextId.UiConflictOther)}: {Shown(c, c.OtherValue)}", area.Width), CellStyle.Bold);
        }
    }

    protected override bool HandleContentKey(KeyInput key) => key != KeyInput.Enter && _list.HandleKey(key);

    /// <summary>A conflict about a deletion holds "1", "0" or the values pushed onto the deleted row: say which in words.</summary>
    private string Shown(SyncConflict c, string value) =>
        c.Column != "deleted" ? value.ReplaceLineEndings(" ")
        : value switch
        {
            "1" => T(TextId.UiConflictRowDeleted),
            "0" => T(TextId.UiConflictRowKept),
            _ => T(TextId.UiConflictEditOnDeleted),
        };

    private bool HasSelection() => _list.SelectedItem is not null;

    /// <summary>The value not chosen is gone once the choice syncs, so the one key that chooses asks first.</summary>
    private void Resolve(string value)
    {
        var conflict = _list.SelectedItem!;
        ConfirmScreen.Show(App.Screens, new ConfirmDialog(T(TextId.UiConflictResolveQuestion, Shown(conflict, value)), T(TextId.UiYes), T(TextId.UiNo)), yes =>
        {
            if (!yes)
                return;
            App.Store.Conflicts.Resolve(conflict, value);
            App.RefreshStatus();
            App.Notify(T(TextId.UiConflictResolved));
            Load();
        });
    }

    private void Load()
    {
        var conflicts = App.Store.Conflicts.Open();
        // Only the names this list shows are decrypted, not the caseload.
        _names = conflicts.Select(c => c.ClientId).OfType<Guid>().Distinct()
            .ToDictionary(id => id, id => App.Store.Clients.NameOf(new Id<Client>(id))?.SortForm ?? "-");
        _list.SetItems(conflicts);
    }

    private string Format(SyncConflict c)
    {
        var who = c.ClientId is { } id && _names.TryGetValue(id, out var name) ? name : "-";
        return $"{AmsterdamTime.ShowDateTime(c.At)}  {who,-28} {ColumnLabel(App, c.Column)}";
    }
}
