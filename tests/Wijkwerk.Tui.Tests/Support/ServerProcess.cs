using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// The real <c>wijkwerk-server</c> for the laptop's tests: a store of its own with team Noord and nurse Anna,
/// set up through the real admin commands, served on 127.0.0.1:0. An admin command (a new enrolment code,
/// a revoke) can be run while it serves; disposing stops the process and removes the store.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    public const string Nurse = "Anna";
    private static readonly TimeSpan AdminTimeout = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();
    private readonly StringBuilder _log = new();
    private Process? _process;

    private ServerProcess()
    {
    }

    public Uri Address { get; private set; } = null!;

    public string Db => _folder.File("server.db");

    /// <summary>Sets up the store and starts serving; returns once the server listens.</summary>
    public static async Task<ServerProcess> Start()
    {
        var server = new ServerProcess();
        try
        {
            await server.Admin("admin", "team", "add", "Noord");
            await server.Admin("admin", "user", "add", "--team", "Noord", "--name", Nurse, "--role", "nurse");
            await server.Serve();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A one-time code with which a laptop enrols as <see cref="Nurse"/>.</summary>
    public async Task<string> EnrolmentCode() => LastLine(await Admin("admin", "device", "enroll", "--user", Nurse));

    public Task Revoke(Guid device) => Admin("admin", "device", "revoke", device.ToString());

    /// <summary>Ends the server as a crash or a pulled cable would: no goodbye to anyone.</summary>
    public async Task Stop()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stop();
        _process?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static string LastLine(string output) => output.TrimEnd('\n', '\r').Split('\n')[^1].TrimEnd('\r');

    private static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wijkwerk-server.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    /// <summary>Runs an admin command on this store to its end; returns what it printed, and fails the test if it failed.</summary>
    private async Task<string> Admin(params string[] args)
    {
        using var process = Process.Start(StartInfo([.. args, "--db", Db]))!;
        using var timeout = new CancellationTokenSource(AdminTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"wijkwerk-server {string.Join(' ', args)} did not finish in {AdminTimeout.TotalSeconds} s");
        }

        Assert.True(process.ExitCode == 0, $"wijkwerk-server {string.Join(' ', args)}: {process.ExitCode} {await error}");
        return await output;
    }

    private async Task Serve()
    {
        var process = new Process { StartInfo = StartInfo(["serve", "--urls", "http://127.0.0.1:0", "--db", Db]), EnableRaisingEvents = true };
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(string? line)
        {
            if (line is null)
                return;
            lock (_log)
                _log.AppendLine(line);
            if (Listening().Match(line) is { Success: true } match)
                listening.TrySetResult(match.Groups[1].Value);
        }

        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("wijkwerk-server exited before listening"));
        _process = process;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Address = new Uri(await listening.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            lock (_log)
                throw new InvalidOperationException("wijkwerk-server did not start: " + _log, e);
        }
    }

    [GeneratedRegex(@"Now listening on: (https?://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
