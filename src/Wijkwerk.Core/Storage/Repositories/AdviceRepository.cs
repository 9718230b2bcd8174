using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>
/// Indication advice and its question/answer thread. Every write is checked against the stored row with
/// the same <see cref="AdviceRules"/> the server applies, as the worker this store belongs to.
/// </summary>
public sealed class AdviceRepository(LocalStore store)
{
    private const string TeamKey = "team";

    /// <summary>This store's worker as the domain's steps take them.</summary>
    public Worker Me => new(store.Identity.WorkerId, store.Identity.WorkerName, store.Identity.Role, []);

    /// <summary>The team new advice is written for: the worker's first team at enrolment, or empty on a store of one's own.</summary>
    public string Team => new MetaTable(store, null).Get(TeamKey) as string ?? "";

    public DateOnly Today => AmsterdamTime.Today(store.Clock);

    public void Add(IndicationAdvice advice) => AddAs(Me, advice);

    /// <summary>
    /// Stores the advice as given, with the question or answer that goes with it, as one change. Screens take their steps
    /// with <see cref="Step"/> instead, which never saves an older copy over what a sync brought in.
    /// </summary>
    internal bool Save(IndicationAdvice advice, AdviceMessage? message = null) => SaveAs(Me, advice, message);

    /// <summary>
    /// Takes <paramref name="step"/> on the advice as stored now, in the write, and stores it with the question or answer
    /// that goes with it: a step taken earlier on a copy would save that copy whole and silently undo what a sync brought
    /// in meanwhile. With <paramref name="shown"/> (the advice as the screen showed it when the person chose the step) an
    /// advice that changed since is refused, so no step is taken on what the person has not seen.
    /// </summary>
    public IndicationAdvice Step(Id<IndicationAdvice> id, Func<IndicationAdvice, Parsed<IndicationAdvice>> step, AdviceMessage? message = null, IndicationAdvice? shown = null) =>
        store.Write(_ =>
        {
            var stored = Find(id, audit: false) ?? throw new DomainException(new Problem("advies", TextId.UiAdviceGone));
            if (shown is not null && stored != shown)
                throw new DomainException(new Problem("advies", TextId.AdviceChangedMeanwhile));
            var stepped = step(stored);
            if (!stepped.IsValid)
                throw new DomainException(stepped.Problem);
            SaveAs(Me, stepped.Value, message);
            return stepped.Value;
        });

    /// <summary>The advice as stored now, with the version and values a form opened on it saves against.</summary>
    public (IndicationAdvice Advice, OpenedRow Opened)? OpenForEdit(Id<IndicationAdvice> id) =>
        store.Query(AdviceRows.Table, "id = $id", r => (Advice: AdviceRows.TryFromRow(r), Version: r.Integer("version")), ("$id", id.ToString()))
            .Where(found => found.Advice is not null)
            .Select(found => ((IndicationAdvice, OpenedRow)?)(found.Advice!, OpenedRow.Of(AdviceRows.ToRow(found.Advice!), found.Version)))
            .SingleOrDefault();

    /// <summary>
    /// Saves an edit made in a form opened on <paramref name="opened"/>: the columns the person changed go onto
    /// the advice as stored now, against the opened version, and the rules judge the result against what was stored.
    /// </summary>
    public bool Save(IndicationAdvice edited, OpenedRow opened) => store.Write(scope =>
    {
        var before = Find(edited.Id, audit: false) ?? throw new KeyNotFoundException($"Advice {edited.Id} does not exist.");
        var changed = scope.Update(opened, AdviceRows.ToRow(before), AdviceRows.ToRow(edited), edited.ClientId.Value);
        DomainException.ThrowIf(AdviceRules.CheckChange(Me.Role, Me.Id, before, Find(edited.Id, audit: false)!, Today));
        return changed;
    });

    /// <summary>
    /// Writes as another worker, under the same rules as that worker. Only the demo store uses it: it
    /// holds both sides of the thread, the nurse's and the consultant's, on one laptop.
    /// </summary>
    internal void AddAs(Worker by, IndicationAdvice advice) => store.Write(scope =>
    {
        DomainException.ThrowIf(AdviceRules.CheckChange(by.Role, by.Id, null, advice, Today));
        scope.Insert(AdviceRows.ToRow(advice), advice.ClientId.Value);
        return 0;
    });

    internal bool SaveAs(Worker by, IndicationAdvice advice, AdviceMessage? message = null) => store.Write(scope =>
    {
        var before = Find(advice.Id, audit: false) ?? throw new KeyNotFoundException($"Advice {advice.Id} does not exist.");
        DomainException.ThrowIf(AdviceRules.CheckChange(by.Role, by.Id, before, advice, Today));
        if (message is not null)
        {
            DomainException.ThrowIf(AdviceMessage.Check(message, by.Role, by.Id) ?? AdviceMessage.CheckTurn(message, before.Status, before.Author));
            scope.Insert(AdviceMessageRows.ToRow(message), advice.ClientId.Value);
        }

        return scope.Update(AdviceRows.ToRow(before), AdviceRows.ToRow(advice), advice.ClientId.Value) || message is not null;
    });

