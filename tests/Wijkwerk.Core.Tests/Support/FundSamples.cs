using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Tests.Support;

/// <summary>Synthetic revolving-fund data: partner organisations of a made-up town, a rent arrear paid to the landlord.</summary>
public static class FundSamples
{
    public const string Team = "Wijkteam Noord";
    public const string Housing = "Woonstichting Synthetica";
    public const string Municipality = "Gemeente Voorbeeldstad";
    public const string Health = "Zorgverzekeraar Proef";

    /// <summary>Three partners with unequal deposits, and the given members.</summary>
    public static Fund FundOf(params Id<Worker>[] members) => new(
        [Municipality, Housing, Health],
        [
            new FundDeposit(Municipality, Money.FromEuros(5_000), new DateOnly(2026, 1, 5)),
            new FundDeposit(Housing, Money.FromEuros(3_000), new DateOnly(2026, 1, 9)),
            new FundDeposit(Health, Money.FromEuros(2_000), new DateOnly(2026, 1, 12)),
        ],
        members);

    public static FundRequest Request(Id<Worker> by, DateTimeOffset at, long cents = 120_000, string? responsible = Housing, string team = Team) => new(
        new Id<FundRequest>(Guid.CreateVersion7()), new Id<Client>(Guid.CreateVersion7()), team, by, at,
        "Alleenstaande, huurachterstand van vier maanden na een ziekenhuisopname; ontruiming dreigt", new Money(cents),
        "Huurachterstand aflossen zodat de ontruiming vervalt", "Woonstichting Synthetica, kenmerk HA-0042", responsible,
        "De schuldhulp start pas over acht weken; de ontruiming staat over tien dagen gepland", true,
        "Inkomen is weer op orde sinds de uitkering loopt; budgetbeheer is gestart",
        new ValueTriangle("De ontruimingsregel past niet op een achterstand door opname", null, "Meneer wil blijven wonen en werkt mee aan budgetbeheer", true),
        "uitkering-start-na-opname", FundRequestStatus.Requested, null, null, null, null);

    public static Id<Worker> NewWorker() => new(Guid.CreateVersion7());
}
