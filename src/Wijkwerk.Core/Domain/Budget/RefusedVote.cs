namespace Wijkwerk.Core.Domain.Budget;

/// <summary>A vote of this laptop's worker that the server would not count, with the server's reason in its words.</summary>
public sealed record RefusedVote(BudgetVote Vote, string Reason);
