using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Screens.Mandates;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>The team leader's mandate screens at the smallest supported size and a big one, against golden text files (UPDATE_SNAPSHOTS=1 rewrites them).</summary>
public sealed class MandateSnapshotTests
{
    public static TheoryData<int, int> Sizes => ScreenSnapshotTests.Sizes;

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Home_TeamLeader(int width, int height)
    {
        using var desk = new TeamLeaderDesk(width, height);

        desk.App.TopAs<HomeScreen>();
        Snapshot.Match($"home-teamleader-{width}x{height}", desk.App.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void DecisionForm_WithTheWorkedExample(int width, int height)
    {
        using var desk = new TeamLeaderDesk(width, height, withDecisions: false);
        desk.OpenDossier(desk.FreeClient.Id);
        desk.App.Press('m');
        var form = desk.App.TopAs<MandateDecisionFormScreen>();
        // Own cost, then the horizon, then the routes in name order: Beschermd wonen, Bijstandsuitkering, Gedwongen uithuiszetting, Maatschappelijke opvang.
        for (var i = 0; i < 7; i++)
            desk.App.Press(KeyInput.Tab);
        desk.App.Type("4000").Press(KeyInput.Tab, KeyInput.Tab, KeyInput.Tab).Type("12").Press(KeyInput.Tab).Type("1").Press(KeyInput.Tab).Type("12");

        Assert.Equal(51_000_00, form.Figures!.AvoidedCost.Cents);
        Snapshot.Match($"mandate-form-{width}x{height}", desk.App.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void DecisionList(int width, int height)
    {
        using var desk = new TeamLeaderDesk(width, height);
        desk.App.Press('7');

        Assert.Equal(6, desk.App.TopAs<DecisionsScreen>().Visible.Count);
        Snapshot.Match($"mandate-list-{width}x{height}", desk.App.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void DecisionDetail_TheWorkedExample(int width, int height)
    {
        using var desk = new TeamLeaderDesk(width, height);
        desk.App.Press('7').Press('/').Type("schuldhulp").Press(KeyInput.Enter, KeyInput.Enter);

        Assert.Equal("Schuldhulpverlening", desk.App.TopAs<DecisionDetailScreen>().Decision.Department);
        Snapshot.Match($"mandate-detail-{width}x{height}", desk.App.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void FollowUpForm(int width, int height)
    {
        using var desk = new TeamLeaderDesk(width, height);
        desk.App.Press('7').Press(KeyInput.Enter).Press('v').Press(KeyInput.Right, KeyInput.Tab).Type("Urgentie verleend; tijdelijke woning gevonden.");

        desk.App.TopAs<FollowUpFormScreen>();
        Snapshot.Match($"mandate-followup-{width}x{height}", desk.App.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Dossier_WithADecisionItsFollowUpAndAddenda(int width, int height)
    {
        using var desk = new TeamLeaderDesk(width, height);
        desk.OpenDossier(desk.Decisions.Single(d => d.Department == "Opvang").ClientId);

        Snapshot.Match($"dossier-teamleader-{width}x{height}", desk.App.Terminal);
    }
}
