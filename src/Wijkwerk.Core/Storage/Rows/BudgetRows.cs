using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Storage.Rows;

/// <summary>Budget request rows hold exactly the texts that travel (<see cref="BudgetColumns"/>), with the free text sealed.</summary>
internal static class BudgetRequestRows
{
    public const string Table = BudgetColumns.RequestTable;

    public static TableRow ToRow(BudgetRequest request) => AdviceRows.Build(Table, request.Id.ToString(), BudgetColumns.ToColumns(request));

    /// <summary>The stored request, or null when a value in it is not one this version writes.</summary>
    public static BudgetRequest? TryFromRow(RowReader r) =>
        BudgetColumns.FromColumns(Guid.Parse(r.Id), AdviceRows.Read(r, Table, BudgetColumns.Request)) is { IsValid: true } request ? request.Value : null;
}

internal static class BudgetVoteRows
{
    public const string Table = BudgetColumns.VoteTable;

    public static TableRow ToRow(BudgetVote vote) => AdviceRows.Build(Table, vote.Id.ToString(), BudgetColumns.ToColumns(vote));

    public static BudgetVote? TryFromRow(RowReader r) =>
        BudgetColumns.VoteFromColumns(Guid.Parse(r.Id), AdviceRows.Read(r, Table, BudgetColumns.Vote)) is { IsValid: true } vote ? vote.Value : null;
}
