using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Storage.Rows;

/// <summary>Fund request rows hold exactly the texts that travel (<see cref="FundColumns"/>), with the free text sealed.</summary>
internal static class FundRequestRows
{
    public const string Table = FundColumns.RequestTable;

    public static TableRow ToRow(FundRequest request) => AdviceRows.Build(Table, request.Id.ToString(), FundColumns.ToColumns(request));

    /// <summary>The stored request, or null when a value in it is not one this version writes.</summary>
    public static FundRequest? TryFromRow(RowReader r) =>
        FundColumns.FromColumns(Guid.Parse(r.Id), AdviceRows.Read(r, Table, FundColumns.Request)) is { IsValid: true } request ? request.Value : null;
}

internal static class FundRepaymentRows
{
    public const string Table = FundColumns.RepaymentTable;

    public static TableRow ToRow(FundRepayment repayment) => AdviceRows.Build(Table, repayment.Id.ToString(), FundColumns.ToColumns(repayment));

    public static FundRepayment? TryFromRow(RowReader r) =>
        FundColumns.RepaymentFromColumns(Guid.Parse(r.Id), AdviceRows.Read(r, Table, FundColumns.Repayment)) is { IsValid: true } repayment ? repayment.Value : null;
}
