using Serilog;

namespace Wijkwerk.Tui.Cli;

/// <summary>
/// Rolling log files in the data folder. Only ids, counts, types and durations are logged: never a
/// name, BSN, address or note, so the log can be shared with support.
/// </summary>
public static class Logging
{
    public static ILogger For(DataFolder folder) => new LoggerConfiguration()
        .MinimumLevel.Information()
        .Enrich.WithProperty("Pid", Environment.ProcessId)
        .WriteTo.File(
            Path.Combine(folder.LogFolder, "wijkwerk-.log"),
            rollingInterval: RollingInterval.Day,
            retainedFileCountLimit: 31,
            shared: true,
            outputTemplate: "{Timestamp:o} [{Level:u3}] {Message:lj} {Properties}{NewLine}{Exception}")
        .CreateLogger();
}
