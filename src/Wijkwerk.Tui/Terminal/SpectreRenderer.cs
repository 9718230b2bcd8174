using Spectre.Console;
using Spectre.Console.Rendering;

namespace Wijkwerk.Tui.Terminal;

/// <summary>
/// Paints Spectre.Console renderables (Table, Panel, Markup, BarChart, Layout …) into a rect of a <see cref="ScreenBuffer"/>.
/// Spectre is used only as a line renderer: it never writes to the real console.
/// </summary>
public sealed class SpectreRenderer
{
    private readonly IAnsiConsole _console;

    public SpectreRenderer()
    {
        // Ansi = Yes: with No, Spectre's legacy backend would set colours on the real System.Console.
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.TrueColor,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(new StringWriter()),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        _console.Profile.Capabilities.Unicode = true;
        _console.Profile.Capabilities.Ansi = true;
        _console.Profile.Capabilities.Interactive = false;
    }

    public void Render(IRenderable renderable, ScreenBuffer buffer, Rect area)
    {
        ArgumentNullException.ThrowIfNull(renderable);
        ArgumentNullException.ThrowIfNull(buffer);
        var target = area.Intersect(buffer.Bounds);
        if (target.IsEmpty)
        {
            return;
        }

        // Without an explicit size Spectre falls back to Console.BufferWidth (or 80), and Layout to the console height.
        _console.Profile.Width = target.Width;
        _console.Profile.Height = target.Height;
        var options = RenderOptions.Create(_console, _console.Profile.Capabilities) with { Height = target.Height };
        var lines = Segment.SplitLines(renderable.Render(options, target.Width), target.Width, target.Height);

        for (var row = 0; row < lines.Count && row < target.Height; row++)
        {
            var x = target.X;
            foreach (var segment in lines[row])
            {
                if (segment.IsControlCode || segment.IsLineBreak)
                {
                    continue;
                }
                x += buffer.Put(x, target.Y + row, segment.Text, SpectreStyleMapper.Map(segment.Style), target);
                if (x >= target.Right)
                {
                    break;
                }
            }
        }
    }
}
