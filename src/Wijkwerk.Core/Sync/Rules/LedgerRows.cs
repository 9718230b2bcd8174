namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// Money that moved stays on the books when the client's file goes. The revolving fund's requests and repayments and
/// a team budget's requests and votes are ledgers: the fund's balance, its receivables, the half-year review and a
/// team's budget ledger are counted from them. They name the client only by its pseudonymous id (no name, BSN or
/// address), so they outlive the client: a deletion on a laptop leaves them (it deletes only the dossier's own rows),
/// the server's deletion of what remains of the client leaves them, and the retention purge of the client's file
/// leaves them (they follow the ledgers' own retention). A refused or open request stays too: the directors' review
/// counts every request, and a deletion must not change the page they discuss.
/// One rule for the laptop and the server.
/// </summary>
public static class LedgerRows
{
    public static IReadOnlyList<string> Tables { get; } =
        [FundColumns.RequestTable, FundColumns.RepaymentTable, BudgetColumns.RequestTable, BudgetColumns.VoteTable];

    public static bool OutlivesClient(string table) => Tables.Contains(table, StringComparer.Ordinal);

    /// <summary>
    /// Whether a pushed row still lands after its client was deleted: the next step on a ledger row already on the
    /// books (payout, evaluation, settlement, a budget's outcome) and a repayment into the fund, because money that
    /// moved must still be settled and repaid. Anything new about a client who is gone (a new request, a vote that
    /// would commit budget) is kept as a conflict, like every other row about a deleted client.
    /// </summary>
    public static bool LandsAfterClientDeletion(string table, bool rowOnTheBooks) =>
        table == FundColumns.RepaymentTable || (rowOnTheBooks && OutlivesClient(table));
}
