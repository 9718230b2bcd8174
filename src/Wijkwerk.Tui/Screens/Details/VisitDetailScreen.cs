using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Screens.Details;

/// <summary>
/// One home visit in full, opened from the dossier timeline: when and by whom, the notes, and the ZRM score
/// of every domain of its edition, with the domains that were not asked named as such.
/// </summary>
public sealed class VisitDetailScreen(WijkwerkApp app, Client client, HomeVisit visit) : DetailScreen(app)
{
    public override string Title => T(TextId.UiVisitDetailTitle, client.Name.Full);

    protected override IReadOnlyList<DetailLine> Lines()
    {
        var lang = App.Lang;
        var lines = new List<DetailLine>
        {
            new(client.Name.Full, CellStyle.Bold),
            DetailLine.Plain(T(TextId.UiDetailVisitDate, DateText.Show(visit.Date))),
            DetailLine.Plain(T(TextId.UiDetailVisitWorker, Who(visit.Worker))),
            DetailLine.Blank,
            DetailLine.Heading(T(TextId.UiDetailNotes)),
            DetailLine.Plain(visit.Notes.Length > 0 ? visit.Notes : T(TextId.UiDetailNoNotes)),
            DetailLine.Blank,
        };
        if (visit.Zrm is not { } zrm)
        {
            lines.Add(DetailLine.Plain(T(TextId.UiDetailNoZrm)));
            return lines;
        }

        lines.Add(DetailLine.Heading(T(TextId.UiDetailZrm, zrm.Version.Code, zrm.Scores.Count, zrm.Version.Domains.Count)));
        var width = zrm.Version.Domains.Max(d => EnumTexts.Name(d, lang).Length);
        lines.AddRange(zrm.Version.Domains.Select(domain => DetailLine.TableRow(
            $"{EnumTexts.Name(domain, lang).PadRight(width)}  {(zrm.ScoreFor(domain) is { } score ? EnumTexts.Name(score, lang) : T(TextId.UiDetailZrmNotAsked))}")));
        return lines;
    }
}
