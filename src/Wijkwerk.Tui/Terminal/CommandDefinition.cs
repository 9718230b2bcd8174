using Wijkwerk.Core.Localization;
namespace Wijkwerk.Tui.Terminal;

/// <summary>
/// One user action: the single source for key dispatch, status-bar hints and the help overlay,
/// so what the help says is always what the keys do.
/// </summary>
public sealed record CommandDefinition(
    string Id,
    string LabelNl,
    string LabelEn,
    IReadOnlyList<KeyInput> Keys,
    Func<bool> IsEnabled,
    Action Handler)
{
    /// <summary>False for commands that belong in the help overlay but would crowd the one-line hint bar (e.g. arrows).</summary>
    public bool ShowInStatusBar { get; init; } = true;

    public string Label(Lang language) => language == Lang.En ? LabelEn : LabelNl;

    public string KeyDisplay => KeyNames.Display(Keys);

    public static CommandDefinition Create(string id, string labelNl, string labelEn, KeyInput key, Action handler) =>
        new(id, labelNl, labelEn, [key], static () => true, handler);
}
