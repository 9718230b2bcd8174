using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>Synthetic minimaatwerk budget requests and votes as a team member's laptop makes them, at the current time (the server judges by its own day and year).</summary>
public static class BudgetRows
{
    public static int Year => AmsterdamTime.ToLocal(DateTimeOffset.UtcNow).Year;

    public static BudgetRequest Request(Guid client, Guid requester, string team, long euros = 350, BudgetCategory category = BudgetCategory.Household) => new(
        new Id<BudgetRequest>(Guid.CreateVersion7()), new Id<Client>(client), team, new Id<Worker>(requester), DateTimeOffset.UtcNow.AddMinutes(-1),
        "Koelkast voor insuline", new InKindSupplier("Witgoed Noord (synthetisch)", "factuur 2026-0042"), Money.FromEuros(euros), category,
        "Bijzondere bijstand duurt zes weken; de insuline bederft nu",
        new ValueTriangle("Gezondheid gaat voor; de regel past niet op acute nood", null, "Mevrouw kiest de koelkast zelf uit", true),
        "bijzondere-bijstand-doorlooptijd", BudgetRequestStatus.Requested, null, null);

    public static BudgetVote Approve(BudgetRequest request, Guid voter) =>
        new(new Id<BudgetVote>(Guid.CreateVersion7()), request.Id, new Id<Worker>(voter), DateTimeOffset.UtcNow.AddSeconds(-5), VoteKind.Approve, "");

    public static BudgetVote Alternative(BudgetRequest request, Guid voter, string what) =>
        new(new Id<BudgetVote>(Guid.CreateVersion7()), request.Id, new Id<Worker>(voter), DateTimeOffset.UtcNow.AddSeconds(-5), VoteKind.Alternative, what);
}
