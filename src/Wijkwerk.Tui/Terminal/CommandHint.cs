namespace Wijkwerk.Tui.Terminal;

/// <summary>A key and its label as shown in the status bar and help overlay.</summary>
public readonly record struct CommandHint(string Keys, string Label, bool IsEnabled)
{
    public override string ToString() => $"{Keys} {Label}";
}
