using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.App;

/// <summary>How the app behaves for this worker: language, colour, when it locks itself.</summary>
public sealed record AppOptions(Lang Lang, ColorMode ColorMode, TimeSpan AutoLockAfter)
{
    public static readonly TimeSpan DefaultAutoLock = TimeSpan.FromMinutes(10);
}
