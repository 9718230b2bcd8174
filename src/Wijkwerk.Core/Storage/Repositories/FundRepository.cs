using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Sync;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>
/// Revolving-fund requests and repayments on the laptop: a member professional's requests for the team's clients,
/// or, on the secretariat's laptop, every team's requests and the secretariat's steps. Every write is checked with
/// the same <see cref="FundRules"/> the server applies, as the worker this store belongs to, against the fund the
/// server sent as reference data; each lands with its outbox entry and audit event.
/// </summary>
public sealed class FundRepository(LocalStore store)
{
    public DateOnly Today => AmsterdamTime.Today(store.Clock);

    /// <summary>Who this laptop's worker is for the fund rules.</summary>
    public FundActor Me => new(store.Identity.Role, store.Identity.WorkerId, store.Reference.Current()?.MyTeams ?? []);

    /// <summary>The fund (partners, deposits, members) as the server last sent it.</summary>
    public Fund Fund => store.Reference.Current()?.FundOf() ?? Fund.Empty;

    /// <summary>Whether this laptop's worker may request: a member professional of the fund.</summary>
    public bool MayRequest => FundRules.CheckNew(Me, Probe(), Fund, Today) is not { Field: "rol" or "lidmaatschap" };

    /// <summary>Makes a request; a <see cref="DomainException"/> names the first rule it breaks.</summary>
    public void Request(FundRequest request) => store.Write(scope =>
    {
        DomainException.ThrowIf(FundRules.CheckNew(Me, request, Fund, Today));
        scope.Insert(FundRequestRows.ToRow(request), request.ClientId.Value);
        return 0;
    });

    /// <summary>The secretariat grants a request (the default), with an optional note.</summary>
    public void Approve(Id<FundRequest> id, string note = "") =>
        Step(id, r => r with { Status = FundRequestStatus.Approved, Decision = StepNow(note) });

    /// <summary>The secretariat refuses a request; the reason is required.</summary>
    public void Refuse(Id<FundRequest> id, string reason) =>
        Step(id, r => r with { Status = FundRequestStatus.Refused, Decision = StepNow(reason) });

    /// <summary>The secretariat pays an approved request out, with the payment's reference; refused when the balance does not cover it.</summary>
    public void PayOut(Id<FundRequest> id, string paymentReference) =>
        Step(id, r => r with { Status = FundRequestStatus.PaidOut, Payout = StepNow(paymentReference) });

    public void Evaluate(Id<FundRequest> id, bool worked, bool durable, string note) =>
        Step(id, r => r with { Status = FundRequestStatus.Evaluated, Evaluation = new FundEvaluation(store.Clock.GetUtcNow(), store.Identity.WorkerId, worked, durable, note.Trim()) });

    /// <summary>
    /// Settles an evaluated request: the responsible partner owes all of it, a unique case is shared pro rata to the
    /// deposits as this laptop knows them. Answers the shares.
    /// </summary>
    public IReadOnlyList<FundShare> Settle(Id<FundRequest> id)
    {
        IReadOnlyList<FundShare> shares = [];
        Step(id, r =>
        {
            var split = FundShares.Of(r.Amount, r.ResponsiblePartner, Fund);
            shares = split.IsValid ? split.Value : [];
            return r with { Status = FundRequestStatus.Settled, Settlement = new FundSettlement(store.Clock.GetUtcNow(), store.Identity.WorkerId, shares) };
        });
        return shares;
    }

    /// <summary>Books a partner's repayment for a settled request as it arrives.</summary>
    public FundRepayment RecordRepayment(Id<FundRequest> requestId, string partner, Money amount, DateOnly receivedOn) => store.Write(scope =>
    {
        var request = Find(requestId, audit: false);
        var repayment = new FundRepayment(Id<FundRepayment>.New(store.Clock), requestId, request?.Settlement?.Shares
            .FirstOrDefault(s => string.Equals(s.Partner, partner.Trim(), StringComparison.OrdinalIgnoreCase))?.Partner ?? partner.Trim(),
            amount, receivedOn, store.Identity.WorkerId, store.Clock.GetUtcNow());
        DomainException.ThrowIf(FundRules.CheckRepayment(Me, request, Repayments(requestId), repayment, Today));
        scope.Insert(FundRepaymentRows.ToRow(repayment), request!.ClientId.Value);
        return repayment;
    });

    /// <summary>One request, logged as a view of the client's data.</summary>
    public FundRequest? Get(Id<FundRequest> id) => Find(id, audit: true);

    /// <summary>The client's requests, newest first, for the dossier (which logs its own view); unreadable rows are counted.</summary>
    public ReadableRows<FundRequest> ForClient(Id<Client> clientId)
    {
        var requests = store.QueryReadable(FundRequestRows.Table, "client_id = $c", FundRequestRows.TryFromRow, ("$c", clientId.ToString()));
        return new ReadableRows<FundRequest>(requests.OrderByDescending(r => r.RequestedAt).ToList(), requests.Unreadable);
    }

