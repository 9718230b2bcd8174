namespace Wijkwerk.Core.Domain.Visits;

/// <summary>The domains of the Zelfredzaamheid-Matrix. ZRM 2017 has all thirteen; the older 2013 edition lacks the last two.</summary>
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

    public static ZrmVersion Zrm2013 { get; } = new("ZRM-2013", Enum.GetValues<ZrmDomain>()[..11]);

    public static IReadOnlyList<ZrmVersion> Known { get; } = [Zrm2017, Zrm2013];

    public static ZrmVersion? Find(string code) => Known.FirstOrDefault(v => v.Code == code);
}
