using System.Text.Json;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Forms;

/// <summary>
/// A form that never loses a word: every change is kept as an encrypted draft, problems show as you
/// type, Ctrl+S saves, and Esc asks before throwing typing away.
/// </summary>
public abstract class FormScreen : AppScreen
{
    private const int DefaultLabelWidth = 24;
    /// <summary>The draft entry that holds what the form was opened on; no field has this key.</summary>
    private const string OpenedKey = "$opened";
    /// <summary>The draft entries that hold where typing stopped: the field and the caret in it.</summary>
    private const string FocusKey = "$focus";
    private const string CaretKey = "$caret";
    private readonly List<FormField> _fields = [];
    private readonly FocusRing _focus = new();
    private readonly HashSet<string> _edited = [];
    private readonly TextView _info = new(style: CellStyle.Bold);
    private IReadOnlyList<Problem> _problems = [];
    private bool _showAllProblems;
    private bool _dirty;
    private bool _restoring;
    // A paste arrives as many keys at once: its draft is kept and checked once, before the next key or frame.
    private bool _pasting;
    private bool _changedByPaste;
    private int _scroll;

    protected FormScreen(WijkwerkApp app, string draftKey)
        : base(app)
    {
        DraftKey = draftKey;
        Command("save", TextId.CmdSave, [KeyInput.Ctrl('s')], () => Save(Store, SavedMessage));
        Command("cancel", TextId.CmdCancel, [KeyInput.Escape], Cancel);
        Command("next", TextId.CmdNextField, [KeyInput.Tab, KeyInput.ShiftTab], _focus.FocusNext, inStatusBar: false);
        Command("info-down", TextId.CmdScroll, [KeyInput.PageDown], () => _info.ScrollBy(1), () => _info.Overflows);
        Command("info-up", TextId.CmdScroll, [KeyInput.PageUp], () => _info.ScrollBy(-1), () => _info.Overflows, inStatusBar: false);
    }

    public string DraftKey { get; }

    /// <summary>Cells for the labels, so inputs line up; a form with long labels asks for more.</summary>
    protected virtual int LabelWidth => DefaultLabelWidth;

    public override bool HasUnsavedChanges => _dirty;

    public override CellPosition? Cursor => _focus.Cursor;

    public IReadOnlyList<Problem> Problems => _problems;

    /// <summary>
    /// What an edit form was opened on (the record's version and values, as text), kept in the draft so a
    /// draft restored days later still saves only what the person changed; null for a new record.
    /// </summary>
    protected string? OpenedState { get; set; }

    /// <summary>Read-only lines above the fields: what the form is about, and what it takes over unasked.</summary>
    protected virtual IReadOnlyList<string> InfoLines => [];

    public FormField Field(string key) => _fields.Single(f => f.Key == key);

    /// <summary>Puts a saved draft back into the fields. Returns false when there was none.</summary>
    public bool RestoreDraft()
    {
        if (App.Store.Drafts.Load(DraftKey) is not { } json)
            return false;
        var values = JsonSerializer.Deserialize(json, DraftJson.Default.DictionaryStringString) ?? [];
        if (values.Remove(OpenedKey, out var opened))
            OpenedState = opened;
        values.Remove(FocusKey, out var focus);
        values.Remove(CaretKey, out var caret);
        _restoring = true;
        foreach (var field in _fields)
        {
            if (values.TryGetValue(field.Key, out var value))
                field.Write(value);
        }

        if (_fields.FirstOrDefault(f => f.Key == focus) is { } typedIn)
        {
            _focus.Focus(typedIn.Widget);
            if (int.TryParse(caret, System.Globalization.CultureInfo.InvariantCulture, out var at))
                PlaceCaret(typedIn.Widget, at);
        }

        _restoring = false;
        _dirty = true;
        _edited.UnionWith(values.Keys);
        Revalidate();
        return true;
    }

    /// <summary>Checks every field the way the domain will; problems carry the field key.</summary>
    protected abstract IReadOnlyList<Problem> Check();

