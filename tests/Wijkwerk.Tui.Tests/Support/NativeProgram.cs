using System.Diagnostics;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// The laptop program as <c>scripts/publish</c> makes it (Native AOT), published once into a temporary folder for the
/// tests that share this fixture and removed after them. Publishing takes minutes: one test class uses it.
/// </summary>
public sealed class NativeProgram : IDisposable
{
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(20);
    private readonly TempFolder _folder = new();

    public NativeProgram()
    {
        // At low priority: the other end-to-end tests run beside it, and the native compile takes both cores for minutes.
        var info = new ProcessStartInfo("nice") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-n");
        info.ArgumentList.Add("10");
        info.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", "publish"));
        info.ArgumentList.Add(_folder.Path);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(PublishLimit))
        {
            process.Kill(entireProcessTree: true);
            Problem = $"scripts/publish did not finish within {PublishLimit.TotalMinutes} minutes.";
            return;
        }

        // The script falls back to ReadyToRun, saying why on stderr, when the native toolchain is missing.
        Problem = process.ExitCode != 0 ? $"scripts/publish failed ({process.ExitCode}): {error.Result}{output.Result}"
            : !output.Result.Contains("(Native AOT)", StringComparison.Ordinal) ? "No Native AOT publish: " + error.Result.Trim() + " Run ./scripts/test, which installs it."
            : null;
    }

    /// <summary>Why there is no native program; null when there is one.</summary>
    public string? Problem { get; }

    public string Program => Path.Combine(_folder.Path, "wijkwerk");

    /// <summary>Runs a command of the native program to completion (at most two minutes) with the test passphrase.</summary>
    public WijkwerkProcess.Result Run(params string[] args)
    {
        var info = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["WIJKWERK_PASSPHRASE"] = WijkwerkProcess.Passphrase;
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("wijkwerk did not finish within 2 minutes: " + string.Join(' ', args));
        }

        return new WijkwerkProcess.Result(process.ExitCode, output.Result, error.Result);
    }

    public void Dispose() => _folder.Dispose();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Wijkwerk.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The tests do not run inside the repository: no Wijkwerk.sln above " + AppContext.BaseDirectory);
    }
}
