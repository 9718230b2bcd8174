using System.Diagnostics;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// A program as <c>scripts/publish</c> makes it for installing (Native AOT). Publishing takes minutes, at low priority: the
/// tests that need a program share one publish through a class fixture.
/// </summary>
public static class NativePublish
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);

    /// <summary>Runs <c>scripts/publish</c> with these arguments; null when it published Native AOT, else why it did not.</summary>
    public static string? Run(params string[] scriptArgs)
    {
        // The laptop's and the server's test projects may publish at the same time, and both publishes build Wijkwerk.Core
        // for the same runtime into the same obj folder: one publish at a time, across processes.
        using var turn = Turn();
        if (turn is null)
            return $"Another test run held the publish for {Limit.TotalMinutes} minutes.";
        // At low priority: the other end-to-end tests run beside it, and the native compile takes both cores for minutes.
        var info = new ProcessStartInfo("nice") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-n", "10", Path.Combine(RepositoryRoot(), "scripts", "publish"), .. scriptArgs])
            info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            return $"scripts/publish did not finish within {Limit.TotalMinutes} minutes.";
        }

        // The script falls back to a publish that needs the runtime, saying why on stderr, when the native toolchain is missing.
        return process.ExitCode != 0 ? $"scripts/publish failed ({process.ExitCode}): {error.Result}{output.Result}"
            : !output.Result.Contains("(Native AOT)", StringComparison.Ordinal) ? "No Native AOT publish: " + error.Result.Trim() + " Run ./scripts/test, which installs it."
            : null;
    }

    /// <summary>An exclusive lock on a file every publish of these tests takes; null when none came within the limit.</summary>
    private static FileStream? Turn()
    {
        var path = Path.Combine(Path.GetTempPath(), "wijkwerk-native-publish.lock");
        var until = DateTime.UtcNow + Limit;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < until)
            {
                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <summary>The folder of Wijkwerk.sln above the tests' own.</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Wijkwerk.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The tests do not run inside the repository: no Wijkwerk.sln above " + AppContext.BaseDirectory);
    }
}
