using Serilog;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Tui.Cli;

/// <summary>What every command gets: where the data is, the language, the clock and the log.</summary>
public sealed record CliContext(DataFolder Data, Lang Lang, TimeProvider Clock, ILogger Log, TextWriter Out, TextWriter Error)
{
    public string T(TextId id, params object[] args) => Texts.Format(id, Lang, args);

    /// <summary>Errors go to stderr as a sentence a person can act on; the exit code says it failed.</summary>
    public int Fail(string message)
    {
        Error.WriteLine(message);
        return ExitCodes.Failure;
    }
}

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
}
