using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;

namespace Wijkwerk.Core.Localization;

/// <summary>The names people read for the domain's fixed lists, in Dutch and English.</summary>
public static class EnumTexts
{
    private static readonly Dictionary<Enum, (string Nl, string En)> All = new()
    {
        [SignalSource.Pharmacy] = ("apotheek", "pharmacy"),
        [SignalSource.GeneralPractitioner] = ("huisarts", "GP"),
        [SignalSource.DistrictNursing] = ("wijkverpleging", "district nursing"),
        [SignalSource.Neighbours] = ("buren", "neighbours"),
        [SignalSource.HousingCorporation] = ("woningcorporatie", "housing corporation"),
        [SignalSource.Enforcement] = ("handhaving", "enforcement"),
        [SignalSource.Police] = ("politie", "police"),
        [SignalSource.DebtEarlyWarning] = ("vroegsignalering schulden", "debt early warning"),
        [SignalSource.Other] = ("anders", "other"),
        [SignalStatus.New] = ("nieuw", "new"),
        [SignalStatus.PickedUp] = ("opgepakt", "picked up"),
        [SignalStatus.Referred] = ("doorverwezen", "referred"),
        [SignalStatus.Closed] = ("afgesloten", "closed"),
        [Urgency.Normal] = ("normaal", "normal"),
        [Urgency.Eropaf] = ("eropaf (binnen 4 uur)", "eropaf (within 4 hours)"),
        [LifeDomain.SafeHome] = ("1 goed wonen en een veilig thuis", "1 good housing and a safe home"),
        [LifeDomain.HealthyFinances] = ("2 gezonde financiën", "2 healthy finances"),
        [LifeDomain.MeaningfulDays] = ("3 een waardevolle daginvulling", "3 a meaningful day"),
        [LifeDomain.FittingSupport] = ("4 ondersteuning die past", "4 support that fits"),
        [LifeDomain.PleasantSurroundings] = ("5 een fijne leefomgeving", "5 pleasant surroundings"),
        [ZrmDomain.Finances] = ("Financiën", "Finances"),
        [ZrmDomain.WorkAndEducation] = ("Werk & opleiding", "Work & education"),
        [ZrmDomain.TimeUse] = ("Tijdsbesteding", "Use of time"),
        [ZrmDomain.Housing] = ("Huisvesting", "Housing"),
        [ZrmDomain.DomesticRelations] = ("Huiselijke relaties", "Domestic relations"),
        [ZrmDomain.MentalHealth] = ("Geestelijke gezondheid", "Mental health"),
        [ZrmDomain.PhysicalHealth] = ("Lichamelijke gezondheid", "Physical health"),
        [ZrmDomain.SubstanceUse] = ("Middelengebruik", "Substance use"),
        [ZrmDomain.BasicAdl] = ("Basale ADL", "Basic ADL"),
        [ZrmDomain.InstrumentalAdl] = ("Instrumentele ADL", "Instrumental ADL"),
        [ZrmDomain.SocialNetwork] = ("Sociaal netwerk", "Social network"),
        [ZrmDomain.SocialParticipation] = ("Maatschappelijke participatie", "Social participation"),
        [ZrmDomain.Justice] = ("Justitie", "Justice"),
        [ZrmScore.Acute] = ("1 acute problematiek", "1 acute problems"),
        [ZrmScore.NotSelfReliant] = ("2 niet zelfredzaam", "2 not self-reliant"),
        [ZrmScore.LimitedSelfReliance] = ("3 beperkt zelfredzaam", "3 limited self-reliance"),
        [ZrmScore.SufficientlySelfReliant] = ("4 voldoende zelfredzaam", "4 sufficiently self-reliant"),
        [ZrmScore.FullySelfReliant] = ("5 volledig zelfredzaam", "5 fully self-reliant"),
        [ConsentStatus.Given] = ("gegeven", "given"),
        [ConsentStatus.Declined] = ("geweigerd", "declined"),
        [ConsentStatus.NotPossible] = ("niet mogelijk", "not possible"),
        [HouseholdRelation.Partner] = ("partner", "partner"),
        [HouseholdRelation.Child] = ("kind", "child"),
        [HouseholdRelation.Parent] = ("ouder", "parent"),
        [HouseholdRelation.Housemate] = ("huisgenoot", "housemate"),
        [HouseholdRelation.Other] = ("anders", "other"),
        [Role.Nurse] = ("wijkverpleegkundige", "district nurse"),
        [Role.WmoConsultant] = ("Wmo-consulent", "Wmo consultant"),
        [Role.TeamLeader] = ("teamleider", "team leader"),
        [Role.FundSecretary] = ("fondssecretariaat", "fund secretary"),
        [Role.Admin] = ("beheerder", "administrator"),
    };

    public static string Name(Enum value, Lang lang) =>
        All.TryGetValue(value, out var names) ? (lang == Lang.En ? names.En : names.Nl) : value.ToString();

    /// <summary>Every value of every listed enum has a name; a test checks it.</summary>
    public static IEnumerable<Enum> Missing(params Type[] enumTypes) =>
        enumTypes.SelectMany(t => Enum.GetValues(t).Cast<Enum>()).Where(v => !All.ContainsKey(v));
}
