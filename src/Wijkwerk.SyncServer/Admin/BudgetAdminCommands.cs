using System.Globalization;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.SyncServer.Store;
using static Wijkwerk.SyncServer.Admin.AdminCommands;

namespace Wijkwerk.SyncServer.Admin;

/// <summary>
/// Issue 12: the administrator sets each team's minimaatwerk budget per year and the most one request may ask.
/// A budget is reference data: setting it raises the version, so the team's laptops receive it with their next pull.
/// </summary>
public static class BudgetAdminCommands
{
    public static Task<int> Set(StoreOptions options, string team, string year, string amount, string? limit)
    {
        if (!int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < TeamBudget.MinYear or > TeamBudget.MaxYear)
            return Fail(BadInput, $"--year: '{year}' is geen jaartal; geef een jaar van {TeamBudget.MinYear} tot en met {TeamBudget.MaxYear}, zoals 2026.");
        var budget = Money.Parse(amount, "--amount");
        if (!budget.IsValid)
            return Fail(BadInput, $"--amount: {budget.Problem.Describe(Lang.Nl)}; geef een bedrag in euro, zoals 12000 of 12.000,00.");
        if (budget.Value.Cents < 0)
            return Fail(BadInput, "--amount: het budget mag niet negatief zijn; geef 0 of meer.");
        var perRequest = limit is null ? Parsed<Money>.Ok(TeamBudget.DefaultLimit) : Money.Parse(limit, "--limit");
        if (!perRequest.IsValid)
            return Fail(BadInput, $"--limit: {perRequest.Problem.Describe(Lang.Nl)}; geef een bedrag in euro, zoals 500.");
        if (perRequest.Value.Cents <= 0)
            return Fail(BadInput, "--limit: de grens per verzoek moet meer dan € 0,00 zijn, zoals 500.");
        return Run(options, async store =>
        {
            var set = await store.SetTeamBudgetAsync(team, y, budget.Value, perRequest.Value, DateTimeOffset.UtcNow);
            Console.WriteLine($"Budget van team '{set.Team}' voor {set.Year}: {set.Amount}, hoogstens {set.PerRequestLimit} per verzoek.");
            return 0;
        });
    }

    public static Task<int> List(StoreOptions options) => RunOnExisting(options, async store =>
    {
        var budgets = await store.ListTeamBudgetsAsync();
        if (budgets.Count == 0)
            Console.WriteLine("Nog geen budgetten; stel er een in met 'admin budget set --team NAAM --year JJJJ --amount EUR'.");
        foreach (var b in budgets)
            Console.WriteLine($"{b.Team}\t{b.Year}\t{b.Amount}\tgrens {b.PerRequestLimit}");
        return 0;
    });
}
