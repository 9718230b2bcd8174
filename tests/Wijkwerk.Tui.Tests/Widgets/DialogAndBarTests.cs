using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Tests.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Widgets;

public sealed class DialogAndBarTests
{
    [Fact]
    public void ConfirmDialog_Default_NoIsFocusedAndEnterAnswersNo()
    {
        var dialog = new ConfirmDialog("Wijzigingen weggooien?");

        dialog.HandleKey(KeyInput.Enter);

        Assert.False(dialog.IsYesFocused);
        Assert.False(dialog.Result);
    }

    [Fact]
    public void ConfirmDialog_Escape_AnswersNoEvenWhenYesFocused()
    {
        var dialog = new ConfirmDialog("Opslaan?", focusYes: true);
        bool? closedWith = null;
        dialog.Closed += r => closedWith = r;

        dialog.HandleKey(KeyInput.Escape);

        Assert.False(dialog.Result);
        Assert.False(closedWith);
    }

    [Fact]
    public void ConfirmDialog_MoveToYesThenEnter_AnswersYes()
    {
        var dialog = new ConfirmDialog("Verwijderen?");

        dialog.HandleKey(KeyInput.Left);
        dialog.HandleKey(KeyInput.Enter);

        Assert.True(dialog.Result);
    }

    [Theory]
    [InlineData('j', true)]
    [InlineData('n', false)]
    public void ConfirmDialog_Hotkey_Answers(char key, bool expected)
    {
        var dialog = new ConfirmDialog("Verwijderen?");

        dialog.HandleKey(KeyInput.Character(key));

        Assert.Equal(expected, dialog.Result);
    }

    [Fact]
    public void ConfirmDialog_OtherKeys_SwallowedWhileOpen()
    {
        var dialog = new ConfirmDialog("Stoppen?");

        Assert.True(dialog.HandleKey(KeyInput.Character('q')));
        Assert.True(dialog.HandleKey(KeyInput.Function(5)));
        Assert.Null(dialog.Result);
    }

    [Fact]
    public void ConfirmDialog_Render_BoxWithMessageAndFocusedNo()
    {
        var dialog = new ConfirmDialog("Wijzigingen weggooien?", title: "Let op");
        var buffer = new ScreenBuffer(80, 24);

        dialog.Render(buffer, buffer.Bounds, focused: true);

        var text = buffer.ToText();
        Assert.Contains("Let op", text, StringComparison.Ordinal);
        Assert.Contains("Wijzigingen weggooien?", text, StringComparison.Ordinal);
        Assert.Contains("[ Ja ]  > Nee <", text, StringComparison.Ordinal);
        var cursor = dialog.Cursor!.Value;
        Assert.Equal('N', buffer[cursor.X, cursor.Y].Char);
    }

