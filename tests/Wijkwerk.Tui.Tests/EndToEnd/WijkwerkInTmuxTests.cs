using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.EndToEnd;

/// <summary>The real program in a real terminal: what is typed survives a quit, and even a SIGKILL.</summary>
[Collection(nameof(WijkwerkInTmuxTests))]
public sealed class WijkwerkInTmuxTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly TmuxTerminal _tmux;

    public WijkwerkInTmuxTests() => _tmux = new TmuxTerminal(_data.Path);

    [Fact]
    public void NewClientAndSignal_SurviveQuitAndRestart()
    {
        _tmux.Start();
        _tmux.WaitFor("Wijkwerk · Startscherm");
        _tmux.Type("c");
        _tmux.WaitFor("0 van 0 cliënten");
        _tmux.Press("Tab");
        _tmux.Type("n");
        _tmux.WaitFor("Wijkwerk · Nieuwe cliënt");
        _tmux.Type("Hendrika");
        _tmux.Press("Tab", "Tab");
        _tmux.Type("Oosterhout");
        _tmux.Press("Tab");
        _tmux.Type("12-05-1948");
        _tmux.Press("Tab");
        _tmux.Type("2514 GL");
        _tmux.Press("Tab");
        _tmux.Type("7");
        _tmux.WaitFor("> Huisnummer              7");
        _tmux.Press("C-s");
        _tmux.WaitFor("Cliënt opgeslagen.");
        _tmux.WaitFor("Oosterhout, Hendrika");
        _tmux.Type("ooster");
        _tmux.WaitFor("1 van 1 cliënten");
        _tmux.Press("Enter");
        _tmux.WaitFor("Dossier: Hendrika Oosterhout");
        _tmux.Type("n");
        _tmux.WaitFor("Wijkwerk · Nieuw signaal");
        _tmux.Press("Tab", "Tab");
        _tmux.Type("Trap zonder leuning, valt bijna");
        _tmux.WaitFor("Trap zonder leuning, valt bijna");
        _tmux.Press("C-s");
        _tmux.WaitFor("Signaal opgeslagen.");
        var dossier = _tmux.WaitFor("Signaal [nieuw]");
        _tmux.Type("q");
        var exit = _tmux.WaitForExit();

        _tmux.Start();
        var home = _tmux.WaitFor("Oosterhout, Hendrika");
        _tmux.Type("c");
        _tmux.WaitFor("Wijkwerk · Cliënten");
        _tmux.Type("hendr");
        var filtered = _tmux.WaitFor("> Zoek      hendr");
        _tmux.Press("Enter");
        var reopened = _tmux.WaitFor("Trap zonder leuning, valt bijna");
        _tmux.Type("q");
        var afterQuit = _tmux.WaitForExit();

        Assert.Contains("apotheek: Trap zonder leuning, valt bijna", dossier, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Contains("Wijkwerk · Startscherm", home, StringComparison.Ordinal);
        Assert.Contains("1 van 1 cliënten", filtered, StringComparison.Ordinal);
        Assert.Contains("Oosterhout, Hendrika                 12-05-1948   2514 GL 7", filtered, StringComparison.Ordinal);
        Assert.Contains("Dossier: Hendrika Oosterhout", reopened, StringComparison.Ordinal);
        Assert.Contains("Signaal [nieuw]  apotheek: Trap zonder leuning, valt bijna", reopened, StringComparison.Ordinal);
        Assert.Equal(0, afterQuit);
        // The terminal is given back: the alternate screen is gone, so the app's frame is no longer shown.
        Assert.DoesNotContain("Wijkwerk · ", _tmux.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void KilledHalfwayThroughAForm_TheDraftIsRestored()
    {
        _tmux.Start();
        _tmux.WaitFor("Wijkwerk · Startscherm");
        _tmux.Type("c");
        _tmux.WaitFor("Wijkwerk · Cliënten");
        _tmux.Press("Tab");
        _tmux.Type("n");
        _tmux.WaitFor("Wijkwerk · Nieuwe cliënt");
        _tmux.Type("Geertruida");
        _tmux.Press("Tab", "Tab");
        _tmux.Type("Halverwege");
        _tmux.Press("Tab");
        _tmux.Type("01-02-19");
        var typed = _tmux.WaitFor("01-02-19");

        var pid = _tmux.ProgramPid();
        System.Diagnostics.Process.GetProcessById(pid).Kill();
        var killed = _tmux.WaitForExit();

        _tmux.Start();
        var restored = _tmux.WaitFor("Concept hersteld");
        _tmux.Press("Escape");
        _tmux.WaitFor("Wat u typte weggooien?");
        _tmux.Type("j");
        var discarded = _tmux.WaitFor("0 van 0 cliënten");
        // The search field has the focus here, so q would be typed: Ctrl+C quits from anywhere.
        _tmux.Press("C-c");

        Assert.Contains("Halverwege", typed, StringComparison.Ordinal);
        Assert.Equal(128 + 9, killed);
        Assert.Contains("Wijkwerk · Nieuwe cliënt", restored, StringComparison.Ordinal);
        Assert.Contains("Voornaam                Geertruida", restored, StringComparison.Ordinal);
        Assert.Contains("Achternaam              Halverwege", restored, StringComparison.Ordinal);
        Assert.Contains("Geboortedatum           01-02-19", restored, StringComparison.Ordinal);
        Assert.Contains("Wijkwerk · Cliënten", discarded, StringComparison.Ordinal);
        Assert.Equal(0, _tmux.WaitForExit());
    }

    public void Dispose()
    {
        _tmux.Dispose();
        _data.Dispose();
    }
}
