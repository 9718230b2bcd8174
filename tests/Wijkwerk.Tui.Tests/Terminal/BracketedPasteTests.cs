using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Terminal;

/// <summary>
/// A bracketed paste as the runtime's key parser delivers it (Escape and the marker's characters around the
/// text) is read as pasted text: never as Esc, never as keys that a command or a list reacts to.
/// </summary>
public sealed class BracketedPasteTests
{
    [Fact]
    public void ThePasteMarkers_BecomeNothing_AndTheTextBetweenThemPastedKeys()
    {
        var keys = Decode(Marker("200~"), Text("q/"), [KeyInput.Tab, KeyInput.Enter], Text("5"), Marker("201~"), Text("q"));

        Assert.Equal(
            [KeyInput.Pasted('q'), KeyInput.Pasted('/'), KeyInput.Pasted(' '), KeyInput.Pasted('\n'), KeyInput.Pasted('5'), KeyInput.Character('q')],
            keys);
        Assert.All(keys.Take(5), k => Assert.False(k.IsPrintable));
        Assert.DoesNotContain(KeyInput.Escape, keys);
    }

    [Fact]
    public void ALoneEsc_IsEsc_AndKeysAfterItThatAreNoMarker_StayKeys()
    {
        Assert.Equal([KeyInput.Escape], Decode([KeyInput.Escape]));
        Assert.Equal([KeyInput.Escape, KeyInput.Character('['), KeyInput.Character('2'), KeyInput.Character('x')], Decode([KeyInput.Escape], Text("[2x")));
        Assert.Equal([KeyInput.Escape, KeyInput.Escape], Decode([KeyInput.Escape, KeyInput.Escape]));
    }

    [Fact]
    public void EscPressedJustBeforeAPaste_IsEsc_AndThePasteStillIsText()
    {
        var keys = Decode([KeyInput.Escape], Marker("200~"), Text("ja"), Marker("201~"));

        Assert.Equal([KeyInput.Escape, KeyInput.Pasted('j'), KeyInput.Pasted('a')], keys);
    }

    [Fact]
    public void InsideAPaste_AnEscapeAndOtherControlKeysAreDropped_AndCtrlJIsALineBreak()
    {
        var keys = Decode(Marker("200~"), Text("a"), [KeyInput.Escape, KeyInput.Ctrl('s'), KeyInput.Backspace, KeyInput.Ctrl('j')], Text("b"), Marker("201~"));

        Assert.Equal([KeyInput.Pasted('a'), KeyInput.Pasted('\n'), KeyInput.Pasted('b')], keys);
    }

    [Fact]
    public void NoCommandIsBoundToAPastedKey()
    {
        var table = new CommandTable();
        var ran = 0;
        table.Add(new CommandDefinition("quit", "Stoppen", "Quit", [KeyInput.Character('q'), KeyInput.Enter], () => true, () => ran++));

        Assert.False(table.TryDispatch(KeyInput.Pasted('q')));
        Assert.False(table.TryDispatch(KeyInput.Pasted('\n')));
        Assert.Equal(0, ran);
    }

    [Fact]
    public void AOneLineField_TakesAPastedLineBreakAsASpace_AndAMultiLineFieldAsALineBreak()
    {
        var field = new TextField("Naam");
        var area = new TextArea("Notities");

        foreach (var key in Decode(Marker("200~"), Text("Jan"), [KeyInput.Enter], Text("Piet"), Marker("201~")))
        {
            Assert.True(field.HandleKey(key));
            Assert.True(area.HandleKey(key));
        }

        Assert.Equal("Jan Piet", field.Text);
        Assert.Equal("Jan\nPiet", area.Text);
    }

    [Fact]
    public void AListOrACheckbox_DoesNothingWithAPaste()
    {
        var list = new ListView<string>(s => s);
        list.SetItems(["een", "twee", "drie"]);
        var activated = 0;
        list.Activated += _ => activated++;
        var box = new Checkbox("Gewezen op het persoonlijk plan");

        foreach (var key in new[] { KeyInput.Pasted('j'), KeyInput.Pasted('\n'), KeyInput.Pasted(' ') })
        {
            Assert.False(list.HandleKey(key));
            box.HandleKey(key);
        }

        Assert.Equal((0, 0), (list.SelectedIndex, activated));
        Assert.False(box.Checked);
    }

    [Fact]
    public void TheFakeTerminal_SwitchesBracketedPasteOnForTheFullScreen_AndOffWhenRestored()
    {
        var terminal = new FakeTerminal();

        terminal.EnterFullScreen();
        var inside = terminal.BracketedPaste;
        terminal.Restore();

        Assert.True(inside);
        Assert.False(terminal.BracketedPaste);
        Assert.Contains(AnsiSequences.BracketedPasteOff, AnsiSequences.LeaveFullScreen, StringComparison.Ordinal);
    }

    private static List<KeyInput> Decode(params IEnumerable<KeyInput>[] parts)
    {
        var waiting = new Queue<KeyInput>(parts.SelectMany(p => p));
        var decoder = new BracketedPasteDecoder();
        var keys = new List<KeyInput>();
        while (decoder.TryRead(() => waiting.TryDequeue(out var next) ? next : null, out var key))
            keys.Add(key);
        return keys;
    }

    /// <summary>ESC [ 200~ as the runtime's key parser gives it: Escape, then the characters.</summary>
    private static IEnumerable<KeyInput> Marker(string tail) => [KeyInput.Escape, .. Text("[" + tail)];

    private static IEnumerable<KeyInput> Text(string text) => text.Select(KeyInput.Character);
}
