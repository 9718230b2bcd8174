using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Localization;
using Wijkwerk.Demo;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>The fund secretariat's laptop as the demo builds it: no clients, the fund's fourteen partners and forty requests in every state.</summary>
public static class FundDesk
{
    public static AppHarness Open(int width = 80, int height = 24, Lang lang = Lang.Nl)
    {
        var app = new AppHarness(width, height, lang, clients: 0, identity: DemoFund.DemoSecretariat);
        DemoFund.Fill(app.Store);
        // Opened again on the filled store, as the demo command does: home reads it from the start.
        app.Restart();
        return app;
    }

    /// <summary>The demo's unique case that was paid out, evaluated through the store: one to settle over all fourteen partners.</summary>
    public static FundRequest EvaluatedUniqueCase(AppHarness app)
    {
        var paid = app.Store.Fund.All().First(r => r is { Status: FundRequestStatus.PaidOut, IsUnique: true });
        app.Store.Fund.Evaluate(paid.Id, worked: true, durable: false, "Werkte, maar de regeling blijft knellen");
        return app.Store.Fund.Get(paid.Id)!;
    }
}
