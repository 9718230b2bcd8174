using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// Synthetic revolving-fund data at the current time (the server judges by its own day): partners of a made-up town
/// with unequal deposits, and a rent arrear paid to the landlord.
/// </summary>
public static class FundRows
{
    public const string Housing = "Woonstichting Synthetica";
    public const string Municipality = "Gemeente Voorbeeldstad";
    public const string Health = "Zorgverzekeraar Proef";

    /// <summary>The partners and their deposits in euros, as the administrator books them.</summary>
    public static readonly (string Partner, string Euros)[] Deposits = [(Municipality, "5000"), (Housing, "3.000,00"), (Health, "2000")];

    public static FundRequest Request(Guid client, Guid requester, string team, long cents = 120_000, string? responsible = Housing) => new(
        new Id<FundRequest>(Guid.CreateVersion7()), new Id<Client>(client), team, new Id<Worker>(requester), DateTimeOffset.UtcNow.AddMinutes(-1),
        "Alleenstaande, huurachterstand van vier maanden na een ziekenhuisopname; ontruiming dreigt", new Money(cents),
        "Huurachterstand aflossen zodat de ontruiming vervalt", "Woonstichting Synthetica, kenmerk HA-0042", responsible,
        "De schuldhulp start pas over acht weken; de ontruiming staat over tien dagen gepland", true,
        "Inkomen is weer op orde sinds de uitkering loopt; budgetbeheer is gestart",
        new ValueTriangle("De ontruimingsregel past niet op een achterstand door opname", null, "Meneer wil blijven wonen en werkt mee", true),
        "uitkering-start-na-opname", FundRequestStatus.Requested, null, null, null, null);

    public static FundStep StepBy(Guid worker, string note = "", int secondsAgo = 30) => new(DateTimeOffset.UtcNow.AddSeconds(-secondsAgo), new Id<Worker>(worker), note);
}
