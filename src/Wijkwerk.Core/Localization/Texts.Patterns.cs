namespace Wijkwerk.Core.Localization;

public static partial class Texts
{
    /// <summary>Issue 14 item 2: the werktafel's patterns (their rules, the screen and the export).</summary>
    private static Dictionary<TextId, (string Nl, string En)> Patterns() => new()
    {
        [TextId.PatternRoleMayNotMove] = ("is {0}; alleen een teamleider zet een patroon een stap verder", "is {0}; only a team leader moves a pattern on"),
        [TextId.PatternNotOfYourTeams] = ("gaat over zaken van {0}, niet van uw team; een teamleider van een van die teams zet de stap", "is about cases of {0}, not of your team; a team leader of one of those teams takes the step"),
        [TextId.PatternAlreadyEnded] = ("kan niet meer: het patroon is al {0}; bij nieuwe zaken signaleert de server het opnieuw", "is no longer possible: the pattern is already {0}; new cases make the server raise it again"),
        [TextId.PatternMoveNotAllowed] = ("kan niet van '{0}' naar '{1}': een patroon wordt eerst besproken, dan wordt een structurele oplossing afgesproken en daarna afgesloten; afwijzen (met reden) kan tot er een oplossing is afgesproken", "cannot go from '{0}' to '{1}': a pattern is first discussed, then a structural fix is agreed and after that it is closed; it can be dismissed (with a reason) until a fix is agreed"),
        [TextId.PatternFixOnlyWhenAgreed] = ("hoort alleen bij de stap 'structurele oplossing afgesproken'; laat wat, wie en uiterlijk leeg", "belongs only to the step 'structural fix agreed'; leave what, who and by when empty"),
        [TextId.PatternFixByInPast] = ("ligt in het verleden; kies vandaag ({0}) of later", "is in the past; choose today ({0}) or later"),
        [TextId.PatternUnknown] = ("is niet bekend op de server; synchroniseer eerst, dan ziet u de patronen van uw teams", "is not known on the server; sync first to see your teams' patterns"),
        [TextId.PatternSourceMandate] = ("mandaatbesluit", "mandate decision"),
        [TextId.PatternSourceBudget] = ("minimaatwerkbudget", "minimaatwerk budget"),
        [TextId.PatternSourceFund] = ("revolverend fonds", "revolving fund"),
        [TextId.CliServerPattern] = ("Patronen voor de werktafel: knelpunttags die bij genoeg cliënten terugkomen", "Patterns for the werktafel: bottleneck tags that recur with enough clients"),
        [TextId.CliServerPatternSettings] = ("Toont of wijzigt wanneer een tag een patroon wordt, en detecteert opnieuw", "Shows or changes when a tag becomes a pattern, and detects again"),
        [TextId.CliServerPatternMinClients] = ("Zoveel verschillende cliënten met dezelfde tag maken een patroon (standaard 4)", "This many distinct clients with the same tag make a pattern (default 4)"),
        [TextId.CliServerPatternWindowMonths] = ("Binnen zoveel maanden tot vandaag (standaard 12)", "Within this many months up to today (default 12)"),
        [TextId.CliServerPatternDetect] = ("Detecteert nu (de server doet dat ook na elke synchronisatie met getagde zaken)", "Detects now (the server also does so after every sync with tagged cases)"),
        [TextId.CliServerPatternList] = ("Toont alle patronen van alle teams met hun cijfers en stappen, nooit namen", "Lists every pattern of every team with its figures and steps, never names"),
    };
}
