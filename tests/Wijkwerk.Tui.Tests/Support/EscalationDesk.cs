using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Demo;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>A nurse's (or another role's) laptop with the demo caseload and the demo's escalations and pauses (as <c>wijkwerk demo</c> builds them), on the harness's fixed clock.</summary>
public static class EscalationDesk
{
    public static AppHarness Open(int width = 80, int height = 24, Lang lang = Lang.Nl, Role role = Role.Nurse)
    {
        var app = new AppHarness(width, height, lang, role: role);
        DemoEscalations.Fill(app.Store);
        app.Restart();
        return app;
    }
}
