namespace Wijkwerk.Tui.Tests.EndToEnd;

/// <summary>The real program in a real terminal: what is typed survives a quit, and even a SIGKILL.</summary>
[Collection(nameof(WijkwerkInTmuxTests))]
public sealed class WijkwerkInTmuxTests : InTmuxTest
{
    [Fact]
    public void NewClientAndSignal_SurviveQuitAndRestart()
    {
        Tmux.Start();
        OpenClientList("0 van 0 cliënten");
        StartNewClient("Hendrika", "Oosterhout", "12-05-1948");
        Tmux.Press("Tab");
        Tmux.Type("2514 GL");
        Tmux.Press("Tab");
        Tmux.Type("7");
        Tmux.WaitFor("> Huisnummer              7");
        Tmux.Press("C-s");
        Tmux.WaitFor("Cliënt opgeslagen.");
        Tmux.WaitFor("Oosterhout, Hendrika");
        Tmux.Type("/ooster");
        Tmux.WaitFor("1 van 1 cliënt");
        Tmux.Press("Enter", "Enter");
        Tmux.WaitFor("Dossier: Hendrika Oosterhout");
        Tmux.Type("n");
        Tmux.WaitFor("Wijkwerk · Nieuw signaal");
        Tmux.Press("Tab", "Tab");
        Tmux.Type("Trap zonder leuning, valt bijna");
        Tmux.WaitFor("Trap zonder leuning, valt bijna");
        Tmux.Press("C-s");
        Tmux.WaitFor("Signaal opgeslagen.");
        var dossier = Tmux.WaitFor("Signaal [nieuw]");
        var exit = Quit();

        Tmux.Start();
        var home = Tmux.WaitFor("Oosterhout, Hendrika");
        Tmux.Type("c");
        Tmux.WaitFor("Wijkwerk · Cliënten");
        Tmux.Type("/hendr");
        var filtered = Tmux.WaitFor("> Zoek      hendr");
        Tmux.Press("Enter", "Enter");
        var reopened = Tmux.WaitFor("Trap zonder leuning, valt bijna");
        var afterQuit = Quit();

        Assert.Contains("apotheek: Trap zonder leuning, valt bijna", dossier, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Contains("Wijkwerk · Startscherm", home, StringComparison.Ordinal);
        Assert.Contains("1 van 1 cliënt", filtered, StringComparison.Ordinal);
        Assert.Matches(@"Oosterhout, Hendrika +12-05-1948 +2514 GL 7", filtered);
        Assert.Contains("Dossier: Hendrika Oosterhout", reopened, StringComparison.Ordinal);
        Assert.Contains("Signaal [nieuw]  apotheek: Trap zonder leuning, valt bijna", reopened, StringComparison.Ordinal);
        Assert.Equal(0, afterQuit);
        // The terminal is given back: the alternate screen is gone, so the app's frame is no longer shown.
        Assert.DoesNotContain("Wijkwerk · ", Tmux.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void KilledHalfwayThroughAForm_TheDraftIsRestored()
    {
        Tmux.Start();
        OpenClientList();
        StartNewClient("Geertruida", "Halverwege", "01-02-19");
        var typed = Tmux.WaitFor("01-02-19");

        var killed = KillProgram();

        Tmux.Start();
        var restored = Tmux.WaitFor("Concept hersteld");
        var discarded = DiscardRestoredDraft("0 van 0 cliënten");
        Tmux.Type("q");

        Assert.Contains("Halverwege", typed, StringComparison.Ordinal);
        Assert.Equal(128 + 9, killed);
        Assert.Contains("Wijkwerk · Nieuwe cliënt", restored, StringComparison.Ordinal);
        Assert.Contains("Voornaam                Geertruida", restored, StringComparison.Ordinal);
        Assert.Contains("Achternaam              Halverwege", restored, StringComparison.Ordinal);
        Assert.Contains("Geboortedatum           01-02-19", restored, StringComparison.Ordinal);
        Assert.Contains("Wijkwerk · Cliënten", discarded, StringComparison.Ordinal);
        Assert.Equal(0, Tmux.WaitForExit());
    }

    /// <summary>From the client list to the new-client form, typing first name, surname and date of birth.</summary>
    private void StartNewClient(string firstName, string surname, string birthDate)
    {
        Tmux.Type("n");
        Tmux.WaitFor("Wijkwerk · Nieuwe cliënt");
        Tmux.Type(firstName);
        Tmux.Press("Tab", "Tab");
        Tmux.Type(surname);
        Tmux.Press("Tab");
        Tmux.Type(birthDate);
    }
}
