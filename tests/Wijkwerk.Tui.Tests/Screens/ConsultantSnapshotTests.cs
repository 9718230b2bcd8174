using Wijkwerk.Tui.Screens.Indications;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>The consultant's screens at the smallest supported size and a big one, against golden text files (UPDATE_SNAPSHOTS=1 rewrites them).</summary>
public sealed class ConsultantSnapshotTests
{
    public static TheoryData<int, int> Sizes => ScreenSnapshotTests.Sizes;

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ReviewQueue(int width, int height)
    {
        using var desk = new ConsultantDesk(width, height);
        desk.App.Press('5');

        Assert.Equal(4, desk.App.TopAs<ReviewQueueScreen>().Visible.Count);
        Snapshot.Match($"advice-queue-{width}x{height}", desk.App.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void DecisionForm_AdjustingTheVolume(int width, int height)
    {
        using var desk = new ConsultantDesk(width, height);
        desk.App.Press('5').Press(KeyInput.Enter).Press('b').Press(KeyInput.Right)
            .Press(KeyInput.Tab, KeyInput.Tab, KeyInput.Tab).Press(KeyInput.Backspace).Type("4");

        Assert.Equal("4", desk.App.TopAs<DecisionFormScreen>().Field("omvang").Read());
        Snapshot.Match($"advice-decision-{width}x{height}", desk.App.Terminal);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ExtensionForm(int width, int height)
    {
        using var desk = new ConsultantDesk(width, height);
        desk.App.Press('5').Press(KeyInput.Down, KeyInput.Down).Press('t');

        desk.App.TopAs<ExtensionFormScreen>();
        Snapshot.Match($"advice-term-{width}x{height}", desk.App.Terminal);
    }
}
