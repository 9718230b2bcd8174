using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.App;

/// <summary>How the app behaves for this worker: language, colour, when it locks itself, how often it checks the server.</summary>
public sealed record AppOptions(Lang Lang, ColorMode ColorMode, TimeSpan AutoLockAfter)
{
    public static readonly TimeSpan DefaultAutoLock = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan DefaultConnectionCheck = TimeSpan.FromSeconds(30);

    /// <summary>How often an enrolled laptop asks the server whether it answers (and still knows this laptop).</summary>
    public TimeSpan ConnectionCheckEvery { get; init; } = DefaultConnectionCheck;
}
