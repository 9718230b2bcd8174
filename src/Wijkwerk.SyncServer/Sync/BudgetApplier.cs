using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>
/// Issue 12: how the server stores a pushed budget request or vote, inside the push's write transaction. A request
/// is judged by <see cref="BudgetRules"/> against the row as stored and written as judged, never merged, so a
/// laptop cannot set "approved". A vote is judged by <see cref="BudgetRules.JudgeVote"/> with the votes and the
/// team's ledger as this transaction sees them; when it is the third distinct approval (or an alternative), the
/// request moves in the same transaction, and the pull brings that change to every laptop of the team.
/// </summary>
internal static class BudgetApplier
{
    public static bool Handles(string table) => table is BudgetColumns.RequestTable or BudgetColumns.VoteTable;

    /// <summary>A row the server does not have yet, its values already checked for shape.</summary>
    public static MutationResult Insert(IPushTransaction s, DeviceSession device, Mutation m, Guid clientId, StoredRow? parentRow, IReadOnlyDictionary<string, string?> columns, DateTimeOffset now, DateOnly today)
    {
        if (m.Table == BudgetColumns.RequestTable)
        {
            if (RowRules.CheckBudgetRequest(null, columns, m.RowId, today, ActorOf(s, device), s.BudgetOf) is { } problem)
                return MutationApplier.Refused(m, 0, problem);
            s.WriteRow(m.Table, m.RowId, clientId, null, 1, false, columns, Stamps(columns.Keys, 1, device));
            return Accepted(m, 1);
        }

        var vote = BudgetColumns.VoteFromColumns(m.RowId, columns);
        if (!vote.IsValid)
            return MutationApplier.Refused(m, 0, RowRules.BudgetSentence(BudgetColumns.VoteTable, vote.Problem));
        var request = BudgetColumns.FromColumns(vote.Value.RequestId.Value, parentRow!.Columns);
        if (!request.IsValid)
            return MutationApplier.Refused(m, 0, RowRules.BudgetSentence(BudgetColumns.RequestTable, request.Problem));

        var votesSoFar = s.LiveRowsWhere(BudgetColumns.VoteTable, "request_id", request.Value.Id.ToString())
            .Select(v => BudgetColumns.VoteFromColumns(v.RowId, v.Row.Columns)).Where(v => v.IsValid).Select(v => v.Value).ToList();
        var verdict = BudgetRules.JudgeVote(ActorOf(s, device), request.Value, votesSoFar, vote.Value, LedgerFor(s, request.Value), now, today);
        if (verdict.Problem is { } refused)
            return MutationApplier.Refused(m, 0, RowRules.BudgetSentence(BudgetColumns.VoteTable, refused));

        s.WriteRow(m.Table!, m.RowId, clientId, null, 1, false, columns, Stamps(columns.Keys, 1, device));
        if (verdict.Changed is { } changed)
        {
            // Only the status columns move; the rest of the request stays exactly the text the requester pushed.
            var moved = BudgetColumns.ToColumns(changed);
            var after = new Dictionary<string, string?>(parentRow.Columns, StringComparer.Ordinal);
            foreach (var column in BudgetColumns.StatusColumns)
                after[column] = moved[column];
            Write(s, device, BudgetColumns.RequestTable, changed.Id.Value, parentRow, after);
        }

        return Accepted(m, 1);
    }

    /// <summary>
    /// A row the server has: a vote is only ever added (the same vote again is accepted, any change refused); a
    /// request changes only as <see cref="BudgetRules.CheckChange"/> allows, judged on the row as stored.
    /// </summary>
    public static MutationResult Change(IPushTransaction s, DeviceSession device, Mutation m, StoredRow existing, IReadOnlyDictionary<string, string?> pushed, DateOnly today)
    {
        var after = new Dictionary<string, string?>(existing.Columns, StringComparer.Ordinal);
        foreach (var (column, value) in pushed)
            after[column] = value;
        var unchanged = after.Count == existing.Columns.Count && after.All(c => existing.Columns.GetValueOrDefault(c.Key) == c.Value);
        if (m.Table == BudgetColumns.VoteTable)
        {
            return unchanged
                ? Accepted(m, existing.Version)
                : MutationApplier.Refused(m, existing.Version, RowRules.BudgetSentence(BudgetColumns.VoteTable, new Problem("stem", Core.Localization.TextId.BudgetVoteFixed)));
        }

        if (RowRules.CheckBudgetRequest(existing.Columns, after, m.RowId, today, ActorOf(s, device), s.BudgetOf) is { } problem)
            return MutationApplier.Refused(m, existing.Version, problem);
        if (unchanged)
            return Accepted(m, existing.Version);
        return Accepted(m, Write(s, device, m.Table!, m.RowId, existing, after));
    }

    /// <summary>The ledger of the request's team and year as this transaction sees it; null when no budget is set.</summary>
    private static BudgetLedger? LedgerFor(IPushTransaction s, BudgetRequest request)
    {
        if (s.BudgetOf(request.Team, BudgetLedger.YearOf(request)) is not { } budget)
            return null;
        var requests = s.LiveRowsWhere(BudgetColumns.RequestTable, "team", request.Team)
            .Select(r => BudgetColumns.FromColumns(r.RowId, r.Row.Columns)).Where(r => r.IsValid).Select(r => r.Value);
        return BudgetLedger.Of(budget, requests);
    }

    private static long Write(IPushTransaction s, DeviceSession device, string table, Guid rowId, StoredRow before, Dictionary<string, string?> after)
    {
        var version = before.Version + 1;
        var stamps = new Dictionary<string, ColumnStamp>(before.Stamps, StringComparer.Ordinal);
        foreach (var (column, value) in after)
        {
            if (before.Columns.GetValueOrDefault(column) != value)
                stamps[column] = new ColumnStamp(version, device.DeviceId, device.WorkerId);
        }

        s.WriteRow(table, rowId, before.ClientId, before, version, false, after, stamps);
        return version;
    }

    private static BudgetActor ActorOf(IPushTransaction s, DeviceSession device) => new(device.Role, new Id<Worker>(device.WorkerId), s.TeamNamesOfPusher());

    private static Dictionary<string, ColumnStamp> Stamps(IEnumerable<string> columns, long version, DeviceSession device) =>
        columns.ToDictionary(c => c, _ => new ColumnStamp(version, device.DeviceId, device.WorkerId), StringComparer.Ordinal);

    private static MutationResult Accepted(Mutation m, long version) => new(m.MutationId, SyncProtocol.Results.Accepted, version, null, []);
}
