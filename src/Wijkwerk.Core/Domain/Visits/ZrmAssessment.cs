using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Visits;

/// <summary>
/// Self-reliance scores from one conversation. Every domain is optional ("niet gevraagd"): the Dutch
/// DPA ruled that a system must not force questions irrelevant to the request. The version is stored
/// so scores from different editions are never compared as if alike.
/// </summary>
public sealed record ZrmAssessment(ZrmVersion Version, IReadOnlyDictionary<ZrmDomain, ZrmScore> Scores)
{
    public static Parsed<ZrmAssessment> Create(ZrmVersion version, IReadOnlyDictionary<ZrmDomain, int> scores)
    {
        var checkedScores = new Dictionary<ZrmDomain, ZrmScore>();
        foreach (var (domain, score) in scores)
        {
            if (!version.Domains.Contains(domain))
                return Parsed<ZrmAssessment>.Fail("zrm", TextId.ZrmDomainNotInVersion, domain, version.Code);
            if (score is < 1 or > 5)
                return Parsed<ZrmAssessment>.Fail("zrm", TextId.ZrmScoreRange, domain);
            checkedScores[domain] = (ZrmScore)score;
        }

        return Parsed<ZrmAssessment>.Ok(new ZrmAssessment(version, checkedScores));
    }

    public ZrmScore? ScoreFor(ZrmDomain domain) => Scores.TryGetValue(domain, out var score) ? score : null;
}
