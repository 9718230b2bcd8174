using System.Diagnostics;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>Runs the real <c>wijkwerk</c> program, as a person or a script would, with a time limit.</summary>
public static class WijkwerkProcess
{
    public const string Passphrase = "test-wachtwoord-123";

    public sealed record Result(int ExitCode, string Out, string Error);

    public static string ProgramDll => Path.Combine(AppContext.BaseDirectory, "wijkwerk.dll");

    public static Result Run(string dataFolder, params string[] args) => RunWith(dataFolder, Passphrase, args);

    public static Result RunWith(string dataFolder, string? passphrase, params string[] args)
    {
        using var process = Start(dataFolder, passphrase, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("wijkwerk did not finish within 120 s: " + string.Join(' ', args));
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }

    public static Process Start(string dataFolder, string? passphrase, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ProgramDll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--data");
        info.ArgumentList.Add(dataFolder);
        info.Environment.Remove("WIJKWERK_PASSPHRASE");
        if (passphrase is not null)
            info.Environment["WIJKWERK_PASSPHRASE"] = passphrase;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(info)!;
        process.StandardInput.Close();
        return process;
    }
}
