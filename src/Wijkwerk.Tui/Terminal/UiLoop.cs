using System.Collections.Concurrent;

namespace Wijkwerk.Tui.Terminal;

/// <summary>
/// The single UI thread: drains keys, resizes, ticks and work posted from background threads, then renders once per batch.
/// Screens and widgets are only touched from here, so they need no locking.
/// </summary>
public sealed class UiLoop
{
    public const int MinimumWidth = 80;
    public const int MinimumHeight = 24;

    private static readonly TimeSpan DefaultTickInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan KeyReadTimeout = TimeSpan.FromMilliseconds(50);

    private readonly ITerminal _terminal;
    private readonly TimeProvider _time;
    private readonly Func<int, int, string> _tooSmallMessage;
    private readonly DiffRenderer _renderer;
    private readonly TimeSpan _tickInterval;
    private readonly ConcurrentQueue<UiMessage> _queue = new();
    private readonly SemaphoreSlim _wake = new(0);
    private DateTimeOffset _nextTick;
    private bool _needsRender = true;
    private volatile bool _stopRequested;

    /// <param name="tooSmallMessage">Text shown instead of the UI below 80×24, given the current size; <see cref="TooSmallMessage.Dutch"/> if null.</param>
    public UiLoop(
        ITerminal terminal,
        TimeProvider time,
        Func<int, int, string>? tooSmallMessage = null,
        ColorMode colorMode = ColorMode.Colour,
        TimeSpan? tickInterval = null)
    {
        _terminal = terminal ?? throw new ArgumentNullException(nameof(terminal));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _tooSmallMessage = tooSmallMessage ?? TooSmallMessage.Dutch;
        _renderer = new DiffRenderer(terminal, colorMode);
        _tickInterval = tickInterval ?? DefaultTickInterval;
        _nextTick = _time.GetUtcNow() + _tickInterval;
        _terminal.Resized += () => Enqueue(new UiMessage.Resized());
    }

    public ScreenStack Screens { get; } = new();

    /// <summary>How often <see cref="Tick"/> is raised; a test on a fake clock moves time on in these steps.</summary>
    public TimeSpan TickInterval => _tickInterval;

    /// <summary>Keys no screen handled (global commands such as F5 sync); return true when handled.</summary>
    public Func<KeyInput, bool>? UnhandledKey { get; set; }

    /// <summary>Raised on the UI thread every tick interval, e.g. to refresh a "last sync" time.</summary>
    public event Action? Tick;

    public bool IsStopped => _stopRequested;

    public bool IsTooSmall => _terminal.Width < MinimumWidth || _terminal.Height < MinimumHeight;

    /// <summary>Runs <paramref name="action"/> on the UI thread. Safe to call from any thread.</summary>
    public void Post(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Enqueue(new UiMessage.Invoke(action));
    }

    /// <summary>Ends <see cref="Run"/> (or the current <see cref="RunUntilIdle"/>) after the message being handled.</summary>
    public void Stop()
    {
        _stopRequested = true;
        _wake.Release();
    }

    /// <summary>
    /// Tests drive the loop with this: reads every queued key, handles every message (including work those
    /// messages post), fires a tick if one is due, and renders. Returns when nothing is left to do.
    /// </summary>
    public void RunUntilIdle()
    {
        while (!_stopRequested)
        {
            while (_terminal.TryReadKey(out var key))
            {
                Enqueue(new UiMessage.KeyPressed(key));
            }
            EnqueueTickIfDue();
            if (!DrainQueue())
            {
                break;
            }
        }
        RenderIfNeeded();
    }

    /// <summary>Blocks the calling thread (which becomes the UI thread) until <see cref="Stop"/> or the last screen is popped.</summary>
    public void Run()
    {
        var reader = new Thread(ReadKeys) { IsBackground = true, Name = "Wijkwerk key reader" };
        reader.Start();
        try
        {
            RenderIfNeeded();
            while (!_stopRequested)
            {
                var wait = _nextTick - _time.GetUtcNow();
                _wake.Wait(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _tickInterval ? _tickInterval : wait);
                EnqueueTickIfDue();
                DrainQueue();
                RenderIfNeeded();
            }
        }
        finally
        {
            _stopRequested = true;
            reader.Join(KeyReadTimeout * 4);
        }
    }

    /// <summary>Draws now if anything changed; only the difference reaches the terminal.</summary>
    public void RenderIfNeeded()
    {
        if (!_needsRender)
        {
            return;
        }
        _needsRender = false;

        var buffer = new ScreenBuffer(_terminal.Width, _terminal.Height);
        if (IsTooSmall)
        {
            RenderTooSmall(buffer);
            _renderer.Render(buffer);
            return;
        }

        Screens.Render(buffer);
        _renderer.Render(buffer, Screens.Top?.Cursor);
    }

    private void ReadKeys()
    {
        while (!_stopRequested)
        {
            if (_terminal.TryReadKey(KeyReadTimeout, out var key))
            {
                Enqueue(new UiMessage.KeyPressed(key));
            }
        }
    }

    private void Enqueue(UiMessage message)
    {
        _queue.Enqueue(message);
        _wake.Release();
    }

    private void EnqueueTickIfDue()
    {
        var now = _time.GetUtcNow();
        if (now < _nextTick)
        {
            return;
        }
        _nextTick = now + _tickInterval;
        _queue.Enqueue(new UiMessage.Tick());
    }

    private bool DrainQueue()
    {
        var handled = false;
        while (!_stopRequested && _queue.TryDequeue(out var message))
        {
            handled = true;
            _needsRender = true;
            Handle(message);
            if (Screens.Count == 0)
            {
                _stopRequested = true;
            }
        }
        return handled;
    }

    private void Handle(UiMessage message)
    {
        switch (message)
        {
            case UiMessage.KeyPressed(var key):
                HandleKey(key);
                break;
            case UiMessage.Resized:
                _renderer.Invalidate();
                break;
            case UiMessage.Tick:
                Tick?.Invoke();
                break;
            case UiMessage.Invoke(var action):
                action();
                break;
            default:
                throw new InvalidOperationException($"Unknown UI message {message.GetType().Name}.");
        }
    }

    private void HandleKey(KeyInput key)
    {
        // Below the minimum size the screen is not visible, so it gets no keys; global keys (quit) still work.
        if (IsTooSmall || Screens.Top?.HandleKey(key) != true)
        {
            UnhandledKey?.Invoke(key);
        }
    }

    private void RenderTooSmall(ScreenBuffer buffer)
    {
        var lines = CellText.Wrap(_tooSmallMessage(buffer.Width, buffer.Height), buffer.Width);
        for (var y = 0; y < lines.Count && y < buffer.Height; y++)
        {
            buffer.Put(0, y, lines[y], CellStyle.Bold);
        }
    }
}
