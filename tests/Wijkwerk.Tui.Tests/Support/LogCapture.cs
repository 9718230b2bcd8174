using System.Collections.Concurrent;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>A real Serilog logger whose events stay in memory, so a test can read what the app logged.</summary>
public sealed class LogCapture : ILogEventSink
{
    public LogCapture() => Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();

    public ILogger Logger { get; }

    public ConcurrentQueue<LogEvent> Events { get; } = new();

    /// <summary>Each event as the log file would show it: the message with its properties filled in.</summary>
    public IReadOnlyList<string> Lines => [.. Events.Select(e => e.RenderMessage())];

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
}
