using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Forms;

/// <summary>
/// One input of a form: its key (the field name the domain reports problems under), the widget, how
/// many rows it takes, and how its value is read and restored as text for drafts.
/// </summary>
public sealed record FormField(string Key, string Label, IWidget Widget, int Height, Func<string> Read, Action<string> Write);