    /// <summary>Every request on this laptop, oldest first, for lists, the review and exports; logged as one search.</summary>
    public ReadableRows<FundRequest> All()
    {
        var all = store.QueryReadable(FundRequestRows.Table, "", FundRequestRows.TryFromRow);
        store.AuditOnly(AuditEventType.Search, $"table={FundRequestRows.Table};results={all.Count}");
        return new ReadableRows<FundRequest>(all.OrderBy(r => r.RequestedAt).ToList(), all.Unreadable);
    }

    /// <summary>
    /// The secretariat's queue: approved requests waiting for payout first, by due date; then new requests to grant
    /// or refuse, then paid ones to evaluate, then evaluated ones to settle, each oldest first. Logged as one search.
    /// </summary>
    public ReadableRows<FundRequest> Queue()
    {
        var open = store.QueryReadable(FundRequestRows.Table, "status NOT IN ($refused, $settled)", FundRequestRows.TryFromRow,
            ("$refused", nameof(FundRequestStatus.Refused)), ("$settled", nameof(FundRequestStatus.Settled)));
        var order = new[] { FundRequestStatus.Approved, FundRequestStatus.Requested, FundRequestStatus.PaidOut, FundRequestStatus.Evaluated };
        var queue = open.OrderBy(r => Array.IndexOf(order, r.Status)).ThenBy(r => r.PayoutDue).ThenBy(r => r.RequestedAt).ToList();
        store.AuditOnly(AuditEventType.Search, $"table={FundRequestRows.Table};queue={queue.Count}");
        return new ReadableRows<FundRequest>(queue, open.Unreadable);
    }

    /// <summary>The repayments of one request, oldest first.</summary>
    public IReadOnlyList<FundRepayment> Repayments(Id<FundRequest> requestId) =>
        store.QueryReadable(FundRepaymentRows.Table, "request_id = $r", FundRepaymentRows.TryFromRow, ("$r", requestId.ToString())).OrderBy(p => p.RecordedAt).ToList();

    /// <summary>Every repayment on this laptop, oldest first.</summary>
    public IReadOnlyList<FundRepayment> AllRepayments() =>
        store.QueryReadable(FundRepaymentRows.Table, "", FundRepaymentRows.TryFromRow).OrderBy(p => p.RecordedAt).ToList();

    /// <summary>
    /// The fund's balance. The secretariat's laptop holds every request and repayment, so it counts them itself (and
    /// so judges a payout offline as the server will); a team's laptop holds only its own team's, so it shows the
    /// balance the server counted when it last sent the fund.
    /// </summary>
    public FundBalance Balance() =>
        SyncSchema.ReceivesFundOnly(store.Identity.Role)
            ? FundBalance.Of(Fund, Requests(), AllRepayments())
            : store.Reference.Current()?.Fund?.ToBalance() ?? FundBalance.Of(Fund, [], []);

    /// <summary>Every partner's deposits, what it owes on settled requests and what it repaid, as far as this laptop holds them.</summary>
    public IReadOnlyList<PartnerPosition> Partners() => FundReceivables.PerPartner(Fund, Requests(), AllRepayments());

    /// <summary>The open receivables, the oldest settlement first; <see cref="Receivable.AgeDays"/> with <see cref="Today"/>.</summary>
    public IReadOnlyList<Receivable> OpenReceivables() => FundReceivables.Open(Requests(), AllRepayments());

    /// <summary>The half-year review of the requests on this laptop.</summary>
    public IReadOnlyList<FundReviewPeriod> Review() => FundReview.Of(All(), AllRepayments());

    private IReadOnlyList<FundRequest> Requests() => store.QueryReadable(FundRequestRows.Table, "", FundRequestRows.TryFromRow);

    private FundStep StepNow(string note) => new(store.Clock.GetUtcNow(), store.Identity.WorkerId, note.Trim());

    private void Step(Id<FundRequest> id, Func<FundRequest, FundRequest> move) => store.Write(scope =>
    {
        var before = Find(id, audit: false) ?? throw new KeyNotFoundException($"Fund request {id} does not exist.");
        var after = move(before);
        DomainException.ThrowIf(FundRules.CheckChange(Me, before, after, Fund, Balance().Available, Today));
        scope.Update(FundRequestRows.ToRow(before), FundRequestRows.ToRow(after), before.ClientId.Value);
        return 0;
    });

    /// <summary>An empty request in this worker's name: asks the rules only who may request.</summary>
    private FundRequest Probe() => new(
        default, default, Me.Teams.FirstOrDefault() ?? "", store.Identity.WorkerId, store.Clock.GetUtcNow(), "", Money.Zero, "", "", null, "", false, "",
        new Domain.Maatwerk.ValueTriangle("", null, "", false), "", FundRequestStatus.Requested, null, null, null, null);

    private FundRequest? Find(Id<FundRequest> id, bool audit)
    {
        var request = store.QueryReadable(FundRequestRows.Table, "id = $id", FundRequestRows.TryFromRow, ("$id", id.ToString())).SingleOrDefault();
        if (request is not null && audit)
        {
            store.Write(scope =>
            {
                scope.Audit(AuditEventType.View, request.ClientId.Value, "table=" + FundRequestRows.Table);
                return 0;
            });
        }

        return request;
    }
}
