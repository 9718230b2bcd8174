using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// A bottleneck tag typed against the admin's list: Tab completes the first tag of the list that starts with (or
/// contains) what was typed, and the line under the input says whether the tag is in the list, counts under another
/// one, or is a new proposal the admin will judge after the next sync. With nothing to complete, Tab moves on.
/// </summary>
public sealed class TagField : IWidget
{
    private readonly TextField _field;
    private readonly BottleneckTagList _tags;
    private readonly TagFieldTexts _texts;

    public TagField(string label, int maxLength, BottleneckTagList tags, TagFieldTexts texts)
    {
        _field = new TextField(label, maxLength);
        _tags = tags;
        _texts = texts;
        _field.Changed += text => Changed?.Invoke(text);
    }

    public event Action<string>? Changed;

    public TextField Input => _field;

    public CellPosition? Cursor => _field.Cursor;

    public string Text
    {
        get => _field.Text;
        set => _field.Text = value;
    }

    /// <summary>What Tab would put in the field; null when there is nothing to complete.</summary>
    public string? Completion =>
        BottleneckTag.Key(Text).Length > 0 && _tags.Matching(Text).FirstOrDefault() is { } first && BottleneckTag.Key(first) != BottleneckTag.Key(Text) ? first : null;

    /// <summary>The line under the input: what Tab completes to, or where the typed tag stands; empty for an empty field.</summary>
    public string Hint
    {
        get
        {
            if (BottleneckTag.Key(Text).Length == 0)
                return "";
            if (_tags.IsKnown(Text))
                return BottleneckTag.Key(_tags.Show(Text)) == BottleneckTag.Key(Text) ? _texts.Known : string.Format(_texts.Merged, _tags.Show(Text));
            return Completion is { } completion ? string.Format(_texts.Complete, completion) + " · " + _texts.NewProposal : _texts.NewProposal;
        }
    }

    public bool HandleKey(KeyInput key)
    {
        if (key == KeyInput.Tab && Completion is { } completion)
        {
            _field.Text = completion;
            Changed?.Invoke(_field.Text);
            return true;
        }

        return _field.HandleKey(key);
    }

    public void Render(ScreenBuffer buffer, Rect area, bool focused)
    {
        _field.Render(buffer, area with { Height = Math.Min(1, area.Height) }, focused);
        if (area.Height < 2)
            return;
        var row = area.Row(1);
        buffer.Fill(row, ' ', WidgetStyles.Normal);
        var indent = FieldLayout.LabelCells(_field.Label, _field.LabelWidth, row.Width);
        var hint = row with { X = row.X + indent, Width = row.Width - indent };
        buffer.Put(hint.X, hint.Y, CellText.Truncate(Hint, hint.Width), WidgetStyles.Normal, hint);
    }
}

/// <summary>The words of a <see cref="TagField"/> in the app's language; the {0} of <see cref="Merged"/> and <see cref="Complete"/> is a tag.</summary>
public sealed record TagFieldTexts(string Known, string Merged, string Complete, string NewProposal);
