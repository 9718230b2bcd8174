using System.CommandLine;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Cli;

/// <summary>
/// The language of a command line, read before it is parsed: help, parse errors and descriptions are
/// written while parsing, so they must know it first. <c>--lang</c> itself is still parsed and checked.
/// </summary>
public static class CliLanguage
{
    public const string OptionName = "--lang";

    public static Lang FromArgs(IReadOnlyList<string> args)
    {
        var lang = Lang.Nl;
        for (var i = 0; i < args.Count; i++)
        {
            var value = args[i] == OptionName && i + 1 < args.Count ? args[i + 1]
                : args[i].StartsWith(OptionName + "=", StringComparison.Ordinal) || args[i].StartsWith(OptionName + ":", StringComparison.Ordinal) ? args[i][(OptionName.Length + 1)..]
                : null;
            if (value is not null)
                lang = value == "en" ? Lang.En : Lang.Nl;
        }

        return lang;
    }

    /// <summary><c>--lang nl|en</c>, on every command.</summary>
    public static Option<string> Option(Lang lang)
    {
        var option = new Option<string>(OptionName) { Description = Texts.Get(TextId.CliLangOption, lang), DefaultValueFactory = _ => "nl", Recursive = true };
        option.AcceptOnlyFromAmong("nl", "en");
        return option;
    }
}
