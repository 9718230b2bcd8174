namespace Wijkwerk.Core.Localization;

public static partial class Texts
{
    /// <summary>Issue 14 item 1: the bottleneck tags.</summary>
    private static Dictionary<TextId, (string Nl, string En)> Tags() => new()
    {
        [TextId.CliServerBottleneck] = ("De lijst met knelpunten bijhouden (reference data voor elke laptop)", "Keep the list of bottleneck tags (reference data for every laptop)"),
        [TextId.CliServerBottleneckAdd] = ("Een knelpunt aan de lijst toevoegen", "Add a bottleneck tag to the list"),
        [TextId.CliServerBottleneckList] = ("Alle knelpunten tonen, voorstellen en samengevoegde ook, met het aantal rijen dat ze draagt", "Show every bottleneck tag, proposals and merged ones too, with the number of rows carrying it"),
        [TextId.CliServerBottleneckMerge] = ("Een knelpunt samenvoegen met een ander: zijn rijen tellen voortaan daaronder", "Merge a bottleneck tag into another: its rows count under that one from now on"),
        [TextId.CliServerBottleneckAccept] = ("Een voorgesteld knelpunt in de lijst opnemen", "Take a proposed bottleneck tag into the list"),
        [TextId.CliServerBottleneckLabel] = ("Het knelpunt zoals het heet, zoals \"Spookbewoning\"", "The bottleneck tag as it is called, such as \"Spookbewoning\""),
        [TextId.CliServerBottleneckInto] = ("Het knelpunt uit de lijst waarmee wordt samengevoegd", "The bottleneck tag from the list to merge into"),
        [TextId.UiTagFieldKnown] = ("in de lijst", "in the list"),
        [TextId.UiTagFieldNewProposal] = ("nieuw voorstel; de beheerder beoordeelt het", "new proposal; the administrator judges it"),
        [TextId.UiTagFieldMerged] = ("telt mee als '{0}'", "counts as '{0}'"),
        [TextId.UiTagFieldComplete] = ("Tab: {0}", "Tab: complete {0}"),
        [TextId.UiSignalDetailBottleneck] = ("Knelpunt: {0}", "Bottleneck: {0}"),
        [TextId.UiAdviceDetailBottleneck] = ("Knelpunt: {0}", "Bottleneck: {0}"),
    };
}