    /// <summary>Stores the record; only called when <see cref="Check"/> found nothing.</summary>
    protected abstract void Store();

    protected abstract TextId SavedMessage { get; }

    /// <summary>A question to answer with yes before a step that cannot be undone is stored; null saves at once.</summary>
    protected virtual string? ConfirmBeforeSave => null;

    protected void Add(FormField field)
    {
        _fields.Add(field);
        _focus.Add(field.Widget);
    }

    protected TextField Text(string key, TextId label, int maxLength = 200, string value = "") => Text(key, T(label), maxLength, value);

    protected TextField Text(string key, string label, int maxLength = 200, string value = "")
    {
        var field = new TextField(label, maxLength) { LabelWidth = LabelWidth, Text = value };
        field.Validator = _ => ErrorFor(key);
        field.Changed += _ => Changed();
        Add(new FormField(key, label, field, 1, () => field.Text, v => field.Text = v));
        return field;
    }

    /// <summary>A bottleneck tag, completed from and checked against the admin's list that came with the last sync.</summary>
    protected TagField Tag(string key, TextId label, int maxLength, string value = "")
    {
        var tag = new TagField(T(label), maxLength, App.Store.Reference.Tags(),
            new TagFieldTexts(T(TextId.UiTagFieldKnown), T(TextId.UiTagFieldMerged, "{0}"), T(TextId.UiTagFieldComplete, "{0}"), T(TextId.UiTagFieldNewProposal))) { Text = value };
        tag.Input.LabelWidth = LabelWidth;
        tag.Input.Validator = _ => ErrorFor(key);
        tag.Changed += _ => Changed();
        Add(new FormField(key, T(label), tag, 2, () => tag.Text, v => tag.Text = v));
        return tag;
    }

    protected TextArea Area(string key, TextId label, int rows, int maxLength, string value = "")
    {
        var area = new TextArea(T(label), maxLength) { Text = value };
        area.Changed += _ => Changed(key);
        Add(new FormField(key, T(label), area, rows + 1, () => area.Text, v => area.Text = v));
        return area;
    }

    protected DateField Date(string key, TextId label, string value = "")
    {
        var date = new DateField(T(label), T(TextId.UiDateInvalid), T(TextId.UiDateRequired)) { Text = value, Rule = () => ErrorFor(key) };
        date.Input.LabelWidth = LabelWidth;
        date.Changed += _ => Changed();
        Add(new FormField(key, T(label), date, 1, () => date.Text, v => date.Text = v));
        return date;
    }

    protected SelectField<TValue> Select<TValue>(string key, TextId label, IReadOnlyList<TValue> options, Func<TValue, string> format, int selected = 0) =>
        Select(key, T(label), options, format, selected);

