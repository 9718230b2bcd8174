using System.Diagnostics;
using System.Globalization;

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
    private const string PasteStart = "\u001b[200~";
    private const string PasteEnd = "\u001b[201~";

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

    [Fact]
    public void BracketedPaste_IsOnWhileTheProgramRuns_APasteIsTextForTheFocusedField_AndItIsOffAfterSigterm()
    {
        Tmux.AfterExit = "cat -v";
        Tmux.Start("demo", "--clients", "30");
        OpenClientList("30 van 30 cliënten");

        // On the list every one of these is a command when typed: quit, filter, new client, open.
        Tmux.SendRaw(PasteStart + "q/n\r" + PasteEnd);
        Tmux.Type("j");
        var list = Tmux.WaitUntil(s => SelectedRow(s) == 1, "the second client selected by j after the paste");

        Tmux.SendRaw("\u000e");
        Tmux.WaitFor("Wijkwerk · Nieuwe cliënt");
        Tmux.SendRaw(PasteStart + "Jan\rPiet" + PasteEnd);
        // tmux brackets its own paste only because the program asked for it; without that, the line break would be Enter.
        Tmux.PasteBracketed(" Klaas\nDe Vries");
        Tmux.Type("x");
        var oneLine = Tmux.WaitFor("Jan Piet Klaas De Vriesx");

        Tmux.Press("Escape");
        Tmux.WaitFor("weggooien?");
        Tmux.Type("j");
        Tmux.WaitFor("30 van 30 cliënten");
        Tmux.Press("Enter");
        Tmux.WaitFor("Wijkwerk · Dossier");
        Tmux.Type("w");
        Tmux.WaitFor("Wijkwerk · Nieuw Wmo-advies");
        Tmux.PasteBracketed("Eerste regel van de wens\nTweede regel, met q en /");
        Tmux.Type(" klaar");
        var multiLine = Tmux.WaitFor("Tweede regel, met q en / klaar");

        Process.Start("kill", ["-TERM", Tmux.ProgramPid().ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        var status = Tmux.WaitForExit();
        Tmux.PasteBracketed("na afloop");
        var after = Tmux.WaitFor("na afloop");

        Assert.Contains("30 van 30 cliënten", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Zoek      q", list, StringComparison.Ordinal);
        Assert.Contains("Voornaam", oneLine.Split('\n').Single(l => l.Contains("Jan Piet Klaas De Vriesx", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("200~", oneLine, StringComparison.Ordinal);
        var lines = multiLine.Split('\n');
        var second = Array.FindIndex(lines, l => l.Contains("Tweede regel, met q en / klaar", StringComparison.Ordinal));
        Assert.Contains("Eerste regel van de wens", lines[second - 1], StringComparison.Ordinal);
        Assert.Contains("Wijkwerk · Nieuw Wmo-advies", multiLine, StringComparison.Ordinal);
        Assert.NotEqual(0, status);
        // After the program, the shell's cat shows the markers (as ^[[200~) if the mode had been left on.
        Assert.DoesNotContain("200~", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Wijkwerk ·", after, StringComparison.Ordinal);
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
