using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Demo;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>A team leader's laptop (or another role's) with the demo caseload, the team's budget requests and the demo's patterns, as <c>wijkwerk demo</c> builds it.</summary>
public static class PatternDesk
{
    public static AppHarness Open(int width = 80, int height = 24, Lang lang = Lang.Nl, Role role = Role.TeamLeader)
    {
        var app = new AppHarness(width, height, lang, role: role);
        DemoBudget.Fill(app.Store);
        DemoPatterns.Fill(app.Store);
        app.Restart();
        return app;
    }
}
