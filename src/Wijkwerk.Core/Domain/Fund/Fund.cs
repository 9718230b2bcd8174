using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Fund;

/// <summary>One deposit of a partner organisation into the revolving fund, on the day it arrived.</summary>
public sealed record FundDeposit(string Partner, Money Amount, DateOnly Date);

/// <summary>
/// The revolving fund as the administrator keeps it (Bossche Bond): the partner organisations that put money in
/// and answer for the requests they should have paid, their deposits, and the member professionals who may ask it
/// for money. Partner names compare without regard to case, as the server's do.
/// </summary>
public sealed record Fund(IReadOnlyList<string> Partners, IReadOnlyList<FundDeposit> Deposits, IReadOnlyList<Id<Worker>> Members)
{
    public static Fund Empty { get; } = new([], [], []);

    public bool IsMember(Id<Worker> worker) => Members.Contains(worker);

    /// <summary>The partner's name as the fund spells it; null when no such partner takes part.</summary>
    public string? PartnerNamed(string name) => Partners.FirstOrDefault(p => string.Equals(p, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public Money DepositedBy(string partner) =>
        Deposits.Where(d => string.Equals(d.Partner, partner, StringComparison.OrdinalIgnoreCase)).Aggregate(Money.Zero, (sum, d) => sum + d.Amount);

    public Money Deposited => Deposits.Aggregate(Money.Zero, (sum, d) => sum + d.Amount);
}
