using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// A yes/no question. The safe answer is focused unless told otherwise, and Esc always means "no",
/// so a reflexive Enter or Esc never discards work.
/// </summary>
public sealed class ConfirmDialog : IWidget
{
    private const int MaximumWidth = 60;
    private readonly Button _yes;
    private readonly Button _no;
    private bool _yesFocused;

    public ConfirmDialog(string message, string yesLabel = "Ja", string noLabel = "Nee", bool focusYes = false, string? title = null)
    {
        Message = message;
        Title = title;
        _yes = new Button(yesLabel);
        _no = new Button(noLabel);
        _yesFocused = focusYes;
    }

    public event Action<bool>? Closed;

    public string Message { get; }

    public string? Title { get; }

    /// <summary>Null while the question is open; true for yes, false for no or Esc.</summary>
    public bool? Result { get; private set; }

    public bool IsYesFocused => _yesFocused;

    public CellPosition? Cursor { get; private set; }

    public bool HandleKey(KeyInput key)
    {
        if (Result is not null)
        {
            return false;
        }
        if (key.Modifiers == KeyModifiers.None || key.Key == Key.Tab)
        {
            switch (key.Key)
            {
                case Key.Escape:
                    Close(false);
                    return true;
                case Key.Enter:
                    Close(_yesFocused);
                    return true;
                case Key.LeftArrow or Key.RightArrow or Key.Tab:
                    _yesFocused = !_yesFocused;
                    return true;
                default:
                    break;
            }
        }
        if (key.IsChar(' '))
        {
            Close(_yesFocused);
            return true;
        }
        if (key.IsPrintable && MatchesHotkey(_yes.Label, key.Char))
        {
            Close(true);
            return true;
        }
        if (key.IsPrintable && MatchesHotkey(_no.Label, key.Char))
        {
            Close(false);
            return true;
        }
        // Modal: nothing behind the dialog may react while it is open.
        return true;
    }

    public void Render(ScreenBuffer buffer, Rect area, bool focused)
    {
        Cursor = null;
        var buttonsWidth = _yes.Width + 2 + _no.Width;
        var innerWidth = Math.Min(Math.Max(Message.Length, buttonsWidth), Math.Min(MaximumWidth, area.Width - 4));
        var lines = CellText.Wrap(Message, Math.Max(1, innerWidth));
        var box = area.Center(innerWidth + 4, lines.Count + 4);
        var inner = Box.Draw(buffer, box, Title);
        for (var i = 0; i < lines.Count && i < inner.Height; i++)
        {
            buffer.Put(inner.X, inner.Y + i, lines[i], CellStyle.Default, inner);
        }

        var buttonRow = inner.Row(inner.Height - 1);
        var x = buttonRow.X + Math.Max(0, (buttonRow.Width - buttonsWidth) / 2);
        _yes.Render(buffer, new Rect(x, buttonRow.Y, _yes.Width, 1).Intersect(buttonRow), _yesFocused);
        _no.Render(buffer, new Rect(x + _yes.Width + 2, buttonRow.Y, _no.Width, 1).Intersect(buttonRow), !_yesFocused);
        Cursor = _yesFocused ? _yes.Cursor : _no.Cursor;
    }

    private static bool MatchesHotkey(string label, char c) =>
        label.Length > 0 && char.ToLowerInvariant(label[0]) == char.ToLowerInvariant(c);

    private void Close(bool result)
    {
        Result = result;
        Closed?.Invoke(result);
    }
}
