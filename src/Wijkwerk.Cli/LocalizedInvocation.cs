using System.CommandLine;
using System.CommandLine.Invocation;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Cli;

/// <summary>Runs a parsed command line; a line that did not parse gets its errors in the reader's language and a pointer to the help.</summary>
public static class LocalizedInvocation
{
    public const int ParseFailed = 1;

    public static int Invoke(ParseResult parse, Lang lang, TextWriter error)
    {
        if (parse.Action is ParseErrorAction)
            return Refuse(parse, lang, error);
        return parse.Invoke();
    }

    public static Task<int> InvokeAsync(ParseResult parse, Lang lang, TextWriter error)
    {
        if (parse.Action is ParseErrorAction)
            return Task.FromResult(Refuse(parse, lang, error));
        return parse.InvokeAsync();
    }

    private static int Refuse(ParseResult parse, Lang lang, TextWriter error)
    {
        foreach (var message in parse.Errors.Select(e => e.Message).Distinct())
            error.WriteLine(ParseErrorTexts.Translate(message, lang));
        error.WriteLine(Texts.Format(TextId.CliSeeHelp, lang, LocalizedHelp.PathOf(parse.CommandResult.Command)));
        return ParseFailed;
    }
}
