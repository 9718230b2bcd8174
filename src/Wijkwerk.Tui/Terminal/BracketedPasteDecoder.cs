namespace Wijkwerk.Tui.Terminal;

/// <summary>
/// Reads a bracketed paste out of the keys the runtime's key parser delivers. It knows no "ESC [200~" sequence,
/// so a paste arrives as Escape, '[', '2', '0', '0', '~', the text as keys, and the same with "201~" at the end.
/// The markers become nothing and the text between them pasted keys (<see cref="KeyInput.Pasted"/>): characters,
/// line breaks, a tab as a space; other control keys in a paste are dropped. An Escape that does not start a
/// marker is the Esc key, passed on with whatever was read after it.
/// </summary>
/// <remarks>
/// The keys after an Escape are looked at only when they are already waiting: a paste comes in one burst,
/// while a person pressing Esc is not kept waiting for keys that may never come.
/// </remarks>
public sealed class BracketedPasteDecoder
{
    private const string StartMarker = "[200~";
    private const string EndMarker = "[201~";

    private readonly List<KeyInput> _readAhead = [];
    private bool _inPaste;

    /// <summary>True between a paste's start and end markers.</summary>
    public bool InPaste => _inPaste;

    /// <param name="waiting">The next key already waiting, or null when none is (never blocks).</param>
    public bool TryRead(Func<KeyInput?> waiting, out KeyInput key)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        while (Next(waiting) is { } next)
        {
            if (next == KeyInput.Escape)
            {
                if (TryMarker(waiting, _inPaste ? EndMarker : StartMarker))
                {
                    _inPaste = !_inPaste;
                    continue;
                }

                if (_inPaste)
                    continue;
                key = next;
                return true;
            }

            if (!_inPaste)
            {
                key = next;
                return true;
            }

            if (AsPasted(next) is { } pasted)
            {
                key = pasted;
                return true;
            }
        }

        key = default;
        return false;
    }

    private KeyInput? Next(Func<KeyInput?> waiting)
    {
        if (_readAhead.Count == 0)
            return waiting();
        var next = _readAhead[0];
        _readAhead.RemoveAt(0);
        return next;
    }

    /// <summary>Reads the marker's characters after an Escape; on a mismatch they are put back to be read as keys.</summary>
    private bool TryMarker(Func<KeyInput?> waiting, string marker)
    {
        var read = new List<KeyInput>(marker.Length);
        foreach (var expected in marker)
        {
            if (Next(waiting) is not { } next)
                break;
            read.Add(next);
            if (!next.IsChar(expected))
                break;
        }

        if (read.Count == marker.Length && read[^1].IsChar(marker[^1]))
            return true;
        _readAhead.InsertRange(0, read);
        return false;
    }

    // A line feed may come as Ctrl+J and a tab as Ctrl+I, depending on how the runtime reads the byte.
    private static KeyInput? AsPasted(KeyInput key) =>
        key.Key == Key.Enter || key == KeyInput.Ctrl('j') || key == KeyInput.Ctrl('m') ? KeyInput.Pasted('\n')
        : key.Key == Key.Tab || key == KeyInput.Ctrl('i') ? KeyInput.Pasted(' ')
        : key.IsPrintable ? KeyInput.Pasted(key.Char)
        : null;
}
