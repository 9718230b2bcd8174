using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Storage.Sync;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>
/// Minimaatwerk budget requests and votes on the laptop. Every write is checked with the same <see cref="BudgetRules"/>
/// the server applies, as the worker this store belongs to, against the team budgets and teams the server sent as
/// reference data; each lands with its outbox entry and audit event. A laptop never approves: a vote is stored as
/// a vote, and the request's status moves when the server's decision comes back with a pull.
/// </summary>
public sealed class BudgetRepository(LocalStore store)
{
    public DateOnly Today => AmsterdamTime.Today(store.Clock);

    /// <summary>Who this laptop's worker is for the budget rules: role, id and the teams the server says they belong to.</summary>
    public BudgetActor Me => new(store.Identity.Role, store.Identity.WorkerId, store.Reference.MyTeams());

    /// <summary>The team's budget for a year as the server sent it; null when none is set.</summary>
    public TeamBudget? BudgetOf(string team, int year) =>
        store.Reference.Current()?.TeamBudgetList().FirstOrDefault(b => b.IsOf(team, year));

    /// <summary>Makes a request; a <see cref="DomainException"/> names the first rule it breaks.</summary>
    public void Request(BudgetRequest request) => store.Write(scope =>
    {
        DomainException.ThrowIf(BudgetRules.CheckNew(Me, request, BudgetOf(request.Team, BudgetLedger.YearOf(request)), Today));
        scope.Insert(BudgetRequestRows.ToRow(request), request.ClientId.Value);
        return 0;
    });

    /// <summary>
    /// Votes on a colleague's request. Judged as the server will judge it, with this laptop's votes and ledger; the
    /// verdict says whether this vote would approve or close the request, which only the server then does.
    /// </summary>
    public VoteVerdict Vote(BudgetVote vote) => store.Write(scope =>
    {
        var request = Find(vote.RequestId, audit: false);
        var ledger = request is null ? null : Ledger(request.Team, BudgetLedger.YearOf(request));
        var verdict = BudgetRules.JudgeVote(Me, request, request is null ? [] : Votes(request.Id), vote, ledger, store.Clock.GetUtcNow(), Today);
        DomainException.ThrowIf(verdict.Problem);
        scope.Insert(BudgetVoteRows.ToRow(vote), request!.ClientId.Value);
        return verdict;
    });

    /// <summary>The requester withdraws an open request, with an optional reason.</summary>
    public void Withdraw(Id<BudgetRequest> id, string reason = "") => Close(id, BudgetRequestStatus.Withdrawn, reason);

    /// <summary>A team leader records the payment to the supplier of an approved request, with the payment's reference.</summary>
    public void RecordPayment(Id<BudgetRequest> id, string paymentReference) => Close(id, BudgetRequestStatus.Paid, paymentReference);

    /// <summary>A team leader refuses an open request, saying why.</summary>
    public void Refuse(Id<BudgetRequest> id, string reason) => Close(id, BudgetRequestStatus.Refused, reason);

    /// <summary>One request, logged as a view of the client's data.</summary>
    public BudgetRequest? Get(Id<BudgetRequest> id) => Find(id, audit: true);

    /// <summary>The client's requests, newest first, for the dossier (which logs its own view); unreadable rows are counted.</summary>
    public ReadableRows<BudgetRequest> ForClient(Id<Client> clientId)
    {
        var requests = store.QueryReadable(BudgetRequestRows.Table, "client_id = $c", BudgetRequestRows.TryFromRow, ("$c", clientId.ToString()));
        return new ReadableRows<BudgetRequest>(requests.OrderByDescending(r => r.RequestedAt).ToList(), requests.Unreadable);
    }

    /// <summary>Every request on this laptop (the teams'), oldest first, for lists and exports; logged as one search.</summary>
    public ReadableRows<BudgetRequest> All()
    {
        var all = store.QueryReadable(BudgetRequestRows.Table, "", BudgetRequestRows.TryFromRow);
        store.AuditOnly(AuditEventType.Search, $"table={BudgetRequestRows.Table};results={all.Count}");
        return new ReadableRows<BudgetRequest>(all.OrderBy(r => r.RequestedAt).ToList(), all.Unreadable);
    }

    /// <summary>
    /// Open requests of my teams by colleagues, on which I have no counted vote yet, oldest first: the approval inbox
    /// ("3 verzoeken wachten op uw akkoord"). Selected by plain columns, logged as one search.
    /// </summary>
    public ReadableRows<BudgetRequest> AwaitingMyVote()
    {
        var (filter, args) = AwaitingMyVoteFilter();
        var open = store.QueryReadable(BudgetRequestRows.Table, filter, BudgetRequestRows.TryFromRow, args);
        var mine = open.OrderBy(r => r.RequestedAt).ToList();
        store.AuditOnly(AuditEventType.Search, $"table={BudgetRequestRows.Table};awaiting_my_vote={mine.Count}");
        return new ReadableRows<BudgetRequest>(mine, open.Unreadable);
    }

