using Serilog;
using Serilog.Events;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Wijkwerk.SyncServer.Hosting;

/// <summary>
/// Sends ASP.NET Core's logging to Serilog (Serilog.Extensions.Logging is not needed for this much).
/// Only ids, counts, paths and status codes are logged: never names, tokens, codes or row values.
/// </summary>
public static class SerilogBridge
{
    public static Serilog.ILogger Create(string logFolder) =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(Path.Combine(logFolder, "wijkwerk-server-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31,
                outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .CreateLogger();

    public sealed class Provider(Serilog.ILogger root) : ILoggerProvider
    {
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(root.ForContext("SourceContext", categoryName));

        public void Dispose()
        {
        }
    }

    private sealed class Logger(Serilog.ILogger log) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(MsLogLevel logLevel) => logLevel != MsLogLevel.None && log.IsEnabled(Level(logLevel));

        public void Log<TState>(MsLogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                log.Write(Level(logLevel), exception, "{Message:l}", formatter(state, exception));
        }

        private static LogEventLevel Level(MsLogLevel level) => level switch
        {
            MsLogLevel.Trace => LogEventLevel.Verbose,
            MsLogLevel.Debug => LogEventLevel.Debug,
            MsLogLevel.Information => LogEventLevel.Information,
            MsLogLevel.Warning => LogEventLevel.Warning,
            MsLogLevel.Error => LogEventLevel.Error,
            _ => LogEventLevel.Fatal,
        };
    }
}
