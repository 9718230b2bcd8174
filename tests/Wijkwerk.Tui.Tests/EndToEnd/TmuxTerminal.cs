using System.Diagnostics;
using System.Text.RegularExpressions;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.EndToEnd;

/// <summary>
/// The real <c>wijkwerk</c> in a real terminal: a tmux server of its own (unique socket, killed on
/// Dispose), keys sent with send-keys, the screen read with capture-pane, waits always bounded.
/// </summary>
public sealed class TmuxTerminal : IDisposable
{
    public const int Width = 100;
    public const int Height = 30;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    // .NET reads Esc followed quickly by another key as Alt+key, as a terminal sends them.
    private static readonly TimeSpan AfterEscape = TimeSpan.FromMilliseconds(150);
    private readonly string _socket = "wijkwerk-test-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _config;
    private readonly string _dataFolder;
    private readonly string? _program;
    private int _runs;

    /// <param name="program">A native <c>wijkwerk</c> to run instead of <c>dotnet wijkwerk.dll</c> (the Native AOT publish).</param>
    public TmuxTerminal(string dataFolder, string? program = null)
    {
        RequireTmux();
        _dataFolder = dataFolder;
        _program = program;
        // A dead pane stays on screen, so a test can read how the program ended; no user config is read.
        _config = Path.Combine(dataFolder, "tmux.conf");
        File.WriteAllText(_config, "set -g remain-on-exit on\nset -g history-limit 100\nset -sg escape-time 10\n");
    }

    public string Session => "run" + _runs;

    /// <summary>A shell command run in the pane after the program ended, e.g. to see what the terminal was left in.</summary>
    public string? AfterExit { get; set; }

    private string ExitFile => Path.Combine(_dataFolder, "exit-" + _runs);

    private string ProgramName => _program is null ? "dotnet" : Path.GetFileName(_program);

    /// <summary>Starts <c>dotnet wijkwerk.dll --data DIR</c> (or the native program) in a new 100×30 session with the passphrase in its environment.</summary>
    public void Start(params string[] args)
    {
        _runs++;
        // Through sh, which writes down the program's exit status (128 + signal when killed): tmux does
        // not always learn a dead pane's status (pane_dead_status stays empty), a file always does.
        var program = string.Join(' ', (_program is null ? new[] { "dotnet", WijkwerkProcess.ProgramDll } : [_program]).Concat(args).Concat(["--data", _dataFolder]).Select(Quote));
        var command = new List<string> { "-f", _config, "new-session", "-d", "-s", Session, "-x", Width.ToString(), "-y", Height.ToString(),
            "-e", "WIJKWERK_PASSPHRASE=" + WijkwerkProcess.Passphrase, "-e", "DOTNET_CLI_TELEMETRY_OPTOUT=1", "-e", "TERM=xterm-256color",
            program + "; echo $? > " + Quote(ExitFile) + (AfterExit is { } after ? "; " + after : "") };
        Tmux(command.ToArray());
    }

    /// <summary>Literal text, typed key by key.</summary>
    public void Type(string text) => Tmux("send-keys", "-t", Session, "-l", text);