    /// <summary>
    /// How many requests <see cref="AwaitingMyVote"/> lists, counted in SQL on plain columns: home shows it every time
    /// it loads, so nothing is decrypted and nothing about a client is opened or logged. A row this version cannot
    /// read (written by a newer one) is counted here though the inbox leaves it out.
    /// </summary>
    public int CountAwaitingMyVote()
    {
        var (filter, args) = AwaitingMyVoteFilter();
        return store.Count(BudgetRequestRows.Table, filter, args);
    }

    /// <summary>The votes on one request that count, oldest first: a vote the server refused is left out (see <see cref="RefusedVotes"/>).</summary>
    public IReadOnlyList<BudgetVote> Votes(Id<BudgetRequest> requestId) =>
        store.QueryReadable(BudgetVoteRows.Table, $"request_id = $r AND NOT {VoteRefused}", BudgetVoteRows.TryFromRow, ("$r", requestId.ToString()))
            .OrderBy(v => v.At).ToList();

    /// <summary>
    /// This laptop's votes on a request that the server refused (the budget ran out, a second vote, the request had
    /// closed), each with the server's reason: kept as typed so the worker sees what happened, but never counted.
    /// </summary>
    public IReadOnlyList<RefusedVote> RefusedVotes(Id<BudgetRequest> requestId)
    {
        var sync = new LocalSync(store);
        return store.QueryReadable(BudgetVoteRows.Table, $"request_id = $r AND {VoteRefused}", BudgetVoteRows.TryFromRow, ("$r", requestId.ToString()))
            .OrderBy(v => v.At)
            .Select(v => new RefusedVote(v, sync.RefusalOf(BudgetVoteRows.Table, v.Id.Value) ?? ""))
            .ToList();
    }

    /// <summary>The ledger of a team's year from the budget the server sent and the requests on this laptop; null when no budget is set.</summary>
    public BudgetLedger? Ledger(string team, int year) =>
        BudgetOf(team, year) is { } budget
            ? BudgetLedger.Of(budget, store.QueryReadable(BudgetRequestRows.Table, "team = $t COLLATE NOCASE", BudgetRequestRows.TryFromRow, ("$t", team)))
            : null;

    /// <summary>
    /// A vote row the server refused: its insert never reached the server's store (a vote is only ever inserted), so
    /// it stays here at version 0 with its refusal beside it and counts nowhere.
    /// </summary>
    private const string VoteRefused =
        $"EXISTS (SELECT 1 FROM sync_refusals refusal WHERE refusal.table_name = '{BudgetVoteRows.Table}' AND refusal.row_id = {BudgetVoteRows.Table}.id)";

    /// <summary>Open, of one of my teams, not mine, and without a counted vote of mine: by plain columns only.</summary>
    private (string Filter, (string Name, object Value)[] Args) AwaitingMyVoteFilter()
    {
        var me = Me;
        var teams = me.Teams.Select((team, i) => ($"$team{i}", (object)team)).ToList();
        var inMyTeams = teams.Count == 0 ? "0" : $"team COLLATE NOCASE IN ({string.Join(", ", teams.Select(t => t.Item1))})";
        var filter = $"status = $s AND requested_by <> $me AND {inMyTeams} AND id NOT IN " +
                     $"(SELECT request_id FROM {BudgetVoteRows.Table} WHERE deleted = 0 AND voter = $me AND NOT {VoteRefused})";
        return (filter, [("$s", nameof(BudgetRequestStatus.Requested)), ("$me", me.Worker.ToString()), .. teams]);
    }

    private void Close(Id<BudgetRequest> id, BudgetRequestStatus status, string note) => store.Write(scope =>
    {
        var before = Find(id, audit: false) ?? throw new KeyNotFoundException($"Budget request {id} does not exist.");
        var after = before with { Status = status, Outcome = new BudgetOutcome(store.Clock.GetUtcNow(), store.Identity.WorkerId, note.Trim()) };
        DomainException.ThrowIf(BudgetRules.CheckChange(Me, before, after, Today));
        scope.Update(BudgetRequestRows.ToRow(before), BudgetRequestRows.ToRow(after), before.ClientId.Value);
        return 0;
    });

    private BudgetRequest? Find(Id<BudgetRequest> id, bool audit)
    {
        var request = store.QueryReadable(BudgetRequestRows.Table, "id = $id", BudgetRequestRows.TryFromRow, ("$id", id.ToString())).SingleOrDefault();
        if (request is not null && audit)
        {
            store.Write(scope =>
            {
                scope.Audit(AuditEventType.View, request.ClientId.Value, "table=" + BudgetRequestRows.Table);
                return 0;
            });
        }

        return request;
    }
}
