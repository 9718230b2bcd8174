using System.Collections.Concurrent;
using System.Text;

namespace Wijkwerk.Tui.Terminal;

/// <summary>
/// A headless terminal for tests: keys come from a queue, and output is interpreted into a cell grid
/// so tests read back what a person would see, not what the code meant to draw.
/// </summary>
public sealed class FakeTerminal : ITerminal
{
    private readonly ConcurrentQueue<KeyInput> _keys = new();
    private readonly AnsiInterpreter _screen;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();
    private readonly BracketedPasteDecoder _paste = new();

    public FakeTerminal(int width = 80, int height = 24)
    {
        _screen = new AnsiInterpreter(width, height);
    }

    public event Action? Resized;

    public int Width => _screen.Width;
    public int Height => _screen.Height;

    public long BytesWritten { get; private set; }
    public int WriteCount { get; private set; }
    public string LastWrite { get; private set; } = "";

    /// <summary>Everything ever written, for asserting on the raw escape codes.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public int CursorX => _screen.CursorX;
    public int CursorY => _screen.CursorY;
    public bool CursorVisible => _screen.CursorVisible;
    public bool AutoWrap => _screen.AutoWrap;
    public bool IsAlternateScreen => _screen.AlternateScreen;
    public bool IsFullScreen { get; private set; }
    public int PendingKeys => _keys.Count;
    public bool BracketedPaste => _screen.BracketedPaste;

    public Cell this[int x, int y] => _screen[x, y];

    public void Write(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            WriteCount++;
            BytesWritten += Encoding.UTF8.GetByteCount(text);
            LastWrite = text;
            _output.Append(text);
            _screen.Feed(text);
        }
    }

    public void Enqueue(params KeyInput[] keys)
    {
        foreach (var key in keys)
        {
            _keys.Enqueue(key);
        }
    }

    /// <summary>Queues typed text; '\n' becomes Enter.</summary>
    public void EnqueueText(string text)
    {
        foreach (var c in text)
        {
            _keys.Enqueue(c == '\n' ? KeyInput.Enter : KeyInput.Character(c));
        }
    }

    /// <summary>
    /// Queues a bracketed paste as the runtime's key parser delivers it from a real terminal: Escape and the
    /// marker's characters around the text, '\n' as Enter and '\t' as Tab.
    /// </summary>
    public void EnqueuePaste(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        EnqueueMarker(AnsiSequences.PasteStart);
        foreach (var c in text)
        {
            _keys.Enqueue(c switch
            {
                '\n' => KeyInput.Enter,
                '\t' => KeyInput.Tab,
                _ => KeyInput.Character(c),
            });
        }
        EnqueueMarker(AnsiSequences.PasteEnd);
    }

    private void EnqueueMarker(string marker)
    {
        _keys.Enqueue(KeyInput.Escape);
        foreach (var c in marker[AnsiSequences.Esc.Length..])
        {
            _keys.Enqueue(KeyInput.Character(c));
        }
    }

    // Read through the same decoder as the real terminal, so a paste reaches the screens as it does there.
    public bool TryReadKey(out KeyInput key) => _paste.TryRead(() => _keys.TryDequeue(out var next) ? next : null, out key);

    // Never waits: tests are synchronous, and an empty queue means the scripted input is used up.
    public bool TryReadKey(TimeSpan timeout, out KeyInput key) => TryReadKey(out key);

    public void Resize(int width, int height)
    {
        lock (_gate)
        {
            _screen.Resize(width, height);
        }
        Resized?.Invoke();
    }

    public void EnterFullScreen()
    {
        IsFullScreen = true;
        Write(AnsiSequences.EnterFullScreen);
    }

    public void Restore()
    {
        if (!IsFullScreen)
        {
            return;
        }
        IsFullScreen = false;
        Write(AnsiSequences.LeaveFullScreen);
    }

    /// <summary>The visible text: rows joined by '\n', trailing spaces trimmed.</summary>
    public string ScreenText()
    {
        lock (_gate)
        {
            var rows = new string[Height];
            var row = new StringBuilder(Width);
            for (var y = 0; y < Height; y++)
            {
                row.Clear();
                for (var x = 0; x < Width; x++)
                {
                    row.Append(_screen[x, y].Char);
                }
                rows[y] = row.ToString().TrimEnd(' ');
            }
            return string.Join('\n', rows);
        }
    }

    public string RowText(int y) => ScreenText().Split('\n')[y];

    public void ResetCounters()
    {
        WriteCount = 0;
        BytesWritten = 0;
        LastWrite = "";
    }
}
