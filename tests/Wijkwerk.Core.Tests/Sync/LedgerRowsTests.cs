using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Tests.Sync;

/// <summary>The ledgers' rows outlive their client; after a deletion only the steps on money already on the books still land.</summary>
public class LedgerRowsTests
{
    [Theory]
    [InlineData(FundColumns.RequestTable)]
    [InlineData(FundColumns.RepaymentTable)]
    [InlineData(BudgetColumns.RequestTable)]
    [InlineData(BudgetColumns.VoteTable)]
    public void LedgerTable_OutlivesTheClient_AndIsNeverDeletedByAPush(string table)
    {
        Assert.True(LedgerRows.OutlivesClient(table));
        // The server's deletion of what remains of a client skips the rows a push may never delete.
        Assert.NotNull(RowRules.CheckDelete(table));
    }

    [Fact]
    public void EveryOtherTableAboutAClient_GoesWithTheClient()
    {
        var others = SyncSchema.Tables.Select(t => t.Name).Where(t => !LedgerRows.Tables.Contains(t)).ToList();

        Assert.Contains("signals", others);
        Assert.All(others, t => Assert.False(LedgerRows.OutlivesClient(t)));
    }

    [Theory]
    [InlineData(FundColumns.RequestTable, true, true)]
    [InlineData(FundColumns.RequestTable, false, false)]
    [InlineData(FundColumns.RepaymentTable, false, true)]
    [InlineData(BudgetColumns.RequestTable, true, true)]
    [InlineData(BudgetColumns.RequestTable, false, false)]
    [InlineData(BudgetColumns.VoteTable, false, false)]
    [InlineData("signals", true, false)]
    [InlineData("home_visits", false, false)]
    public void AfterTheClientsDeletion_OnlyStepsOnMoneyOnTheBooksLand(string table, bool rowOnTheBooks, bool lands) =>
        Assert.Equal(lands, LedgerRows.LandsAfterClientDeletion(table, rowOnTheBooks));
}
