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

    /// <summary>Equal when the same edition holds the same scores: an advice's snapshot read back from a row equals the one written.</summary>
    public bool Equals(ZrmAssessment? other) =>
        other is not null && Version.Code == other.Version.Code && Scores.Count == other.Scores.Count
        && Scores.All(s => other.Scores.TryGetValue(s.Key, out var score) && score == s.Value);

    public override int GetHashCode() => HashCode.Combine(Version.Code, Scores.Count);
}