    [Fact]
    public void ConfirmScreen_OverLoopScreen_AnswerRemovesOverlayAndKeepsScreenBelowVisible()
    {
        var terminal = new FakeTerminal();
        var loop = new UiLoop(terminal, new FakeClock());
        loop.Screens.Push(new TestScreen("cliëntenlijst"));
        bool? answer = null;
        ConfirmScreen.Show(loop.Screens, new ConfirmDialog("Stoppen?"), a => answer = a);
        loop.RunUntilIdle();
        var withDialog = terminal.ScreenText();

        terminal.Enqueue(KeyInput.Escape);
        loop.RunUntilIdle();

        Assert.Contains("cliëntenlijst", withDialog, StringComparison.Ordinal);
        Assert.Contains("Stoppen?", withDialog, StringComparison.Ordinal);
        Assert.False(answer);
        Assert.Equal(1, loop.Screens.Count);
        Assert.DoesNotContain("Stoppen?", terminal.ScreenText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Toast_AfterDuration_DisappearsOnNextTick()
    {
        var (time, terminal, loop, toast) = ToastOnScreen.Make();
        toast.Show("Opgeslagen", TimeSpan.FromSeconds(2));
        loop.RunUntilIdle();
        var shown = terminal.RowText(0);

        time.Advance(TimeSpan.FromSeconds(2));
        loop.RunUntilIdle();

        Assert.Equal(" Opgeslagen", shown);
        Assert.Equal("", terminal.RowText(0));
    }

    [Fact]
    public void Toast_GivenBeforeTheFirstFrame_IsShownForItsWholeTimeFromWhenItIsDrawn()
    {
        var (time, terminal, loop, toast) = ToastOnScreen.Make();
        toast.Show("Concept hersteld", TimeSpan.FromSeconds(3));
        // A slow start: the message was given long before anything was drawn.
        time.Advance(TimeSpan.FromSeconds(10));
        loop.RunUntilIdle();
        var first = terminal.RowText(0);

        time.Advance(TimeSpan.FromSeconds(2.75));
        loop.RunUntilIdle();
        var stillShown = terminal.RowText(0);
        time.Advance(TimeSpan.FromSeconds(0.25));
        loop.RunUntilIdle();

        Assert.Equal(" Concept hersteld", first);
        Assert.Equal(" Concept hersteld", stillShown);
        Assert.Equal("", terminal.RowText(0));
    }

    [Fact]
    public void Toast_GivenWithoutATime_StaysForTheDefault_OrLongerForALongMessage()
    {
        var screen = ToastOnScreen.Make();
        const string submitted = "Wmo-advies ingediend; gaat mee met de volgende sync (F5).";

        var (shortBefore, shortAt) = screen.ShownAt("Opgeslagen", Toast.DefaultDuration);
        var (longBefore, longAt) = screen.ShownAt(submitted, Toast.DefaultDuration + TimeSpan.FromSeconds(2));

        Assert.Equal((" Opgeslagen", ""), (shortBefore, shortAt));
        Assert.Equal((" " + submitted, " " + submitted), (longBefore, longAt));
        Assert.Equal(Toast.DefaultDuration, Toast.ReadingTime("Opgeslagen"));
        Assert.InRange(Toast.ReadingTime(submitted), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public void Toast_LongerThanTheLine_WrapsAtWordsInsteadOfBeingCut()
    {
        var time = new FakeClock();
        var toast = new Toast(time);
        const string error = "Synchroniseren mislukt: De server is niet bereikbaar (verbinding geweigerd). Uw gegevens staan veilig op deze laptop; probeer het later opnieuw.";
        toast.Show(error);
        var buffer = new ScreenBuffer(80, 3);

        toast.Render(buffer, buffer.Bounds, focused: false);

        var rows = buffer.ToText().Split('\n');
        Assert.Equal(2, toast.Lines(80).Count);
        Assert.Equal(error, string.Join(' ', rows.Select(r => r.Trim())).Trim());
        Assert.All(rows.Where(r => r.Length > 0), r => Assert.True(r.Length < 80, r));
    }

    [Fact]
    public void StatusBar_Narrow_KeepsStateAndWorkerWhole_LeavesOutLaterItemsWhole_KeepsFirstHints()
    {
        var commands = new CommandTable(
        [
            CommandDefinition.Create("hulp", "Hulp", "Help", KeyInput.Character('?'), () => { }),
            CommandDefinition.Create("filter", "Filter", "Filter", KeyInput.Character('/'), () => { }),
            CommandDefinition.Create("opslaan", "Opslaan", "Save", KeyInput.Ctrl('s'), () => { }),
            CommandDefinition.Create("sync", "Synchroniseren", "Sync", KeyInput.Function(5), () => { }),
        ]);
        var shortStatus = new StatusBar { Status = ["offline", "A. de Vries", "3 wachtend"], Commands = commands };
        var longStatus = new StatusBar { Status = ["offline", "Anna de Vries-van Oosterhout", "3 wachtend", "wijkverpleegkundige"], Commands = commands };
        var first = new ScreenBuffer(80, 1);
        var second = new ScreenBuffer(80, 1);

        shortStatus.Render(first, first.Bounds, focused: false);
        longStatus.Render(second, second.Bounds, focused: false);

        Assert.StartsWith(" offline · A. de Vries · 3 wachtend ", first.ToText(), StringComparison.Ordinal);
        Assert.EndsWith("? Hulp  / Filter  Ctrl+S Opslaan  …", first.ToText().TrimEnd(), StringComparison.Ordinal);
        Assert.StartsWith(" offline · Anna de Vries-van Oosterhout  ", second.ToText(), StringComparison.Ordinal);
        Assert.DoesNotContain("wachtend", second.ToText(), StringComparison.Ordinal);
        Assert.EndsWith("? Hulp  / Filter  Ctrl+S Opslaan  …", second.ToText().TrimEnd(), StringComparison.Ordinal);
        Assert.All(Enumerable.Range(0, 80), x => Assert.True(first[x, 0].Style.IsReverse));
    }

    [Fact]
    public void StatusBar_WorkerNameLongerThanTheRoom_EndsAfterAWholeWordWithAnEllipsis()
    {
        var status = new StatusBar { Status = ["online · sync 16-03-2026 14:00", "Anna Maria Josephina de Vries-van Oosterhout-Verbeek", "3 wachtend"], Commands = new CommandTable([CommandDefinition.Create("hulp", "Hulp", "Help", KeyInput.Character('?'), () => { })]) };
        var buffer = new ScreenBuffer(60, 1);

        status.Render(buffer, buffer.Bounds, focused: false);

        Assert.StartsWith(" online · sync 16-03-2026 14:00 · Anna Maria…  ", buffer.ToText(), StringComparison.Ordinal);
        Assert.EndsWith("? Hulp", buffer.ToText().TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void HelpOverlay_ListsEveryCommandWithDisabledInParentheses()
    {
        var table = new CommandTable(
        [
            CommandDefinition.Create("hulp", "Hulp", "Help", KeyInput.Character('?'), () => { }),
            new CommandDefinition("opslaan", "Opslaan", "Save", [KeyInput.Ctrl('s')], () => false, () => { }),
            new CommandDefinition("omhoog", "Omhoog", "Up", [KeyInput.Up, KeyInput.Character('k')], () => true, () => { }) { ShowInStatusBar = false },
        ]);
        var overlay = new HelpOverlay(table);

        Assert.Equal(["?       Hulp", "Ctrl+S  (Opslaan)", "↑/k     Omhoog"], overlay.Lines());
    }

    [Fact]
    public void HelpScreen_Escape_ClosesOverlay()
    {
        var terminal = new FakeTerminal();
        var loop = new UiLoop(terminal, new FakeClock());
        loop.Screens.Push(new TestScreen("lijst"));
        var table = new CommandTable([CommandDefinition.Create("sync", "Synchroniseren", "Sync", KeyInput.Function(5), () => { })]);
        loop.Screens.Push(new HelpScreen(loop.Screens, new HelpOverlay(table)));
        loop.RunUntilIdle();
        var shown = terminal.ScreenText();

        terminal.Enqueue(KeyInput.Escape);
        loop.RunUntilIdle();

        Assert.Contains("F5  Synchroniseren", shown, StringComparison.Ordinal);
        Assert.Equal("lijst", terminal.ScreenText().Trim());
    }

    /// <summary>A toast on a screen of its own, in a loop on a fake clock ticking every 250 ms.</summary>
    private sealed record ToastOnScreen(FakeClock Time, FakeTerminal Terminal, UiLoop Loop, Toast Toast)
    {
        public static ToastOnScreen Make()
        {
            var time = new FakeClock();
            var terminal = new FakeTerminal();
            var loop = new UiLoop(terminal, time, tickInterval: TimeSpan.FromMilliseconds(250));
            var toast = new Toast(time);
            loop.Screens.Push(new ToastScreen(toast));
            return new ToastOnScreen(time, terminal, loop, toast);
        }

        /// <summary>The toast's line just before <paramref name="after"/> has passed since it was drawn, and at that moment.</summary>
        public (string Before, string At) ShownAt(string message, TimeSpan after)
        {
            Toast.Show(message);
            Loop.RunUntilIdle();
            Time.Advance(after - TimeSpan.FromMilliseconds(250));
            Loop.RunUntilIdle();
            var before = Terminal.RowText(0);
            Time.Advance(TimeSpan.FromMilliseconds(250));
            Loop.RunUntilIdle();
            return (before, Terminal.RowText(0));
        }
    }

    private sealed class ToastScreen(Toast toast) : IScreen
    {
        public void Render(ScreenBuffer buffer) => toast.Render(buffer, buffer.Bounds.Row(0), focused: false);

        public bool HandleKey(KeyInput key) => false;
    }
}
