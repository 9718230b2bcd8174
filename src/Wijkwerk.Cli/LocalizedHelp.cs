using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Cli;

/// <summary>
/// Help in the reader's language. The parser ships no Dutch and keeps its help layout to itself, so the
/// help option gets this action instead: the same sections, titles and labels from <see cref="Texts"/>.
/// </summary>
public sealed class LocalizedHelp(Lang lang) : SynchronousCommandLineAction
{
    private const int Width = 100;
    private const int Indent = 2;
    private const int MaxFirstColumn = 36;

    /// <summary>Like the parser's own help: <c>wijkwerk export --help</c> shows help even though no export was chosen.</summary>
    public override bool ClearsParseErrors => true;

    /// <summary>Gives the help and version options of <paramref name="root"/> texts and an action in <paramref name="lang"/>.</summary>
    public static void Apply(RootCommand root, Lang lang)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Description = Texts.Get(TextId.CliHelpOption, lang);
                help.Action = new LocalizedHelp(lang);
            }
            else if (option is VersionOption version)
            {
                version.Description = Texts.Get(TextId.CliVersionOption, lang);
            }
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
        return 0;
    }

    public void Write(Command command, TextWriter output)
    {
        var sections = new List<Action>();
        if (command.Description is { Length: > 0 } description)
            sections.Add(() => Lines(output, TextId.CliHelpDescription, Wrap(description, Width - Indent)));
        sections.Add(() => Lines(output, TextId.CliHelpUsage, [Usage(command)]));
        var arguments = command.Arguments.Where(a => !a.Hidden).Select(a => (ArgumentLabel(a), a.Description ?? "")).ToList();
        if (arguments.Count > 0)
            sections.Add(() => Columns(output, TextId.CliHelpArguments, arguments));
        var options = OptionsOf(command).Select(o => (OptionLabel(o), OptionText(o))).ToList();
        if (options.Count > 0)
            sections.Add(() => Columns(output, TextId.CliHelpOptions, options));
        var commands = command.Subcommands.Where(c => !c.Hidden).Select(c => (CommandLabel(c), c.Description ?? "")).ToList();
        if (commands.Count > 0)
            sections.Add(() => Columns(output, TextId.CliHelpCommands, commands));

        for (var i = 0; i < sections.Count; i++)
        {
            if (i > 0)
                output.WriteLine();
            sections[i]();
        }
    }

    /// <summary>"wijkwerk export clients": how the command is typed, from the program's name on.</summary>
    public static string PathOf(Command command)
    {
        var path = new List<string>();
        for (Symbol? symbol = command; symbol is Command current; symbol = symbol.Parents.FirstOrDefault())
            path.Insert(0, current.Name);
        return string.Join(' ', path);
    }

    private void Lines(TextWriter output, TextId title, IEnumerable<string> lines)
    {
        output.WriteLine(Texts.Get(title, lang));
        foreach (var line in lines)
            output.WriteLine(new string(' ', Indent) + line);
    }

    /// <summary>Names on the left, descriptions wrapped on the right; a name too long for the column gets a line of its own.</summary>
    private void Columns(TextWriter output, TextId title, IReadOnlyList<(string Label, string Text)> rows)
    {
        output.WriteLine(Texts.Get(title, lang));
        var first = Math.Min(MaxFirstColumn, rows.Max(r => r.Label.Length)) + 2;
        var pad = new string(' ', Indent + first);
        foreach (var (label, text) in rows)
        {
            var lines = Wrap(text, Width - Indent - first);
            if (label.Length > MaxFirstColumn)
            {
                output.WriteLine(new string(' ', Indent) + label);
                foreach (var line in lines)
                    output.WriteLine(pad + line);
                continue;
            }

            for (var i = 0; i < Math.Max(1, lines.Count); i++)
                output.WriteLine((i == 0 ? new string(' ', Indent) + label.PadRight(first) : pad) + (i < lines.Count ? lines[i] : "").TrimEnd());
        }
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        if (line.Length > 0)
            lines.Add(line);
        return lines;
    }

    /// <summary>"wijkwerk export clients [opties]": the command's path, its arguments, then what may follow.</summary>
    private string Usage(Command command) => string.Join(' ', new[] { PathOf(command) }
        .Concat(command.Arguments.Where(a => !a.Hidden).Select(ArgumentLabel))
        .Concat(command.Subcommands.Any(c => !c.Hidden) ? [Texts.Get(TextId.CliHelpUsageCommand, lang)] : [])
        .Concat(OptionsOf(command).Any() ? [Texts.Get(TextId.CliHelpUsageOptions, lang)] : []));

    /// <summary>The command's own options, then those it inherits from the commands above it.</summary>
    private static IEnumerable<Option> OptionsOf(Command command)
    {
        var inherited = new List<Option>();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            inherited.AddRange(parent.Options.Where(o => o.Recursive));
        return command.Options.Concat(inherited).Where(o => !o.Hidden).Distinct();
    }

    private static string ArgumentLabel(Argument argument) => "<" + (argument.HelpName ?? argument.Name) + ">";

    private static string CommandLabel(Command command) =>
        string.Join(' ', new[] { command.Name }.Concat(command.Arguments.Where(a => !a.Hidden).Select(ArgumentLabel)));

    /// <summary>"-h, --help" or "--format &lt;csv|json&gt;": every name, then the values it takes when it takes one.</summary>
    private static string OptionLabel(Option option)
    {
        var names = string.Join(", ", option.Aliases.Append(option.Name).Distinct().OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal));
        if (option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool))
            return names;
        var choices = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
        return names + " <" + (choices.Count > 0 ? string.Join('|', choices) : option.HelpName ?? option.Name.TrimStart('-')) + ">";
    }

    private string OptionText(Option option)
    {
        var text = option.Description ?? "";
        if (option.HasDefaultValue && option.ValueType != typeof(bool) && option.GetDefaultValue() is { } value && value.ToString() is { Length: > 0 } shown)
            text += " " + Texts.Format(TextId.CliHelpDefault, lang, shown);
        if (option.Required)
            text += " " + Texts.Get(TextId.CliHelpRequired, lang);
        return text.Trim();
    }
}
