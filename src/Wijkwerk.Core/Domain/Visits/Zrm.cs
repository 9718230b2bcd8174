namespace Wijkwerk.Core.Domain.Visits;

/// <summary>The thirteen domains of the Zelfredzaamheid-Matrix 2017.</summary>
public enum ZrmDomain
{
    Finances,
    WorkAndEducation,
    TimeUse,
    Housing,
    DomesticRelations,
    MentalHealth,
    PhysicalHealth,
    SubstanceUse,
    BasicAdl,
    InstrumentalAdl,
    SocialNetwork,
    SocialParticipation,
    Justice,
}

/// <summary>1 acute problematiek … 5 volledig zelfredzaam.</summary>
public enum ZrmScore
{
    Acute = 1,
    NotSelfReliant = 2,
    LimitedSelfReliance = 3,
    SufficientlySelfReliant = 4,
    FullySelfReliant = 5,
}

public sealed record ZrmVersion(string Code, IReadOnlyList<ZrmDomain> Domains)
{
    public static ZrmVersion Zrm2017 { get; } = new("ZRM-2017", Enum.GetValues<ZrmDomain>());

    /// <summary>
    /// The editions Wijkwerk can record. The older 11-domain edition groups its domains differently
    /// (dagbesteding, ADL, verslaving); it needs its own domain list and a mapping before it is added,
    /// so its scores are never read as 2017 scores.
    /// </summary>
    public static IReadOnlyList<ZrmVersion> Known { get; } = [Zrm2017];

    public static ZrmVersion? Find(string code) => Known.FirstOrDefault(v => v.Code == code);
}
