using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Conflicts;

/// <summary>
/// Conflicts the server reported: two workers changed the same field. The worker keeps the saved value,
/// takes the other one, or merges both; nothing is decided without them. Each value says whose it is and
/// when it came. "/" filters on client and field; from a dossier, the list holds that client's conflicts only.
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
    private readonly TableColumns _columns;
    private readonly FilteredList<SyncConflict> _filtered;
    private readonly Id<Client>? _client;
    private Dictionary<Guid, string> _names = [];
    // Who entered each value, looked up once per load rather than on every frame (a query and a decryption each).
    private readonly Dictionary<string, string> _workers = [];

    /// <param name="client">Only this client's conflicts, as opened from their dossier; null for all.</param>
    public ConflictsScreen(WijkwerkApp app, Id<Client>? client = null)
        : base(app)
    {
        _client = client;
        _columns = new TableColumns(
        [
            new TableColumn(T(TextId.UiHomeColumnWhen), MinWidth: 16, Keep: 2),
            new TableColumn(T(TextId.UiQueueColumnClient), MinWidth: 12, Weight: 3, MaxWidth: 48, Keep: 3),
            new TableColumn(T(TextId.UiConflictColumnField), MinWidth: 8, Weight: 1, MaxWidth: 30, Keep: 3),
        ]);
        _list = new ListView<SyncConflict>(Format) { EmptyText = T(TextId.UiConflictsNone) };
        _filtered = FilteredList(_list, Matching);
        Command("keep", TextId.CmdKeepSaved, [KeyInput.Character('1')], () => Resolve(_list.SelectedItem!.KeptValue), HasSelection);
        Command("other", TextId.CmdTakeOther, [KeyInput.Character('2')], () => Resolve(_list.SelectedItem!.OtherValue), HasSelection);
        Command("merge", TextId.CmdMerge, [KeyInput.Character('m')], () => App.Push(new MergeConflictScreen(App, _list.SelectedItem!)), HasSelection);
        FilterCommands(_filtered);
        Load();
    }

    public override string Title => T(TextId.UiConflictsTitle);

    public override CellPosition? Cursor => _filtered.Cursor;

    public IReadOnlyList<SyncConflict> Conflicts => _list.VisibleItems;

    public override void OnResumed() => Load();

    public static string ColumnLabel(WijkwerkApp app, string column) => ColumnLabels.TryGetValue(column, out var id) ? app.T(id) : column;

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var values = ValueLines(Math.Max(1, area.Width - 2));
        var hint = CellText.Wrap(T(TextId.UiConflictsHint), Math.Max(1, area.Width - 2));
        var rows = area.SplitRows(
            LayoutSize.Fixed(1), LayoutSize.Fixed(Math.Min(hint.Count, 2)), LayoutSize.Fixed(1), LayoutSize.Fill(), LayoutSize.Fixed(Math.Min(values.Count, area.Height / 2)));
        _filtered.RenderFilter(buffer, rows[0].Inset(1, 0));
        for (var i = 0; i < rows[1].Height; i++)
            buffer.PutLine(rows[1], i, " " + hint[i], CellStyle.Default);
        buffer.PutLine(rows[2], 0, WidgetStyles.NoMarker + _columns.Heading(ListView<SyncConflict>.TextWidth(area.Width)), CellStyle.Underline);
        _filtered.RenderList(buffer, rows[3]);
        for (var i = 0; i < rows[4].Height; i++)
            buffer.PutLine(rows[4], i, " " + values[i], CellStyle.Bold);
    }

    protected override bool HandleContentKey(KeyInput key) => _filtered.HandleKey(key);

    /// <summary>Both values of the selected conflict, wrapped, each with whose it is and when it reached the server.</summary>
    private List<string> ValueLines(int width)
    {
        if (_list.SelectedItem is not { } c)
            return [];
        var kept = $"1 {T(TextId.UiConflictKeptBy, Who(c.KeptBy))}: {Shown(c, c.KeptValue)}";
        var other = $"2 {T(TextId.UiConflictOtherBy, Who(c.OtherBy), AmsterdamTime.ShowDateTime(c.At))}: {Shown(c, c.OtherValue)}";
        return [.. CellText.Wrap(kept, width), .. CellText.Wrap(other, width)];
    }

    private string Who(string worker)
    {
        if (!_workers.TryGetValue(worker, out var name))
            _workers[worker] = name = WhoText.Of(App, worker);
        return name;
    }

    private Func<SyncConflict, bool> Matching(string text) =>
        c => Cells(c).Any(cell => cell.Contains(text.Trim(), StringComparison.CurrentCultureIgnoreCase));

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
        var conflicts = App.Store.Conflicts.Review().Where(c => _client is not { } only || c.ClientId == only.Value).ToList();
        // Only the names this list shows are decrypted, not the caseload.
        _workers.Clear();
        _names = conflicts.Select(c => c.ClientId).OfType<Guid>().Distinct()
            .ToDictionary(id => id, id => App.Store.Clients.NameOf(new Id<Client>(id))?.SortForm ?? "-");
        _list.SetItems(conflicts);
    }

    private string Format(SyncConflict c, int width) => _columns.Row(width, Cells(c));

    private string[] Cells(SyncConflict c)
    {
        var who = c.ClientId is { } id && _names.TryGetValue(id, out var name) ? name : "-";
        return [AmsterdamTime.ShowDateTime(c.At), who, ColumnLabel(App, c.Column)];
    }
}
