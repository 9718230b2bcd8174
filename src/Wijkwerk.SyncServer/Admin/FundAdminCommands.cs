using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.SyncServer.Store;
using static Wijkwerk.SyncServer.Admin.AdminCommands;

namespace Wijkwerk.SyncServer.Admin;

/// <summary>
/// Issue 13: the administrator keeps the revolving fund: its partner organisations, their deposits and the member
/// professionals who may request. All of it is reference data: each change raises the version, so every laptop
/// receives the fund with its next pull.
/// </summary>
public static class FundAdminCommands
{
    public static Task<int> AddPartner(StoreOptions options, string name) => Run(options, async store =>
    {
        var added = await store.AddFundPartnerAsync(name, DateTimeOffset.UtcNow);
        Console.WriteLine($"Partner '{added}' doet mee aan het fonds; boek de inleg met 'admin fund deposit --partner \"{added}\" --amount EUR --date JJJJ-MM-DD'.");
        return 0;
    });

    public static Task<int> ListPartners(StoreOptions options) => RunOnExisting(options, async store =>
    {
        var (fund, balance) = await store.FundAsync();
        if (fund.Partners.Count == 0)
            Console.WriteLine("Nog geen partners; voeg er een toe met 'admin fund partner add NAAM'.");
        foreach (var partner in fund.Partners)
            Console.WriteLine($"{partner}\tinleg {fund.DepositedBy(partner)}");
        Console.WriteLine($"Totaal ingelegd {balance.Deposited}; uitbetaald {balance.PaidOut}; terugbetaald {balance.Repaid}; saldo {balance.Available}.");
        return 0;
    });

    public static Task<int> Deposit(StoreOptions options, string partner, string amount, string date)
    {
        var money = Money.Parse(amount, "--amount");
        if (!money.IsValid)
            return Fail(BadInput, $"--amount: {money.Problem.Describe(Lang.Nl)}; geef een bedrag in euro, zoals 5000 of 5.000,00.");
        if (money.Value.Cents <= 0)
            return Fail(BadInput, "--amount: een inleg is meer dan € 0,00, zoals 5000.");
        var day = DateText.Parse(date, "--date");
        if (!day.IsValid)
            return Fail(BadInput, $"--date: {day.Problem.Describe(Lang.Nl)}.");
        return Run(options, async store =>
        {
            var deposit = await store.AddFundDepositAsync(partner, money.Value, day.Value, DateTimeOffset.UtcNow);
            Console.WriteLine($"Inleg van {deposit.Partner}: {deposit.Amount} op {DateText.Show(deposit.Date)} geboekt.");
            return 0;
        });
    }

    public static Task<int> AddMember(StoreOptions options, string user) => Run(options, async store =>
    {
        var name = await store.AddFundMemberAsync(user, DateTimeOffset.UtcNow);
        Console.WriteLine($"'{name}' is lid van het fonds en mag verzoeken indienen.");
        return 0;
    });

    public static Task<int> RemoveMember(StoreOptions options, string user) => Run(options, async store =>
    {
        var name = await store.RemoveFundMemberAsync(user, DateTimeOffset.UtcNow);
        Console.WriteLine($"'{name}' is geen lid meer van het fonds; eerdere verzoeken blijven staan.");
        return 0;
    });

    public static Task<int> ListMembers(StoreOptions options) => RunOnExisting(options, async store =>
    {
        var members = await store.ListFundMembersAsync();
        if (members.Count == 0)
            Console.WriteLine("Nog geen leden; voeg er een toe met 'admin fund members add --user NAAM'.");
        foreach (var name in members)
            Console.WriteLine(name);
        return 0;
    });
}
