using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Core.Tests.Support;

/// <summary>Synthetic advice and the workers who handle it, for the indication tests.</summary>
public static class AdviceSamples
{
    public static readonly DateOnly Today = new(2026, 3, 14);

    public static readonly Worker Nurse = new(new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-00000000aaaa")), "Test Verpleegkundige", Role.Nurse, []);

    public static readonly Worker OtherNurse = new(new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-00000000aaab")), "Andere Verpleegkundige", Role.Nurse, []);

    public static readonly Worker TeamLeader = new(new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-00000000bbbb")), "Test Teamleider", Role.TeamLeader, []);

    public static readonly Worker Consultant = new(new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-00000000cccc")), "Test Consulent", Role.WmoConsultant, []);

    /// <summary>The consultant's laptop: a store of <see cref="Consultant"/>'s own.</summary>
    public static readonly StoreIdentity ConsultantIdentity =
        new(Consultant.Id, Consultant.Name, Role.WmoConsultant, Guid.Parse("0193a000-0000-7000-8000-00000000dddc"));

    public static readonly Worker Secretary = new(new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-00000000eeee")), "Test Fonds", Role.FundSecretary, []);

    public static readonly Worker Admin = new(new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-00000000ffff")), "Test Beheer", Role.Admin, []);

    public static IReadOnlyList<Worker> EveryRole { get; } = [Nurse, TeamLeader, Consultant, Secretary, Admin];

    public static Provision Provision(long hoursPerWeek = 3) =>
        new(ProductCategory.HouseholdHelp, "01A01", new Volume(hoursPerWeek, VolumeUnit.Hour, VolumeFrequency.PerWeek), Today.AddDays(7), 12);

    public static AdviceContent Content(Provision? provision = null, DateOnly? aanvraag = null) => new(
        provision ?? Provision(),
        "Mevrouw kan door artrose het huis niet meer schoonhouden.",
        ZrmAssessment.Create(ZrmVersion.Zrm2017, new Dictionary<ZrmDomain, int> { [ZrmDomain.InstrumentalAdl] = 2, [ZrmDomain.Housing] = 4 }).Value,
        "Dochter helpt één keer per week; algemene voorziening boodschappendienst loopt al.",
        "Zo lang mogelijk thuis blijven wonen.",
        Today.AddDays(-10),
        aanvraag,
        LegalBasis.WmoTask,
        ConsentStatus.Given,
        "",
        true,
        true);

    public static IndicationAdvice Draft(Worker? author = null, Guid? clientId = null) =>
        IndicationAdvice.Draft(
            new Id<IndicationAdvice>(Guid.CreateVersion7()), new Id<Client>(clientId ?? Guid.Parse("0193a000-0000-7000-8000-000000000c01")), author ?? Nurse, "Wijkteam Test",
            Content(), new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero), Today).Value;
}
