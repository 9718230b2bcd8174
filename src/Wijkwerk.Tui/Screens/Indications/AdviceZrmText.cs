using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Tui.Screens.Indications;

/// <summary>The ZRM snapshot an advice carries: taken from the latest scored home visit, and named by that visit's date.</summary>
public static class AdviceZrmText
{
    /// <summary>The client's most recent home visit with at least one ZRM score, or null.</summary>
    public static HomeVisit? LatestScoredVisit(IEnumerable<HomeVisit> visits) =>
        visits.Where(v => v.Zrm is { Scores.Count: > 0 }).OrderByDescending(v => v.Date).FirstOrDefault();

    /// <summary>"ZRM van 02-03-2026: 4 domeinen"; undated when no visit on this laptop holds these scores; "geen ZRM".</summary>
    public static string Line(ZrmAssessment? zrm, IEnumerable<HomeVisit> visits, Lang lang)
    {
        if (zrm is not { Scores.Count: > 0 })
            return Texts.Get(TextId.UiAdviceZrmNone, lang);
        var visit = visits.Where(v => zrm.Equals(v.Zrm)).OrderByDescending(v => v.Date).FirstOrDefault();
        return visit is null
            ? Texts.Format(TextId.UiAdviceZrmUndated, lang, zrm.Scores.Count)
            : Texts.Format(TextId.UiAdviceZrmFrom, lang, DateText.Show(visit.Date), zrm.Scores.Count);
    }

    /// <summary>One line per scored domain, in the matrix's own order: "Instrumentele ADL: 2 niet zelfredzaam".</summary>
    public static IEnumerable<string> Scores(ZrmAssessment? zrm, Lang lang) =>
        zrm is null
            ? []
            : zrm.Version.Domains.Where(d => zrm.ScoreFor(d) is not null)
                .Select(d => $"{EnumTexts.Name(d, lang)}: {EnumTexts.Name(zrm.ScoreFor(d)!.Value, lang)}");
}
