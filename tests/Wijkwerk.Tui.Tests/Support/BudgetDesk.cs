using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Demo;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>A nurse's (or another role's) laptop with the demo caseload and the demo team's budget requests (as <c>wijkwerk demo</c> builds it), on the harness's fixed clock.</summary>
public static class BudgetDesk
{
    public static AppHarness Open(int width = 80, int height = 24, Lang lang = Lang.Nl, Role role = Role.Nurse)
    {
        var app = new AppHarness(width, height, lang, role: role);
        DemoBudget.Fill(app.Store);
        // Opened again on the filled store, as the demo command does: home reads it from the start.
        app.Restart();
        return app;
    }
}