    /// <summary>
    /// Raw bytes as a terminal sends them (escape sequences included), untranslated by tmux, so they reach the
    /// program's own key parser exactly as written here.
    /// </summary>
    public void SendRaw(string sequence) =>
        Tmux(["send-keys", "-t", Session, "-H", .. System.Text.Encoding.UTF8.GetBytes(sequence).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))]);

    /// <summary>Pastes as a terminal does when the program did not ask for bracketed paste: the text as it is.</summary>
    public void Paste(string text)
    {
        Tmux("set-buffer", "-b", "paste", text);
        Tmux("paste-buffer", "-b", "paste", "-t", Session);
    }

    /// <summary>
    /// Pastes as a terminal does: inside ESC [200~ … ESC [201~ when the program in the pane switched bracketed
    /// paste on, as the text alone (line breaks as Enter) when it did not.
    /// </summary>
    public void PasteBracketed(string text)
    {
        Tmux("set-buffer", "-b", "paste", text);
        Tmux("paste-buffer", "-p", "-b", "paste", "-t", Session);
    }

    /// <summary>tmux key names: Enter, Tab, BTab, Escape, C-s, F1, Down …</summary>
    public void Press(params string[] keys)
    {
        foreach (var key in keys)
        {
            Tmux("send-keys", "-t", Session, key);
            if (key == "Escape")
                Thread.Sleep(AfterEscape);
        }
    }

    public string Screen() => Tmux("capture-pane", "-p", "-t", Session);

    /// <summary>Makes the window <paramref name="width"/>×<paramref name="height"/>, as a person dragging the terminal smaller would.</summary>
    public void Resize(int width, int height) =>
        Tmux("resize-window", "-t", Session, "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Where the terminal's cursor is, and whether the program shows it.</summary>
    public (int X, int Y, bool Visible) Cursor()
    {
        var parts = Tmux("display-message", "-p", "-t", Session, "#{cursor_x} #{cursor_y} #{cursor_flag}").Trim().Split(' ');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[2] == "1");
    }

    /// <summary>Polls the screen until <paramref name="text"/> shows; fails with the last screen when it does not.</summary>
    public string WaitFor(string text, TimeSpan? timeout = null) =>
        WaitUntil(screen => screen.Contains(text, StringComparison.Ordinal), $"'{text}' on screen", timeout);

    public string WaitUntil(Func<string, bool> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var screen = "";
        while (clock.Elapsed < (timeout ?? DefaultTimeout))
        {
            screen = Screen();
            if (condition(screen))
                return screen;
            Thread.Sleep(50);
        }

        throw new Xunit.Sdk.XunitException($"Waited {clock.Elapsed.TotalSeconds:0.0} s for {what}. The screen was:\n{screen}");
    }

    /// <summary>Waits for the program to end; returns its exit status (128 + signal when killed).</summary>
    public int WaitForExit(TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < (timeout ?? DefaultTimeout))
        {
            if (File.Exists(ExitFile) && File.ReadAllText(ExitFile).Trim() is { Length: > 0 } status)
                return int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
            Thread.Sleep(50);
        }

        throw new Xunit.Sdk.XunitException($"wijkwerk did not exit within {clock.Elapsed.TotalSeconds:0.0} s. The screen was:\n{Screen()}");
    }

    /// <summary>The program's process running in the pane (the pane's own process, or its child if a shell sits between).</summary>
    public int ProgramPid()
    {
        var pid = int.Parse(Tmux("list-panes", "-t", Session, "-F", "#{pane_pid}").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        for (var depth = 0; depth < 3; depth++)
        {
            if (File.ReadAllText($"/proc/{pid}/comm").Trim() == ProgramName)
                return pid;
            var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (children.Length == 0)
                break;
            pid = int.Parse(children[0], System.Globalization.CultureInfo.InvariantCulture);
        }

        throw new Xunit.Sdk.XunitException($"No {ProgramName} process found in the tmux pane.");
    }

    public void Dispose()
    {
        try
        {
            var socket = Tmux("display-message", "-p", "#{socket_path}").Trim();
            Tmux("kill-server");
            if (socket.Length > 0)
                File.Delete(socket);
        }
        catch (Xunit.Sdk.XunitException)
        {
            // Already gone: every session ended and the server with it.
        }
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void RequireTmux()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("tmux", "-V") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            probe.WaitForExit(5000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new Xunit.Sdk.XunitException("tmux is not installed: the end-to-end tests drive the real program in tmux. Run ./scripts/test (it installs tmux) or apt-get install tmux.");
        }
    }

    private string Tmux(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(_socket);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment.Remove("TMUX");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(10_000))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("tmux " + string.Join(' ', args) + " hung.");
        }

        if (process.ExitCode != 0)
            throw new Xunit.Sdk.XunitException($"tmux {string.Join(' ', args)} failed ({process.ExitCode}): {error.Result}");
        return output.Result;
    }
}
