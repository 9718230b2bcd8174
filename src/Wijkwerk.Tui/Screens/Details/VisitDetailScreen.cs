using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Details;

/// <summary>
/// One home visit in full, opened from the dossier timeline: when and by whom, the notes, and the ZRM score
/// of every domain of its edition, with the domains that were not asked named as such.
/// </summary>
public sealed class VisitDetailScreen(WijkwerkApp app, Client client, HomeVisit visit) : DetailScreen(app)
{
    public override string Title => T(TextId.UiVisitDetailTitle, client.Name.Full);

    protected override IReadOnlyList<TextLine> Lines()
    {
        var lang = App.Lang;
        var lines = new List<TextLine>
        {
            new(client.Name.Full, CellStyle.Bold),
            TextLine.Plain(T(TextId.UiDetailVisitDate, DateText.Show(visit.Date))),
            TextLine.Plain(T(TextId.UiDetailVisitWorker, Who(visit.Worker))),
            TextLine.Blank,
            TextLine.Heading(T(TextId.UiDetailNotes)),
            TextLine.Plain(visit.Notes.Length > 0 ? visit.Notes : T(TextId.UiDetailNoNotes)),
            TextLine.Blank,
        };
        if (visit.Zrm is not { } zrm)
        {
            lines.Add(TextLine.Plain(T(TextId.UiDetailNoZrm)));
            return lines;
        }

        lines.Add(TextLine.Heading(T(TextId.UiDetailZrm, zrm.Version.Code, zrm.Scores.Count, zrm.Version.Domains.Count)));
        var width = zrm.Version.Domains.Max(d => EnumTexts.Name(d, lang).Length);
        lines.AddRange(zrm.Version.Domains.Select(domain => TextLine.TableRow(
            $"{EnumTexts.Name(domain, lang).PadRight(width)}  {(zrm.ScoreFor(domain) is { } score ? EnumTexts.Name(score, lang) : T(TextId.UiDetailZrmNotAsked))}")));
        return lines;
    }
}
