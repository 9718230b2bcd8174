using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.EndToEnd;

/// <summary>
/// What every end-to-end test class shares: a data folder of its own, a <see cref="TmuxTerminal"/> on it,
/// and the steps through the real program that more than one test takes. Both are removed when the test ends.
/// </summary>
public abstract class InTmuxTest : IDisposable
{
    protected InTmuxTest() => Tmux = new TmuxTerminal(Data.Path);

    protected TempFolder Data { get; } = new();

    protected TmuxTerminal Tmux { get; }

    public void Dispose()
    {
        Tmux.Dispose();
        BeforeDataRemoved();
        Data.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs after the terminal is gone and before the data folder is deleted.</summary>
    protected virtual void BeforeDataRemoved()
    {
    }

    /// <summary>From the home screen to the client list; returns the screen once <paramref name="shown"/> is on it.</summary>
    protected string OpenClientList(string shown = "Wijkwerk · Cliënten")
    {
        Tmux.WaitFor("Wijkwerk · Startscherm");
        Tmux.Type("c");
        return Tmux.WaitFor(shown);
    }

    /// <summary>Quits with q; returns the exit status.</summary>
    protected int Quit()
    {
        Tmux.Type("q");
        return Tmux.WaitForExit();
    }

    /// <summary>Sends SIGKILL to the program in the pane; returns the exit status (128 + 9).</summary>
    protected int KillProgram()
    {
        System.Diagnostics.Process.GetProcessById(Tmux.ProgramPid()).Kill();
        return Tmux.WaitForExit();
    }

    /// <summary>On a restored form: Escape, then yes to throwing the typing away; returns the screen once <paramref name="shown"/> is on it.</summary>
    protected string DiscardRestoredDraft(string shown)
    {
        Tmux.Press("Escape");
        Tmux.WaitFor("Wat u typte weggooien?");
        Tmux.Type("j");
        return Tmux.WaitFor(shown);
    }
}
