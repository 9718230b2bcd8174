using System.Globalization;
using Spectre.Console;

namespace Wijkwerk.Tui.Terminal;

/// <summary>
/// Builds Spectre markup around user data. Any text a person typed (a client called "[spoed]", a note with "[/]")
/// is markup syntax to Spectre and would break or restyle the screen, so it always goes through here.
/// </summary>
public static class SafeMarkup
{
    public static string Escape(string? userText) => Markup.Escape(userText ?? "");

    /// <summary>
    /// A <see cref="Markup"/> from an interpolated string whose holes are escaped, e.g.
    /// <c>SafeMarkup.Create($"[bold]{client.Name}[/]")</c>. The template itself is trusted markup.
    /// </summary>
    public static Markup Create(FormattableString markup, Style? style = null) =>
        Markup.FromInterpolated(CultureInfo.GetCultureInfo("nl-NL"), markup, style);

    /// <summary>Plain user text as a renderable, never interpreted as markup.</summary>
    public static Text Plain(string? userText, Style? style = null) => new(userText ?? "", style);
}
