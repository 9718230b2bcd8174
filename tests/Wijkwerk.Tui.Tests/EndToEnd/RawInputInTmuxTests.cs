namespace Wijkwerk.Tui.Tests.EndToEnd;

/// <summary>
/// Keys as a terminal really sends them: raw escape sequences written into the pane byte for byte, through
/// the runtime's console parser and our key mapping into the real program. tmux's own key names would hide
/// which encoding arrived (CSI or SS3, with modifiers, a lone Esc).
/// </summary>
[Collection(nameof(WijkwerkInTmuxTests))]
public sealed class RawInputInTmuxTests : InTmuxTest
{
    private const string SelectedMarker = "> ";

    [Fact]
    public void EscapeSequences_ReachTheAppAsTheKeysTheyEncode()
    {
        Tmux.Start("demo", "--clients", "30");
        Tmux.WaitFor("Wijkwerk · Startscherm");

        Tmux.SendRaw("\u001bOP");
        var help = Tmux.WaitFor("Toetsen");
        Tmux.SendRaw("\u001b");
        var helpClosed = Tmux.WaitUntil(s => !s.Contains("Toetsen", StringComparison.Ordinal), "the help overlay closed by a lone Esc");

        OpenClientList("30 van 30 cliënten");
        Tmux.SendRaw("\u001b[B\u001b[B\u001b[B\u001b[A");
        var moved = Tmux.WaitUntil(s => SelectedRow(s) == 2, "the third client selected");

        Tmux.SendRaw("\u000e");
        Tmux.WaitFor("Wijkwerk · Nieuwe cliënt");
        Tmux.Type("ab");
        Tmux.SendRaw("\u001b[1;5C");
        Tmux.SendRaw("\u001b[D");
        Tmux.Type("x");
        Tmux.WaitFor("axb");
        Tmux.Paste("zz");
        var typed = Tmux.WaitFor("axzzb");

        Assert.Contains("?/F1", help, StringComparison.Ordinal);
        Assert.Contains("Wijkwerk · Startscherm", helpClosed, StringComparison.Ordinal);
        Assert.Equal(2, SelectedRow(moved));
        // Ctrl+Right is no text: nothing of its sequence may end up in the field, and a paste lands where the cursor is.
        Assert.Contains("Voornaam", typed.Split('\n').Single(l => l.Contains("axzzb", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("5C", typed, StringComparison.Ordinal);
    }

    /// <summary>Which client row (0 = first under the column heads) carries the selection marker, or -1.</summary>
    private static int SelectedRow(string screen)
    {
        var lines = screen.Split('\n');
        var heading = Array.FindIndex(lines, l => l.TrimStart().StartsWith("Naam", StringComparison.Ordinal));
        if (heading < 0)
            return -1;
        var selected = Array.FindIndex(lines, heading + 1, l => l.StartsWith(SelectedMarker, StringComparison.Ordinal));
        return selected < 0 ? -1 : selected - heading - 1;
    }
}
