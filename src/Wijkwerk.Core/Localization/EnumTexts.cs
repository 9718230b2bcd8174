using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Pauses;
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
        [ProductCategory.HouseholdHelp] = ("01 Hulp bij het huishouden", "01 Household help"),
        [ProductCategory.Guidance] = ("02 Begeleiding", "02 Guidance"),
        [ProductCategory.PersonalCare] = ("03 Persoonlijke verzorging", "03 Personal care"),
        [ProductCategory.ShortStay] = ("04 Kortdurend verblijf", "04 Short stay"),
        [ProductCategory.HousingServices] = ("05 Woondiensten", "05 Housing services"),
        [ProductCategory.OtherIndividualSupport] = ("06 Overige ondersteuning gericht op het individu of huishouden/gezin", "06 Other support for the individual or household/family"),
        [ProductCategory.DayActivities] = ("07 Dagbesteding", "07 Day activities"),
        [ProductCategory.TransportServices] = ("08 Vervoerdiensten", "08 Transport services"),
        [ProductCategory.OtherGroupSupport] = ("09 Overige groepsgerichte ondersteuning", "09 Other group support"),
        [ProductCategory.OtherCustomArrangements] = ("10 Overige maatwerk arrangementen", "10 Other custom arrangements"),
        [ProductCategory.Wheelchairs] = ("11 Rolstoelen", "11 Wheelchairs"),
        [ProductCategory.TransportAids] = ("12 Vervoervoorzieningen", "12 Transport aids"),
        [ProductCategory.HousingAids] = ("13 Woonvoorzieningen", "13 Housing adaptations"),
        [ProductCategory.OtherAids] = ("14 Overige hulpmiddelen", "14 Other aids"),
        [ProductCategory.ShelteredHousing] = ("15 Beschermd wonen", "15 Sheltered housing"),
        [ProductCategory.Shelter] = ("16 Opvang", "16 Shelter"),
        [ProductCategory.EmergencyShelter] = ("17 Spoedopvang", "17 Emergency shelter"),
        [ProductCategory.OtherShelteredHousingAndShelter] = ("18 Overige beschermd wonen en opvang", "18 Other sheltered housing and shelter"),
        [VolumeUnit.Minute] = ("01 minuut", "01 minute"),
        [VolumeUnit.Hour] = ("04 uur", "04 hour"),
        [VolumeUnit.Etmaal] = ("14 etmaal", "14 day and night"),
        [VolumeUnit.Dagdeel] = ("16 dagdeel (4 uur)", "16 half-day (4 hours)"),
        [VolumeUnit.Pieces] = ("82 stuks", "82 pieces"),
        [VolumeUnit.Euro] = ("83 euro", "83 euro"),
        [VolumeFrequency.PerDay] = ("per dag", "per day"),
        [VolumeFrequency.PerWeek] = ("per week", "per week"),
        [VolumeFrequency.PerFourWeeks] = ("per vier weken", "per four weeks"),
        [VolumeFrequency.PerMonth] = ("per maand", "per month"),
        [VolumeFrequency.PerYear] = ("per jaar", "per year"),
        [VolumeFrequency.TotalWithinValidity] = ("totaal binnen geldigheidsduur", "total within the validity period"),
        [AdviceStatus.Concept] = ("concept", "draft"),
        [AdviceStatus.Submitted] = ("ingediend", "submitted"),
        [AdviceStatus.QuestionAsked] = ("vraag gesteld", "question asked"),
        [AdviceStatus.Answered] = ("beantwoord", "answered"),
        [AdviceStatus.Granted] = ("toegekend", "granted"),
        [AdviceStatus.Adjusted] = ("aangepast", "adjusted"),
        [AdviceStatus.Rejected] = ("afgewezen", "rejected"),
        [AdviceStatus.Withdrawn] = ("ingetrokken", "withdrawn"),
        [LegalBasis.WmoTask] = ("wettelijke taak (Wmo-onderzoek)", "statutory task (Wmo investigation)"),
        [LegalBasis.CareAgreement] = ("behandelovereenkomst", "care agreement"),
        [LegalBasis.Consent] = ("toestemming", "consent"),
        [AdviceMessageKind.Question] = ("vraag", "question"),
        [AdviceMessageKind.Answer] = ("antwoord", "answer"),
        [ClockKind.Investigation] = ("onderzoek (6 weken na melding)", "investigation (6 weeks after melding)"),
        [ClockKind.Decision] = ("beschikking (2 weken na aanvraag)", "decision (2 weeks after aanvraag)"),
        [ClockState.Running] = ("loopt", "running"),
        [ClockState.Overdue] = ("termijn verstreken", "overdue"),
        [ClockState.MetInTime] = ("op tijd", "in time"),
        [ClockState.MetLate] = ("te laat", "late"),
        [ClockState.Stopped] = ("gestopt", "stopped"),
        [ProvisionPart.Category] = ("productcategorie", "product category"),
        [ProvisionPart.ProductCode] = ("productcode", "product code"),
        [ProvisionPart.Volume] = ("omvang", "volume"),
        [ProvisionPart.Start] = ("startdatum", "start date"),
        [ProvisionPart.Duration] = ("duur", "duration"),

        // Outside the screen (issue 10): the access log as it leaves in an export.
        [AuditEventType.View] = ("ingezien", "viewed"),
        [AuditEventType.Create] = ("aangemaakt", "created"),
        [AuditEventType.Change] = ("gewijzigd", "changed"),
        [AuditEventType.Delete] = ("verwijderd", "deleted"),
        [AuditEventType.Search] = ("gezocht", "searched"),
        [AuditEventType.Import] = ("geïmporteerd", "imported"),
        [AuditEventType.Export] = ("geëxporteerd", "exported"),
        [AuditEventType.PassphraseChange] = ("wachtwoordzin gewijzigd", "passphrase changed"),
        [AuditOutcome.Success] = ("gelukt", "succeeded"),
        [AuditOutcome.Failure] = ("mislukt", "failed"),

        // Issue 11, below the screen: cost table and mandate decisions
        [CostPeriod.PerOccurrence] = ("per keer", "per occurrence"),
        [CostPeriod.PerMonth] = ("per maand", "per month"),
        [CostPeriod.PerYear] = ("per jaar", "per year"),
        [FollowUpResult.CarriedOut] = ("uitgevoerd", "carried out"),
        [FollowUpResult.Partly] = ("deels uitgevoerd", "partly carried out"),
        [FollowUpResult.NotCarriedOut] = ("niet uitgevoerd", "not carried out"),
        [MandateState.Valid] = ("geldig", "valid"),
        [MandateState.NotYetValid] = ("nog niet geldig", "not yet valid"),
        [MandateState.Expired] = ("verlopen", "expired"),
        [MandateState.Revoked] = ("ingetrokken", "revoked"),
        // Issue 12: the minimaatwerk budget.
        [BudgetCategory.Housing] = ("wonen", "housing"),
        [BudgetCategory.Energy] = ("energie", "energy"),
        [BudgetCategory.DentalCare] = ("zorgkosten/tandarts", "care costs/dentist"),
        [BudgetCategory.IdentityDocuments] = ("identiteitsbewijs en documenten", "identity card and documents"),
        [BudgetCategory.Work] = ("werk", "work"),
        [BudgetCategory.Transport] = ("vervoer", "transport"),
        [BudgetCategory.Debts] = ("schulden", "debts"),
        [BudgetCategory.Household] = ("huisraad", "household goods"),
        [BudgetCategory.Other] = ("overig", "other"),
        [BudgetRequestStatus.Requested] = ("aangevraagd", "requested"),
        [BudgetRequestStatus.Approved] = ("goedgekeurd", "approved"),
        [BudgetRequestStatus.Paid] = ("betaald", "paid"),
        [BudgetRequestStatus.AlternativeFound] = ("alternatief gevonden", "alternative found"),
        [BudgetRequestStatus.Withdrawn] = ("ingetrokken", "withdrawn"),
        [BudgetRequestStatus.Refused] = ("geweigerd", "refused"),
        [VoteKind.Approve] = ("akkoord", "approve"),
        [VoteKind.Alternative] = ("alternatief", "alternative"),
        // Issue 13: the revolving fund.
        [EscalationLevel.CaseTeam] = ("casusteam", "case team"),
        [EscalationLevel.Maatwerkloket] = ("Maatwerkloket", "Maatwerkloket (tailored-solutions desk)"),
        [EscalationLevel.LandelijkEscalatieTeam] = ("Landelijk Escalatie Team", "Landelijk Escalatie Team (national escalation team)"),
        [PauseState.Holding] = ("loopt", "holding"),
        [PauseState.EndingSoon] = ("eindigt binnen een week", "ends within a week"),
        [PauseState.Ended] = ("geëindigd", "ended"),
        [PauseState.Lifted] = ("opgeheven", "lifted"),
        [FundRequestStatus.Requested] = ("aangevraagd", "requested"),
        [FundRequestStatus.Approved] = ("toegekend, wacht op uitbetaling", "granted, awaiting payout"),
        [FundRequestStatus.Refused] = ("geweigerd", "refused"),
        [FundRequestStatus.PaidOut] = ("uitbetaald", "paid out"),
        [FundRequestStatus.Evaluated] = ("geëvalueerd", "evaluated"),
        [FundRequestStatus.Settled] = ("verrekend", "settled"),
        // Issue 14 item 2: patterns for the werktafel.
        [PatternState.Raised] = ("gesignaleerd", "raised"),
        [PatternState.Discussed] = ("besproken aan de werktafel", "discussed at the werktafel"),
        [PatternState.FixAgreed] = ("structurele oplossing afgesproken", "structural fix agreed"),
        [PatternState.Closed] = ("afgesloten", "closed"),
        [PatternState.Dismissed] = ("afgewezen", "dismissed"),
    };

    /// <summary>A unit after a number: "1 uur", "3 uur", "2 dagdelen".</summary>
    private static readonly Dictionary<VolumeUnit, (string NlOne, string NlMany, string EnOne, string EnMany)> Units = new()
    {
        [VolumeUnit.Minute] = ("minuut", "minuten", "minute", "minutes"),
        [VolumeUnit.Hour] = ("uur", "uur", "hour", "hours"),
        [VolumeUnit.Etmaal] = ("etmaal", "etmalen", "day and night", "days and nights"),
        [VolumeUnit.Dagdeel] = ("dagdeel", "dagdelen", "half-day", "half-days"),
        [VolumeUnit.Pieces] = ("stuk", "stuks", "piece", "pieces"),
        [VolumeUnit.Euro] = ("euro", "euro", "euro", "euros"),
    };

    public static string Counted(VolumeUnit unit, long amount, Lang lang) =>
        Units.TryGetValue(unit, out var names) ? Plurals.Choose(amount, names, lang) : unit.ToString();

    public static string Name(Enum value, Lang lang) =>
        All.TryGetValue(value, out var names) ? (lang == Lang.En ? names.En : names.Nl) : value.ToString();

    /// <summary>Every value of every listed enum has a name; a test checks it.</summary>
    public static IEnumerable<Enum> Missing(params Type[] enumTypes) =>
        enumTypes.SelectMany(t => Enum.GetValuesAsUnderlyingType(t).Cast<object>().Select(v => (Enum)Enum.ToObject(t, v))).Where(v => !All.ContainsKey(v));
}
