using System.Diagnostics;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// The laptop program as <c>scripts/publish</c> makes it (Native AOT), published once into a temporary folder for the
/// tests that share this fixture and removed after them. Publishing takes minutes: one test class uses it.
/// </summary>
public sealed class NativeProgram : IDisposable
{
    private readonly TempFolder _folder = new();

    public NativeProgram() => Problem = NativePublish.Run(_folder.Path);

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
}
