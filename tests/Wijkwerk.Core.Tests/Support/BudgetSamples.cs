using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Tests.Support;

/// <summary>Synthetic minimaatwerk budget requests: a fridge for insulin, paid in kind to the supplier.</summary>
public static class BudgetSamples
{
    public const string Team = "Wijkteam Noord";

    public static TeamBudget BudgetOf(long euros = 10_000, string team = Team, int year = 2026, long limitEuros = 500) =>
        new(team, year, Money.FromEuros(euros), Money.FromEuros(limitEuros));

    public static BudgetRequest Request(Id<Worker> by, DateTimeOffset at, long euros = 350, BudgetCategory category = BudgetCategory.Household, string team = Team, Id<Client>? client = null) => new(
        new Id<BudgetRequest>(Guid.CreateVersion7()), client ?? new Id<Client>(Guid.CreateVersion7()), team, by, at,
        "Koelkast voor insuline", new InKindSupplier("Witgoed Noord (synthetisch)", "factuur 2026-0042"), Money.FromEuros(euros), category,
        "Bijzondere bijstand duurt zes weken; de insuline bederft nu",
        new ValueTriangle("Gezondheid gaat voor; de regel past niet op acute nood", null, "Mevrouw wil zelfstandig blijven en kiest de koelkast zelf uit", true),
        "bijzondere-bijstand-doorlooptijd", BudgetRequestStatus.Requested, null, null);

    public static BudgetVote Approve(Id<BudgetRequest> request, Id<Worker> voter, DateTimeOffset at) =>
        new(new Id<BudgetVote>(Guid.CreateVersion7()), request, voter, at, VoteKind.Approve, "");

    public static BudgetVote Alternative(Id<BudgetRequest> request, Id<Worker> voter, DateTimeOffset at, string what = "Fonds Noodhulp betaalt de koelkast") =>
        new(new Id<BudgetVote>(Guid.CreateVersion7()), request, voter, at, VoteKind.Alternative, what);

    public static Id<Worker> NewWorker() => new(Guid.CreateVersion7());
}
