using System.CommandLine;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Cli;

/// <summary>
/// The parser's error messages in the reader's language. The parser has no Dutch and gives no error code,
/// only its English sentence, built from the templates in its own resources: each template is read back
/// from those resources and matched, and its values are put into our sentence. Messages our own
/// validators wrote pass through as they are.
/// </summary>
public static class ParseErrorTexts
{
    /// <summary>The name of the parser's resources, and of each template in it that we say in our words.</summary>
    public const string ResourceName = "System.CommandLine.Properties.Resources";

    /// <summary>The parser's own resources, in the language it was written in.</summary>
    public static ResourceManager Resources { get; } = new(ResourceName, typeof(RootCommand).Assembly);

    public static readonly IReadOnlyDictionary<string, TextId> Templates = new Dictionary<string, TextId>(StringComparer.Ordinal)
    {
        ["ArgumentConversionCannotParse"] = TextId.CliErrorCannotParse,
        ["ArgumentConversionCannotParseForCommand"] = TextId.CliErrorCannotParseForCommand,
        ["ArgumentConversionCannotParseForCommand_Completions"] = TextId.CliErrorCannotParseWithChoices,
        ["ArgumentConversionCannotParseForOption"] = TextId.CliErrorCannotParseForOption,
        ["ArgumentConversionCannotParseForOption_Completions"] = TextId.CliErrorCannotParseWithChoices,
        ["CommandRequiredArgumentMissing"] = TextId.CliErrorCommandArgumentMissing,
        ["DirectoryDoesNotExist"] = TextId.CliErrorDirectoryMissing,
        ["FileDoesNotExist"] = TextId.CliErrorFileMissing,
        ["FileOrDirectoryDoesNotExist"] = TextId.CliErrorFileOrDirectoryMissing,
        ["ErrorReadingResponseFile"] = TextId.CliErrorResponseFileUnreadable,
        ["ResponseFileNotFound"] = TextId.CliErrorResponseFileMissing,
        ["InvalidCharactersInFileName"] = TextId.CliErrorFileNameCharacter,
        ["InvalidCharactersInPath"] = TextId.CliErrorPathCharacter,
        ["OptionExpectsOneArgument"] = TextId.CliErrorOptionOneValue,
        ["OptionRequiredArgumentMissing"] = TextId.CliErrorOptionValueMissing,
        ["RequiredCommandWasNotProvided"] = TextId.CliErrorCommandMissing,
        ["RequiredOptionWasNotProvided"] = TextId.CliErrorOptionRequired,
        ["SuggestionsTokenNotMatched"] = TextId.CliErrorNotMatched,
        ["UnrecognizedArgument"] = TextId.CliErrorNotOneOf,
        ["UnrecognizedCommandOrArgument"] = TextId.CliErrorUnknown,
        ["VersionOptionCannotBeCombinedWithOtherArguments"] = TextId.CliErrorVersionAlone,
    };

    /// <summary>Longest template first: "Cannot parse argument '{0}' as expected type '{1}'." would also match the message that names the option.</summary>
    private static readonly Lazy<IReadOnlyList<(Regex Pattern, TextId Text)>> Patterns = new(() => Templates
        .Select(t => (Template: Resources.GetString(t.Key, CultureInfo.InvariantCulture) ?? throw new InvalidOperationException($"System.CommandLine has no template {t.Key}."), Text: t.Value))
        .OrderByDescending(t => t.Template.Length)
        .Select(t => (Pattern(t.Template), t.Text))
        .ToList());

    public static string Translate(string message, Lang lang)
    {
        foreach (var (pattern, text) in Patterns.Value)
        {
            if (pattern.Match(message) is { Success: true } match)
                return Texts.Format(text, lang, match.Groups.Cast<Group>().Skip(1).Select(g => (object)TypeName(g.Value, lang)).ToArray());
        }

        return message;
    }

    /// <summary>A template such as "Option '{0}' is required." as a pattern that captures each value.</summary>
    private static Regex Pattern(string template)
    {
        var parts = Regex.Split(template, @"\{\d\}");
        return new Regex("^" + string.Join("(.*?)", parts.Select(Regex.Escape)) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    /// <summary>The parser names the expected .NET type; a person is told what to type.</summary>
    private static string TypeName(string value, Lang lang) => value switch
    {
        "System.Int32" or "System.Int64" => Texts.Get(TextId.CliTypeNumber, lang),
        "System.Boolean" => Texts.Get(TextId.CliTypeYesNo, lang),
        _ => value,
    };
}
