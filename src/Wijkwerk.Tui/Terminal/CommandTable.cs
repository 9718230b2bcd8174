using Wijkwerk.Core.Localization;
using System.Text;

namespace Wijkwerk.Tui.Terminal;

/// <summary>The commands of one context (a screen, or the whole app). Earlier commands win when keys overlap.</summary>
public sealed class CommandTable
{
    private const string HintSeparator = "  ";
    private readonly List<CommandDefinition> _commands = [];

    public CommandTable(IEnumerable<CommandDefinition>? commands = null)
    {
        foreach (var command in commands ?? [])
        {
            Add(command);
        }
    }

    public IReadOnlyList<CommandDefinition> Commands => _commands;

    public void Add(CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_commands.Any(c => c.Id == command.Id))
        {
            throw new ArgumentException($"A command with id '{command.Id}' already exists.", nameof(command));
        }
        _commands.Add(command);
    }

    /// <summary>A table with the commands of <paramref name="tables"/> in order, e.g. screen commands before global ones.</summary>
    public static CommandTable Combine(params CommandTable[] tables)
    {
        var combined = new CommandTable();
        foreach (var command in tables.SelectMany(t => t.Commands))
        {
            if (combined._commands.All(c => c.Id != command.Id))
            {
                combined._commands.Add(command);
            }
        }
        return combined;
    }

    public CommandDefinition? Find(KeyInput key) =>
        _commands.FirstOrDefault(c => c.Keys.Contains(key) && c.IsEnabled());

    /// <summary>Runs the first enabled command bound to <paramref name="key"/>. Returns false when none is.</summary>
    public bool TryDispatch(KeyInput key)
    {
        var command = Find(key);
        if (command is null)
        {
            return false;
        }
        command.Handler();
        return true;
    }

    /// <summary>Enabled status-bar commands as "key label", with their first key only (the help overlay lists every key).</summary>
    public IReadOnlyList<CommandHint> Hints(Lang language) =>
        _commands.Where(c => c.ShowInStatusBar && c.IsEnabled())
            .Select(c => new CommandHint(KeyNames.Display(c.Keys[0]), c.Label(language), true))
            .ToList();

    /// <summary>Every command of this context for the help overlay, disabled ones included and marked.</summary>
    public IReadOnlyList<CommandHint> HelpEntries(Lang language) =>
        _commands.Select(c => new CommandHint(c.KeyDisplay, c.Label(language), c.IsEnabled())).ToList();

    /// <summary>Hints joined into one line of at most <paramref name="width"/> cells; whole hints only, "…" when some did not fit.</summary>
    public string FormatHints(int width, Lang language)
    {
        var line = new StringBuilder();
        var hints = Hints(language);
        for (var i = 0; i < hints.Count; i++)
        {
            var text = (line.Length == 0 ? "" : HintSeparator) + hints[i];
            var isLast = i == hints.Count - 1;
            var reserve = isLast ? 0 : HintSeparator.Length + 1;
            if (line.Length + text.Length + reserve > width)
            {
                if (line.Length == 0)
                {
                    return CellText.Truncate(hints[i].ToString(), width);
                }
                if (line.Length + HintSeparator.Length + 1 <= width)
                {
                    line.Append(HintSeparator).Append('…');
                }
                break;
            }
            line.Append(text);
        }
        return line.ToString();
    }
}
