using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage.Rows;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>The caseload. Every read of names is logged as a search, every dossier opened as a view.</summary>
public sealed class ClientRepository(LocalStore store)
{
    /// <summary>All clients, decrypted. Filtering and sorting happen in memory: the file holds no plaintext to index.</summary>
    public IReadOnlyList<Client> Search()
    {
        var clients = store.Query(ClientRows.Table, "", ClientRows.FromRow);
        store.AuditOnly(AuditEventType.Search, $"results={clients.Count}");
        return clients;
    }

    /// <summary>
    /// One client's name, decrypted alone: a list of signals names only the clients on screen, not the caseload.
    /// Not logged on its own; the list that shows it logged its search.
    /// </summary>
    public PersonName? NameOf(Id<Client> id) =>
        store.Query(ClientRows.Table, "id = $id", ClientRows.NameFromRow, ("$id", id.ToString())).SingleOrDefault();

    public int Count() => store.Count(ClientRows.Table, "");

    public void Add(Client client) => store.Write(scope =>
    {
        scope.Insert(ClientRows.ToRow(client), client.Id.Value);
        return 0;
    });

    /// <summary>Saves only when something changed, and tells the outbox which columns did.</summary>
    public bool Update(Client client) => store.Write(scope =>
    {
        var before = Find(client.Id) ?? throw new KeyNotFoundException($"Client {client.Id} does not exist.");
        return scope.Update(ClientRows.ToRow(before), ClientRows.ToRow(client), client.Id.Value);
    });

    /// <summary>The client as stored now, with the version and values a form opened on it saves against.</summary>
    public (Client Client, OpenedRow Opened)? OpenForEdit(Id<Client> id) =>
        store.Query(ClientRows.Table, "id = $id", r => (Client: ClientRows.FromRow(r), Version: r.Integer("version")), ("$id", id.ToString()))
            .Select(found => ((Client, OpenedRow)?)(found.Client, OpenedRow.Of(ClientRows.ToRow(found.Client), found.Version)))
            .SingleOrDefault();

    /// <summary>
    /// Saves a form opened on <paramref name="opened"/>: the fields the person changed since then go onto the
    /// client as stored now (a colleague's change pulled in meanwhile stays), against the opened version.
    /// </summary>
    public bool Update(Client edited, OpenedRow opened) => store.Write(scope =>
    {
        var current = Find(edited.Id) ?? throw new KeyNotFoundException($"Client {edited.Id} does not exist.");
        return scope.Update(opened, ClientRows.ToRow(current), ClientRows.ToRow(edited), edited.Id.Value);
    });

    /// <summary>
    /// Tombstones the client and their dossier, each row as its own synced delete. The ledgers' rows stay
    /// (<see cref="Wijkwerk.Core.Sync.Rules.LedgerRows"/>): money that moved for the client stays on the books.
    /// </summary>
    public bool Delete(Id<Client> id) => store.Write(scope => Delete(store, scope, id, "table=clients"));

    /// <summary>The client's tombstone and its dependents' inside an open write, logged with <paramref name="detail"/>.</summary>
    internal static bool Delete(LocalStore store, WriteScope scope, Id<Client> id, string detail)
    {
        if (store.Query(ClientRows.Table, "id = $c AND deleted = 0", r => r.Id, ("$c", id.ToString())).Count == 0)
            return false;
        // Dependents first, so their deletes reach the server before the client's: the server deletes what
        // remains of a deleted client and keeps as a conflict what another laptop wrote there.
        foreach (var (table, filter) in Dependents)
        {
            foreach (var rowId in store.Query(table, filter, r => r.Id, ("$c", id.ToString())))
                scope.Delete(table, rowId);
        }

        scope.Delete(ClientRows.Table, id.ToString());
        scope.Audit(AuditEventType.Delete, id.Value, detail);
        return true;
    }

    private static readonly (string Table, string Filter)[] Dependents =
    [
        (FollowUpRows.Table, "signal_id IN (SELECT id FROM signals WHERE client_id = $c)"),
        (SignalRows.Table, "client_id = $c"),
        (VisitRows.Table, "client_id = $c"),
        (ConsentRows.Table, "client_id = $c"),
        (HouseholdRows.Table, "client_id = $c"),
    ];

    /// <summary>All or nothing: one transaction for the whole file.</summary>
    public int Import(IReadOnlyList<Client> clients) => store.Write(scope =>
    {
        foreach (var client in clients)
        {
            var row = ClientRows.ToRow(client);
            scope.Save(row, OutboxOperations.Insert, row.Columns);
            scope.Audit(AuditEventType.Import, client.Id.Value, "table=clients");
        }

        return clients.Count;
    });

    /// <summary>
    /// Imports a checked file, unless a line names a client already on the caseload. The comparison
    /// reads the caseload without showing it to anyone, so it is not logged as a search.
    /// </summary>
    public IReadOnlyList<ImportProblem> Import(ClientCsvImport.Result file, Lang lang) => store.Write(scope =>
    {
        var duplicates = ClientCsvImport.DuplicatesOf(file.Lines, store.Query(ClientRows.Table, "", ClientRows.FromRow), lang);
        if (duplicates.Count == 0)
            Import(file.Clients);
        return duplicates;
    });

    internal Client? Find(Id<Client> id) =>
        store.Query(ClientRows.Table, "id = $id", ClientRows.FromRow, ("$id", id.ToString())).SingleOrDefault();
}