    /// <summary>One advice, logged as a view of the client's data.</summary>
    public IndicationAdvice? Find(Id<IndicationAdvice> id) => Find(id, audit: true);

    /// <summary>
    /// The advice as stored now, to base a step on: the screen that shows it logged the view already, and
    /// <see cref="Save"/> reads it the same way before checking the step.
    /// </summary>
    public IndicationAdvice? Latest(Id<IndicationAdvice> id) => Find(id, audit: false);

    /// <summary>The client's advices; rows that cannot be read are left out and counted.</summary>
    public ReadableRows<IndicationAdvice> ForClient(Id<Client> clientId) =>
        store.QueryReadable(AdviceRows.Table, "client_id = $c", AdviceRows.TryFromRow, ("$c", clientId.ToString()));

    /// <summary>The thread of one advice, oldest first; messages that cannot be read are left out and counted.</summary>
    public ReadableRows<AdviceMessage> Thread(Id<IndicationAdvice> adviceId)
    {
        var thread = store.QueryReadable(AdviceMessageRows.Table, "advice_id = $a", AdviceMessageRows.TryFromRow, ("$a", adviceId.ToString()));
        return new ReadableRows<AdviceMessage>(thread.OrderBy(m => m.At).ThenBy(m => m.Id.Value).ToList(), thread.Unreadable);
    }

    /// <summary>
    /// Every advice on this laptop, for the review queue, reports and exports; logged as one search, so a
    /// screen reads it once when it opens or refreshes, not on every key.
    /// </summary>
    public ReadableRows<IndicationAdvice> All()
    {
        var advices = store.QueryReadable(AdviceRows.Table, "", AdviceRows.TryFromRow);
        store.AuditOnly(AuditEventType.Search, $"table={AdviceRows.Table};results={advices.Count}");
        return advices;
    }

    /// <summary>
    /// How many advices wait for the consultant and how many of those are overdue, from the plain status and
    /// date columns: nothing about a client is opened, so nothing is logged, and the home screen may ask on every visit.
    /// </summary>
    public ReviewCounts CountAwaitingReview(DateOnly today)
    {
        using var command = store.Command($"SELECT {string.Join(", ", AdviceColumns.ClockColumns)} FROM {AdviceRows.Table} WHERE deleted = 0");
        using var reader = command.ExecuteReader();
        int awaiting = 0, overdue = 0;
        while (reader.Read())
        {
            var row = AdviceColumns.ClockColumns.ToDictionary(c => c, c => reader[c] as string, StringComparer.Ordinal);
            if (AdviceColumns.ClocksFromColumns(row) is not { } read || !read.Status.AwaitsConsultant())
                continue;
            awaiting++;
            overdue += read.Clocks.Current(today).State == ClockState.Overdue ? 1 : 0;
        }

        return new ReviewCounts(awaiting, overdue);
    }

    /// <summary>
    /// The author's own open work: advices with a question waiting for their answer, and concepts not yet
    /// submitted. From plain columns, like <see cref="CountAwaitingReview"/>: nothing opened, nothing logged.
    /// </summary>
    public AuthorCounts CountOwnOpenWork()
    {
        using var command = store.Command(
            $"SELECT coalesce(sum(status = 'QuestionAsked'), 0), coalesce(sum(status = 'Concept'), 0) FROM {AdviceRows.Table} WHERE deleted = 0 AND author = $me");
        command.Parameters.AddWithValue("$me", store.Identity.WorkerId.ToString());
        using var reader = command.ExecuteReader();
        reader.Read();
        return new AuthorCounts(reader.GetInt32(0), reader.GetInt32(1));
    }

    internal static void RememberTeam(LocalStore store, WriteScope scope, string team) =>
        new MetaTable(store, scope.Transaction).Set(TeamKey, team);

    private IndicationAdvice? Find(Id<IndicationAdvice> id, bool audit)
    {
        var advice = store.QueryReadable(AdviceRows.Table, "id = $id", AdviceRows.TryFromRow, ("$id", id.ToString())).SingleOrDefault();
        if (advice is not null && audit)
        {
            store.Write(scope =>
            {
                scope.Audit(AuditEventType.View, advice.ClientId.Value, "table=" + AdviceRows.Table);
                return 0;
            });
        }

        return advice;
    }
}

/// <summary>Questions waiting for the author's answer, and the author's concepts not yet submitted.</summary>
public sealed record AuthorCounts(int Questions, int Concepts);

/// <summary>Advices waiting for the consultant, and how many of those are past their legal date.</summary>
public sealed record ReviewCounts(int Awaiting, int Overdue);
