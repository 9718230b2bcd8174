using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.EndToEnd;

/// <summary>
/// Issue 10: the laptop program published as Native AOT, as installed, in a real terminal. Its JSON runs only through
/// generated code, so every path that writes or reads JSON is taken once here: the demo store (outbox), a new client
/// (draft, outbox), an edit killed halfway (the draft with the opened row) and its save after the restart.
/// </summary>
[Collection(nameof(NativeProgramInTmuxTests))]
public sealed class NativeProgramInTmuxTests(NativeProgram native) : IClassFixture<NativeProgram>, IDisposable
{
    private readonly TempFolder _data = new();
    private TmuxTerminal? _tmux;

    [Fact]
    public void DemoStore_Home_ClientSavedEditedAfterAKillAndSaved_QuitRestoresTheTerminal()
    {
        Assert.True(native.Problem is null, native.Problem);
        var demo = native.Run("demo", "--clients", "20", "--no-ui", "--data", _data.Path);
        Assert.True(demo.ExitCode == 0, demo.Error);
        var tmux = _tmux = new TmuxTerminal(Path.Combine(_data.Path, "demo"), native.Program);

        tmux.Start();
        var home = tmux.WaitFor("Wijkwerk · Startscherm");
        tmux.Type("c");
        tmux.WaitFor("Wijkwerk · Cliënten");
        tmux.Type("n");
        tmux.WaitFor("Wijkwerk · Nieuwe cliënt");
        tmux.Type("Aotje");
        tmux.Press("Tab", "Tab");
        tmux.Type("Natief");
        tmux.Press("Tab");
        tmux.Type("12-05-1948");
        tmux.Press("Tab");
        tmux.Type("2514 GL");
        tmux.Press("Tab");
        tmux.Type("7");
        tmux.WaitFor("> Huisnummer              7");
        tmux.Press("C-s");
        var saved = tmux.WaitFor("Cliënt opgeslagen.");
        tmux.Type("/natief");
        tmux.WaitFor("1 van 21 cliënten");
        tmux.Press("Enter", "Enter");
        tmux.WaitFor("Dossier: Aotje Natief");
        tmux.Type("e");
        tmux.WaitFor("Cliëntgegevens wijzigen");
        tmux.Press("End");
        tmux.Type("ke");
        var typed = tmux.WaitFor("Aotjeke");
        var killed = System.Diagnostics.Process.GetProcessById(tmux.ProgramPid());
        killed.Kill();
        var killStatus = tmux.WaitForExit();

        tmux.Start();
        var restored = tmux.WaitFor("Concept hersteld");
        tmux.Press("C-s");
        var resaved = tmux.WaitFor("Dossier: Aotjeke Natief");
        tmux.Type("q");
        var exit = tmux.WaitForExit();

        Assert.Contains("Wijkwerk · Startscherm", home, StringComparison.Ordinal);
        Assert.Contains("Natief, Aotje", saved, StringComparison.Ordinal);
        Assert.Contains("Voornaam                Aotjeke", typed, StringComparison.Ordinal);
        Assert.Equal(128 + 9, killStatus);
        Assert.Contains("Cliëntgegevens wijzigen", restored, StringComparison.Ordinal);
        Assert.Contains("Voornaam                Aotjeke", restored, StringComparison.Ordinal);
        Assert.Contains("Dossier: Aotjeke Natief", resaved, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        // The terminal is given back: the alternate screen is gone, so the app's frame is no longer shown.
        Assert.DoesNotContain("Wijkwerk · ", tmux.Screen(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _tmux?.Dispose();
        _data.Dispose();
    }
}
