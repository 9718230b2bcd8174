using System.Runtime.InteropServices;
using System.Text;

namespace Wijkwerk.Tui.Terminal;

/// <summary>
/// The real terminal. Dispose it (a <c>using</c> in Main) so the user's shell comes back intact
/// after a normal exit, an exception, Ctrl+C or SIGTERM.
/// </summary>
public sealed class ConsoleTerminal : ITerminal, IDisposable
{
    private static readonly TimeSpan KeyPollInterval = TimeSpan.FromMilliseconds(10);
    private const int FallbackWidth = 80;
    private const int FallbackHeight = 24;

    private readonly object _gate = new();
    private readonly StreamWriter _out;
    private readonly BracketedPasteDecoder _paste = new();
    private ConsoleResizeWatcher? _resizeWatcher;
    private PosixSignalRegistration? _termination;
    private Encoding? _previousOutputEncoding;
    private bool _previousTreatControlCAsInput;
    private bool _fullScreen;
    private int _width;
    private int _height;

    public ConsoleTerminal()
    {
        // Our own UTF-8 writer without BOM: one Write per frame, independent of Console.Out's encoding.
        _out = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), bufferSize: 1 << 16) { AutoFlush = false };
        (_width, _height) = ReadSize();
    }

    public event Action? Resized;

    public int Width
    {
        get
        {
            lock (_gate)
            {
                return _width;
            }
        }
    }

    public int Height
    {
        get
        {
            lock (_gate)
            {
                return _height;
            }
        }
    }

    public void Write(string text)
    {
        lock (_gate)
        {
            _out.Write(text);
            _out.Flush();
        }
    }

    public bool TryReadKey(out KeyInput key) => _paste.TryRead(WaitingKey, out key);

    private static KeyInput? WaitingKey()
    {
        while (!Console.IsInputRedirected && Console.KeyAvailable)
        {
            if (ConsoleKeyMapper.Map(Console.ReadKey(intercept: true)) is { } mapped)
            {
                return mapped;
            }
        }
        return null;
    }

    public bool TryReadKey(TimeSpan timeout, out KeyInput key)
    {
        // Polling KeyAvailable instead of a blocking ReadKey lets the reader thread notice a stop request.
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (TryReadKey(out key))
            {
                return true;
            }
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }
            Thread.Sleep(KeyPollInterval);
        }
    }

    public void EnterFullScreen()
    {
        lock (_gate)
        {
            if (_fullScreen)
            {
                return;
            }
            _fullScreen = true;
        }

        _previousOutputEncoding = Console.OutputEncoding;
        Console.OutputEncoding = new UTF8Encoding(false);
        if (!Console.IsInputRedirected)
        {
            _previousTreatControlCAsInput = Console.TreatControlCAsInput;
            // Ctrl+C arrives as a key, so the app can ask before discarding unsaved work.
            Console.TreatControlCAsInput = true;
        }

        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        Console.CancelKeyPress += OnCancelKeyPress;
        // SIGTERM ends the process without ProcessExit (measured in tmux: the alternate screen and bracketed paste
        // stayed on). Not cancelled, so the process still ends as the signal asks, after the terminal is restored.
        _termination ??= OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Restore());
        _resizeWatcher = new ConsoleResizeWatcher(CheckSize);
        Write(AnsiSequences.EnterFullScreen);
    }

    public void Restore()
    {
        lock (_gate)
        {
            if (!_fullScreen)
            {
                return;
            }
            _fullScreen = false;
        }

        _resizeWatcher?.Dispose();
        _resizeWatcher = null;
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Console.CancelKeyPress -= OnCancelKeyPress;
        Write(AnsiSequences.LeaveFullScreen);
        if (!Console.IsInputRedirected)
        {
            Console.TreatControlCAsInput = _previousTreatControlCAsInput;
        }
        if (_previousOutputEncoding is not null)
        {
            Console.OutputEncoding = _previousOutputEncoding;
        }
    }

    public void Dispose()
    {
        Restore();
        _termination?.Dispose();
        _out.Dispose();
    }

    private void CheckSize()
    {
        var (width, height) = ReadSize();
        lock (_gate)
        {
            if (width == _width && height == _height)
            {
                return;
            }
            _width = width;
            _height = height;
        }
        Resized?.Invoke();
    }

    private static (int Width, int Height) ReadSize()
    {
        try
        {
            var width = Console.WindowWidth;
            var height = Console.WindowHeight;
            return width > 0 && height > 0 ? (width, height) : (FallbackWidth, FallbackHeight);
        }
        catch (IOException)
        {
            return (FallbackWidth, FallbackHeight);
        }
    }

    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e) => Restore();

    private void OnProcessExit(object? sender, EventArgs e) => Restore();

    // Only reached when Ctrl+C comes as a signal despite TreatControlCAsInput (e.g. kill -INT); the process then ends.
    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e) => Restore();
}
