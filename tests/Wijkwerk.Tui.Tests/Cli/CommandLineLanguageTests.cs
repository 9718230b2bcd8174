using System.CommandLine;
using System.Globalization;
using Wijkwerk.Cli;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Cli;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Cli;

/// <summary>The parser's own words (help, usage, its errors) are Dutch by default and English with <c>--lang en</c>, as a person meets them.</summary>
public class CommandLineLanguageTests
{
    /// <summary>What the parser writes by itself in English; none of it may reach a Dutch reader.</summary>
    private static readonly string[] ParserEnglish =
        ["Usage:", "Options:", "Commands:", "Arguments:", "Description:", "[options]", "[command]", "Show help", "Show version", "(REQUIRED)", "default:"];

    private static readonly string[] ParserDutch = ["Gebruik:", "Opties:", "Opdrachten:", "Beschrijving:", "[opties]", "[opdracht]", "Toon hulp", "standaard:"];

    [Theory]
    [InlineData("--help")]
    [InlineData("export", "--help")]
    [InlineData("export", "indications", "--help")]
    [InlineData("login", "-h")]
    public void Help_Dutch_ByDefault_NoParserEnglish(params string[] args)
    {
        using var temp = new TempFolder();

        var result = WijkwerkProcess.Run(temp.File("data"), args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Gebruik:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Toon hulp en gebruik", result.Out, StringComparison.Ordinal);
        Assert.All(ParserEnglish, english => Assert.DoesNotContain(english, result.Out, StringComparison.Ordinal));
        Assert.DoesNotContain(" / ", result.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("data")));
    }

    [Fact]
    public void Help_LangEn_AllEnglish()
    {
        using var temp = new TempFolder();

        var result = WijkwerkProcess.Run(temp.File("data"), "export", "--help", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Show help and usage information", result.Out, StringComparison.Ordinal);
        Assert.Contains("Export data as CSV or JSON", result.Out, StringComparison.Ordinal);
        Assert.Contains("Export clients", result.Out, StringComparison.Ordinal);
        Assert.All(ParserDutch, dutch => Assert.DoesNotContain(dutch, result.Out, StringComparison.Ordinal));
    }

    [Fact]
    public void Help_ExportCommands_ProperDutchDescriptions()
    {
        using var temp = new TempFolder();

        var export = WijkwerkProcess.Run(temp.File("data"), "export", "--help");
        var clients = WijkwerkProcess.Run(temp.File("data"), "export", "clients", "--help");

        Assert.Contains("Cliënten exporteren", export.Out, StringComparison.Ordinal);
        Assert.Contains("Huisbezoeken exporteren", export.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Exporteer", export.Out, StringComparison.Ordinal);
        Assert.Contains("wijkwerk export clients [opties]", clients.Out, StringComparison.Ordinal);
        Assert.Matches(@"--format <csv\|json>\s+Bestandsvorm: csv of json \[standaard: csv\]", clients.Out);
        Assert.Matches(@"-h, [^\n]*--help\s+Toon hulp en gebruik", clients.Out);
    }

    [Theory]
    [InlineData("'xml' is geen geldige keuze. Kies uit:", "export", "clients", "--format", "xml")]
    [InlineData("'--server' is verplicht.", "login", "--code", "ABC")]
    [InlineData("'exporteer' is geen bekende opdracht of waarde.", "exporteer")]
    [InlineData("'veel' is geen geldige waarde voor '--clients': verwacht een geheel getal.", "demo", "--clients", "veel")]
    [InlineData("Kies een opdracht.", "export")]
    [InlineData("--clients: kies 1 tot en met 100000.", "demo", "--clients", "0")]
    public void ParseError_Dutch_WithPointerToHelp_NothingCreated(string expected, params string[] args)
    {
        using var temp = new TempFolder();

        var result = WijkwerkProcess.Run(temp.File("data"), args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains("--help' om te zien wat kan.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Required", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not recognized", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrecognized", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("data")));
    }

    [Fact]
    public void ParseError_LangEn_TheParsersEnglish()
    {
        using var temp = new TempFolder();

        var result = WijkwerkProcess.Run(temp.File("data"), "export", "clients", "--format", "xml", "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Argument 'xml' not recognized. Must be one of:", result.Error, StringComparison.Ordinal);
        Assert.Contains("'json'", result.Error, StringComparison.Ordinal);
        Assert.Contains("to see what is possible.", result.Error, StringComparison.Ordinal);
    }

    /// <summary>An upgrade of the parser that renames or adds an error template fails here, not in front of a nurse.</summary>
    [Fact]
    public void ParseErrorTexts_CoverEveryErrorTemplateOfTheParser()
    {
        var handledElsewhere = new[] { "ExceptionHandlerHeader", "HelpOptionDescription", "VersionOptionDescription" };
        var resources = ParseErrorTexts.Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();

        var errors = resources.Where(k => !k.StartsWith("Help", StringComparison.Ordinal) && !handledElsewhere.Contains(k));

        Assert.All(ParseErrorTexts.Templates.Keys, key => Assert.Contains(key, resources));
        Assert.Equal(errors.Order(), ParseErrorTexts.Templates.Keys.Order());
    }

    /// <summary>Every command, option and argument says what it is in the reader's language, and only in that one.</summary>
    [Fact]
    public void Descriptions_OneLanguageEach_DifferentPerLanguage()
    {
        var dutch = Symbols(CommandLine.Build(TimeProvider.System, (_, _, _, _) => 0, Lang.Nl)).ToList();
        var english = Symbols(CommandLine.Build(TimeProvider.System, (_, _, _, _) => 0, Lang.En)).ToList();

        Assert.Equal(dutch.Select(s => s.Path), english.Select(s => s.Path));
        Assert.All(dutch.Zip(english), pair =>
        {
            Assert.False(string.IsNullOrWhiteSpace(pair.First.Description), pair.First.Path);
            Assert.DoesNotContain(" / ", pair.First.Description, StringComparison.Ordinal);
            Assert.NotEqual(pair.First.Description, pair.Second.Description);
        });
    }

    private static IEnumerable<(string Path, string? Description)> Symbols(Command command, string path = "")
    {
        var here = path + " " + command.Name;
        yield return (here, command.Description);
        foreach (var option in command.Options)
            yield return (here + " " + option.Name, option.Description);
        foreach (var argument in command.Arguments)
            yield return (here + " " + argument.Name, argument.Description);
        foreach (var sub in command.Subcommands.SelectMany(c => Symbols(c, here)))
            yield return sub;
    }
}
