using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>
/// Issue 13: how the server stores a pushed fund request or repayment, inside the push's write transaction. A
/// request is judged by <see cref="FundRules"/> against the row as stored and written as judged, never merged: a
/// payout is checked against the balance this transaction counts from every team's requests and repayments, so two
/// secretariat laptops paying offline never both spend the last of the fund. A payout or repayment raises the
/// reference version, so every laptop receives the new balance with its next pull.
/// </summary>
internal static class FundApplier
{
    public static bool Handles(string table) => table is FundColumns.RequestTable or FundColumns.RepaymentTable;

    /// <summary>A row the server does not have yet, its values already checked for shape.</summary>
    public static MutationResult Insert(IPushTransaction s, DeviceSession device, Mutation m, Guid clientId, StoredRow? parentRow, IReadOnlyDictionary<string, string?> columns, DateOnly today)
    {
        var actor = ActorOf(s, device);
        if (m.Table == FundColumns.RequestTable)
        {
            var request = FundColumns.FromColumns(m.RowId, columns);
            if (!request.IsValid)
                return Refused(m, 0, request.Problem);
            if (FundRules.CheckNew(actor, request.Value, s.Fund(), today) is { } problem)
                return Refused(m, 0, problem);
            s.WriteRow(m.Table, m.RowId, clientId, null, 1, false, columns, Stamps(columns.Keys, 1, device));
            return Accepted(m, 1);
        }

        var repayment = FundColumns.RepaymentFromColumns(m.RowId, columns);
        if (!repayment.IsValid)
            return Refused(m, 0, repayment.Problem);
        var parent = FundColumns.FromColumns(repayment.Value.RequestId.Value, parentRow!.Columns);
        if (!parent.IsValid)
            return MutationApplier.Refused(m, 0, RowRules.FundSentence(FundColumns.RequestTable, parent.Problem));
        var soFar = s.LiveRowsWhere(FundColumns.RepaymentTable, "request_id", parent.Value.Id.ToString())
            .Select(r => FundColumns.RepaymentFromColumns(r.RowId, r.Row.Columns)).Where(r => r.IsValid).Select(r => r.Value).ToList();
        if (FundRules.CheckRepayment(actor, parent.Value, soFar, repayment.Value, today) is { } refused)
            return Refused(m, 0, refused);
        s.WriteRow(m.Table!, m.RowId, clientId, null, 1, false, columns, Stamps(columns.Keys, 1, device));
        s.FundChanged();
        return Accepted(m, 1);
    }

    /// <summary>
    /// A row the server has: a repayment is only ever added (the same one again is accepted, any change refused); a
    /// request changes only as <see cref="FundRules.CheckChange"/> allows, judged on the row as stored.
    /// </summary>
    public static MutationResult Change(IPushTransaction s, DeviceSession device, Mutation m, StoredRow existing, IReadOnlyDictionary<string, string?> pushed, DateOnly today)
    {
        var after = new Dictionary<string, string?>(existing.Columns, StringComparer.Ordinal);
        foreach (var (column, value) in pushed)
            after[column] = value;
        var unchanged = after.Count == existing.Columns.Count && after.All(c => existing.Columns.GetValueOrDefault(c.Key) == c.Value);
        if (unchanged)
            return Accepted(m, existing.Version);
        if (m.Table == FundColumns.RepaymentTable)
            return MutationApplier.Refused(m, existing.Version, RowRules.FundSentence(m.Table, new Problem("terugbetaling", TextId.FundRepaymentFixed)));

        var before = FundColumns.FromColumns(m.RowId, existing.Columns);
        if (!before.IsValid)
            return MutationApplier.Refused(m, existing.Version, RowRules.FundSentence(FundColumns.RequestTable, before.Problem));
        var moved = FundColumns.FromColumns(m.RowId, after);
        if (!moved.IsValid)
            return Refused(m, existing.Version, moved.Problem);
        var fund = s.Fund();
        if (FundRules.CheckChange(ActorOf(s, device), before.Value, moved.Value, fund, s.FundBalance(fund).Available, today) is { } problem)
            return Refused(m, existing.Version, problem);

        var version = existing.Version + 1;
        var stamps = new Dictionary<string, ColumnStamp>(existing.Stamps, StringComparer.Ordinal);
        foreach (var (column, value) in after)
        {
            if (existing.Columns.GetValueOrDefault(column) != value)
                stamps[column] = new ColumnStamp(version, device.DeviceId, device.WorkerId);
        }

        s.WriteRow(m.Table!, m.RowId, existing.ClientId, existing, version, false, after, stamps);
        if (moved.Value.Payout is not null && before.Value.Payout is null)
            s.FundChanged();
        return Accepted(m, version);
    }

    private static FundActor ActorOf(IPushTransaction s, DeviceSession device) => new(device.Role, new Id<Worker>(device.WorkerId), s.TeamNamesOfPusher());

    private static MutationResult Refused(Mutation m, long version, Problem problem) => MutationApplier.Refused(m, version, RowRules.FundSentence(m.Table!, problem));

    private static Dictionary<string, ColumnStamp> Stamps(IEnumerable<string> columns, long version, DeviceSession device) =>
        columns.ToDictionary(c => c, _ => new ColumnStamp(version, device.DeviceId, device.WorkerId), StringComparer.Ordinal);

    private static MutationResult Accepted(Mutation m, long version) => new(m.MutationId, SyncProtocol.Results.Accepted, version, null, []);
}
