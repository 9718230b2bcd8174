using Wijkwerk.Core.Localization;
using Wijkwerk.Demo;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Screens.Patterns;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>The patterns screens at the smallest supported size and a big one, and in English, against golden text files (UPDATE_SNAPSHOTS=1 rewrites them).</summary>
public sealed class PatternSnapshotTests
{
    public static TheoryData<int, int> Sizes => ScreenSnapshotTests.Sizes;

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Home_WithNewPatterns(int width, int height)
    {
        using var app = PatternDesk.Open(width, height);

        app.TopAs<HomeScreen>();
        Snapshot.Match($"home-patterns-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void List(int width, int height)
    {
        using var app = PatternDesk.Open(width, height);
        app.Press('w');

        app.TopAs<PatternsScreen>();
        Snapshot.Match($"patterns-list-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Detail_Discussed(int width, int height)
    {
        using var app = PatternDesk.Open(width, height);
        Open(app, DemoPatterns.DentalCosts);

        app.TopAs<PatternDetailScreen>();
        Snapshot.Match($"pattern-detail-{width}x{height}", app.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void FixForm(int width, int height)
    {
        using var app = PatternDesk.Open(width, height);
        Open(app, DemoPatterns.DentalCosts);
        app.Press('o').Type("Zorgverzekeraar vergoedt prothesereparatie");

        app.TopAs<PatternStepFormScreen>();
        Snapshot.Match($"pattern-fix-form-{width}x{height}", app.Terminal);
    }

    [Fact]
    public void Detail_InEnglish()
    {
        using var app = PatternDesk.Open(lang: Lang.En);
        Open(app, DemoPatterns.GhostResidents);

        app.TopAs<PatternDetailScreen>();
        Snapshot.Match("pattern-detail-en-80x24", app.Terminal);
    }

    private static void Open(AppHarness app, string tag)
    {
        app.Press('w');
        var index = app.TopAs<PatternsScreen>().Visible.ToList().FindIndex(p => p.Pattern.TagKey == tag);
        for (var i = 0; i < index; i++)
            app.Press(KeyInput.Down);
        app.Press(KeyInput.Enter);
    }
}
