using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Demo;

/// <summary>
/// Issue 14 in the demo: a case escalated to the case team and on to the Maatwerkloket (both open), a pause on stopping
/// a benefit that ends this week (so home warns), and Utrecht's example of a pause lifted once the cause was known.
/// Recorded through the repositories, so the same rules hold as for a worker. Synthetic people only.
/// </summary>
public static class DemoEscalations
{
    /// <summary>The escalations and pauses on demo clients (they must exist); returns (escalations, pauses).</summary>
    public static (int Escalations, int Pauses) Fill(LocalStore store)
    {
        var clients = store.Clients.Search().Select(c => c.Id).ToList();
        var today = store.Escalations.Today;
        var me = store.Identity.WorkerId;
        var stuck = clients[2 % clients.Count];
        store.Escalations.Raise(new Escalation(Id<Escalation>.New(store.Clock), stuck, EscalationLevel.CaseTeam,
            "Huurtoeslag stopgezet: een vorige huurder staat nog op het adres ingeschreven (spookbewoner)",
            "Bezwaar bij Toeslagen ingediend, twee keer gebeld, gemeente vroeg adresonderzoek aan", "Belastingdienst/Toeslagen, woningcorporatie, BRP-team",
            today.AddDays(-21), today.AddDays(3), me, "spookbewoning"));
        store.Escalations.Raise(new Escalation(Id<Escalation>.New(store.Clock), stuck, EscalationLevel.Maatwerkloket,
            "Casusteam komt er lokaal niet uit: het adresonderzoek loopt maanden, de huurachterstand groeit",
            "Casusteam met corporatie en BRP; tijdelijke betalingsregeling huur", "Maatwerkloket, Belastingdienst/Toeslagen",
            today.AddDays(-6), today.AddDays(14), me, "spookbewoning"));

        var held = clients[4 % clients.Count];
        store.Pauses.Record(new Pause(Id<Pause>.New(store.Clock), held, "Stopzetten bijstandsuitkering", "Werk en Inkomen", "Team Handhaving (demo)",
            "Cliënt verschijnt niet op afspraken; eerst uitzoeken wat er speelt voordat de uitkering stopt", today.AddDays(-30), today.AddDays(4), me));
        var lifted = new Pause(Id<Pause>.New(store.Clock), clients[6 % clients.Count], "Ontruiming na huurachterstand", "Woningcorporatie (demo)",
            "Incasso woningcorporatie", "Huurachterstand na baanverlies; schuldhulp wordt gestart", today.AddDays(-20), today.AddDays(20), me);
        store.Pauses.Record(lifted);
        store.Pauses.Lift(lifted.Id, "Het bleek pleinvrees, geen onwil: begeleiding gestart en betalingsregeling getroffen");
        return (2, 2);
    }
}