    protected SelectField<TValue> Select<TValue>(string key, string label, IReadOnlyList<TValue> options, Func<TValue, string> format, int selected = 0)
    {
        var select = new SelectField<TValue>(label, options, format) { LabelWidth = LabelWidth, SelectedIndex = selected };
        // A choice is never empty, so its problem is one of combination: shown once anything was typed.
        select.Error = () => _dirty || _showAllProblems ? ErrorFor(key) : null;
        select.Changed += _ => Changed();
        Add(new FormField(key, label, select, 1, () => select.SelectedIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), v => select.SelectedIndex = int.TryParse(v, out var i) ? Math.Clamp(i, 0, options.Count - 1) : 0));
        return select;
    }

    protected MultiSelectField<TValue> Multi<TValue>(string key, TextId label, IReadOnlyList<TValue> options, Func<TValue, string> format)
    {
        var multi = new MultiSelectField<TValue>(T(label), options, format);
        multi.Changed += _ => Changed();
        Add(new FormField(key, T(label), multi, options.Count + 1,
            () => string.Join(',', Enumerable.Range(0, options.Count).Where(multi.IsChecked)),
            v =>
            {
                var chosen = v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToHashSet();
                for (var i = 0; i < options.Count; i++)
                    multi.SetChecked(i, chosen.Contains(i));
            }));
        return multi;
    }

    protected Checkbox Check(string key, TextId label, bool value)
    {
        var box = new Checkbox(T(label), value);
        box.Changed += _ => Changed();
        Add(new FormField(key, T(label), box, 1, () => box.Checked ? "1" : "0", v => box.Checked = v == "1"));
        return box;
    }

    /// <summary>Called by subclasses once all fields exist, so the first check sees them.</summary>
    protected void Ready() => Revalidate();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        KeepPastedDraft();
        // Wrapped, not cut off: at 80 columns a Dutch message is often longer than one line.
        var messages = ProblemLines()
            .SelectMany(m => CellText.Wrap(m, Math.Max(1, area.Width - 3)).Select((line, i) => (i == 0 ? " ! " : "   ") + line))
            .ToList();
        // What the form is about (the question being answered) wraps whole; past a third of the screen it scrolls.
        _info.Text = string.Join('\n', InfoLines);
        var info = InfoLines.Count == 0 ? 0 : Math.Min(_info.Lines(area.Width).Count, Math.Max(1, area.Height / 3));
        var rows = area.SplitRows(LayoutSize.Fixed(info), LayoutSize.Fill(), LayoutSize.Fixed(Math.Min(messages.Count, 4)));
        _info.Render(buffer, rows[0], focused: false);
        RenderFields(buffer, rows[1].Inset(1, 0));
        for (var i = 0; i < messages.Count && i < rows[2].Height; i++)
            buffer.PutLine(rows[2], i, CellText.Truncate(messages[i], area.Width), WidgetStyles.Error);
    }

    protected override bool HandleContentKey(KeyInput key)
    {
        if (!key.IsPasted)
            KeepPastedDraft();
        _pasting = key.IsPasted;
        try
        {
            return key != KeyInput.Escape && _focus.HandleKey(key);
        }
        finally
        {
            _pasting = false;
        }
    }

    private void KeepPastedDraft()
    {
        if (!_changedByPaste)
            return;
        _changedByPaste = false;
        KeepDraft();
    }

    private void RenderFields(ScreenBuffer buffer, Rect area)
    {
        var heights = _fields.Select(f => HeightOf(f, area)).ToList();
        var focusedIndex = _fields.FindIndex(f => _focus.IsFocused(f.Widget));
        var top = heights.Take(Math.Max(0, focusedIndex)).Sum();
        var focusedHeight = focusedIndex < 0 ? 1 : heights[focusedIndex];
        if (top < _scroll)
            _scroll = top;
        else if (top + focusedHeight > _scroll + area.Height)
            _scroll = top + focusedHeight - area.Height;

        var y = -_scroll;
        for (var i = 0; i < _fields.Count; i++)
        {
            var rect = new Rect(area.X, area.Y + y, area.Width, heights[i]).Intersect(area);
            if (!rect.IsEmpty && y >= 0)
                _focus.Render(_fields[i].Widget, buffer, rect);
            y += heights[i];
        }
    }

    /// <summary>
    /// A text being typed grows its field up to half the form, so the start of a paragraph stays in sight while
    /// its end is typed; it shrinks back to its own rows when the focus leaves.
    /// </summary>
    private int HeightOf(FormField field, Rect area) =>
        field.Widget is TextArea text && _focus.IsFocused(text)
            ? Math.Max(field.Height, Math.Min(text.RowsFor(area.Width) + 1, area.Height / 2))
            : field.Height;

    private List<string> ProblemLines() =>
        _problems.Where(p => _showAllProblems || IsTouched(p.Field))
            .Select(p => $"{_fields.FirstOrDefault(f => f.Key == p.Field)?.Label ?? FieldNames.Show(p.Field, App.Lang)}: {p.Describe(App.Lang)}")
            .ToList();

    private bool IsTouched(string key) => _fields.FirstOrDefault(f => f.Key == key)?.Widget switch
    {
        TextField t => t.Error is not null,
        TagField t => t.Input.Error is not null,
        // A date nobody has typed in yet is not wrong yet; Ctrl+S still shows every problem.
        DateField d => d.Error is not null,
        // An empty text area further down is not wrong while the person is still typing above it.
        TextArea => _edited.Contains(key),
        _ => _dirty,
    };

    private string? ErrorFor(string key) => _problems.FirstOrDefault(p => p.Field == key)?.Describe(App.Lang);

    private void Changed(string? key = null)
    {
        if (_restoring)
            return;
        if (key is not null)
            _edited.Add(key);
        _dirty = true;
        if (_pasting)
            _changedByPaste = true;
        else
            KeepDraft();
    }

    private void KeepDraft()
    {
        var draft = _fields.ToDictionary(f => f.Key, f => f.Read());
        if (OpenedState is { } opened)
            draft[OpenedKey] = opened;
        if (_fields.FirstOrDefault(f => _focus.IsFocused(f.Widget)) is { } typing)
        {
            draft[FocusKey] = typing.Key;
            if (CaretOf(typing.Widget) is { } caret)
                draft[CaretKey] = caret.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        App.Store.Drafts.Save(DraftKey, JsonSerializer.Serialize(draft, DraftJson.Default.DictionaryStringString));
        Revalidate();
    }

    private void Revalidate() => _problems = Check();

    private static int? CaretOf(IWidget widget) => widget switch
    {
        TextField field => field.CaretIndex,
        TextArea area => area.CaretIndex,
        DateField date => date.Input.CaretIndex,
        TagField tag => tag.Input.CaretIndex,
        _ => null,
    };

    private static void PlaceCaret(IWidget widget, int caret)
    {
        switch (widget)
        {
            case TextField field:
                field.CaretIndex = caret;
                break;
            case TextArea area:
                area.CaretIndex = caret;
                break;
            case DateField date:
                date.Input.CaretIndex = caret;
                break;
            case TagField tag:
                tag.Input.CaretIndex = caret;
                break;
        }
    }

    /// <summary>
    /// Stores through <paramref name="store"/> when every field is in order. A refusal by the store's own
    /// check is shown like any other problem; the typing and its draft stay.
    /// </summary>
    /// <param name="confirm">A question for this way of saving only (e.g. save and submit); the form's own otherwise.</param>
    protected void Save(Action store, TextId savedMessage, string? confirm = null)
    {
        Revalidate();
        if (_problems.Count == 0 && (confirm ?? ConfirmBeforeSave) is { } question)
        {
            ConfirmScreen.Show(App.Screens, new ConfirmDialog(question, T(TextId.UiYes), T(TextId.UiNo)), yes =>
            {
                if (yes)
                    Commit(store, savedMessage);
            });
            return;
        }

        Commit(store, savedMessage);
    }

    private void Commit(Action store, TextId savedMessage)
    {
        if (_problems.Count == 0)
        {
            try
            {
                store();
            }
            catch (DomainException refused)
            {
                _problems = [refused.Problem];
            }
        }

        if (_problems.Count > 0)
        {
            _showAllProblems = true;
            foreach (var field in _fields.Select(f => f.Widget switch { TagField tag => tag.Input, var other => other }).OfType<TextField>())
                field.Validate();
            App.Notify(T(TextId.UiFormHasProblems, new Count(_problems.Count, Noun.Field)));
            return;
        }

        App.Store.Drafts.Delete(DraftKey);
        _dirty = false;
        App.Back();
        App.Notify(T(savedMessage));
    }

    private void Cancel()
    {
        if (!_dirty)
        {
            App.Store.Drafts.Delete(DraftKey);
            App.Back();
            return;
        }

        ConfirmScreen.Show(App.Screens, new ConfirmDialog(T(TextId.UiDiscardQuestion), T(TextId.UiYes), T(TextId.UiNo)), discard =>
        {
            if (!discard)
                return;
            App.Store.Drafts.Delete(DraftKey);
            _dirty = false;
            App.Back();
        });
    }
}
