namespace Wijkwerk.Tui.App;

/// <summary>What the laptop may truthfully say about the server right now.</summary>
public enum Connection
{
    /// <summary>No contact proved anything yet, or the last success is too old to vouch for now.</summary>
    Unknown,
    Online,
    Offline,
}

/// <summary>
/// Online or offline as the last contact with the server proved it: a sync or a connection check that got
/// an answer makes the laptop online for <paramref name="fresh"/>, one that failed makes it offline until the
/// next answer. A guess from the past (online long ago) turns into unknown rather than staying online.
/// </summary>
/// <param name="fresh">How long an answer vouches for the connection; longer than the check interval, so one slow check does not flip the line.</param>
public sealed class ConnectionState(TimeProvider clock, TimeSpan fresh)
{
    private DateTimeOffset? _lastAnswer;
    private bool _lastFailed;

    public void Answered()
    {
        _lastAnswer = clock.GetUtcNow();
        _lastFailed = false;
    }

    public void Failed() => _lastFailed = true;

    public Connection Now =>
        _lastFailed ? Connection.Offline
        : _lastAnswer is { } answer && clock.GetUtcNow() - answer <= fresh ? Connection.Online
        : Connection.Unknown;
}
