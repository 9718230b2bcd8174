using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Storage.Rows;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>Everything recorded about one client, read as one logged view.</summary>
public sealed class DossierRepository(LocalStore store)
{
    public Dossier? Open(Id<Client> id)
    {
        var client = new ClientRepository(store).Find(id);
        if (client is null)
            return null;
        var clientId = ("$c", (object)id.ToString());
        var signals = store.Query(SignalRows.Table, "client_id = $c", SignalRows.FromRow, clientId);
        var followUps = store.Query(
            FollowUpRows.Table, "signal_id IN (SELECT id FROM signals WHERE client_id = $c)", FollowUpRows.FromRow, clientId);
        var advices = store.Advices.ForClient(id);
        var dossier = new Dossier(
            client,
            store.Query(ConsentRows.Table, "client_id = $c", ConsentRows.FromRow, clientId),
            store.Query(HouseholdRows.Table, "client_id = $c", HouseholdRows.FromRow, clientId),
            signals,
            followUps.ToLookup(f => f.SignalId),
            store.Query(VisitRows.Table, "client_id = $c", VisitRows.FromRow, clientId),
            advices)
        {
            UnreadableAdvices = advices.Unreadable,
        };
        store.Write(scope =>
        {
            scope.Audit(AuditEventType.View, id.Value, "dossier");
            return 0;
        });
        return dossier;
    }

    public int CountVisitsOn(DateOnly day) => store.Count(VisitRows.Table, "date = $day", ("$day", DateText.Iso(day)));

    public void AddVisit(HomeVisit visit) => Insert(VisitRows.ToRow(visit), visit.ClientId);

    public void AddConsent(Consent consent) => Insert(ConsentRows.ToRow(consent), consent.ClientId);

    public void AddHouseholdMember(HouseholdMember member) => Insert(HouseholdRows.ToRow(member), member.ClientId);

    public bool RemoveHouseholdMember(HouseholdMember member) => store.Write(scope =>
    {
        if (!scope.Delete(HouseholdRows.Table, member.Id.ToString()))
            return false;
        scope.Audit(AuditEventType.Delete, member.ClientId.Value, "table=" + HouseholdRows.Table);
        return true;
    });

    private void Insert(TableRow row, Id<Client> clientId) => store.Write(scope =>
    {
        scope.Insert(row, clientId.Value);
        return 0;
    });
}
