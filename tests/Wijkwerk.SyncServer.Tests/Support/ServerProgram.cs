using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// Runs the real <c>wijkwerk-server</c> program: admin commands to completion, or the server in the background. The build output
/// with <c>dotnet</c>, or where a program is named, that one (the server as published, <c>NativeServer</c>).
/// </summary>
public static partial class ServerProgram
{
    public sealed record Outcome(int ExitCode, string Out, string Error)
    {
        public string LastLine => Out.TrimEnd('\n', '\r').Split('\n')[^1].TrimEnd('\r');
    }

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string? program = null)
    {
        var info = new ProcessStartInfo(program ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (program is null)
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wijkwerk-server.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    /// <summary>Runs an admin command; at most 60 seconds.</summary>
    public static Task<Outcome> Run(params string[] args) => RunWith(null, args);

    /// <summary>Runs an admin command with these environment variables added to the test's own.</summary>
    public static Task<Outcome> RunWith(IDictionary<string, string>? environment, params string[] args) => RunProgram(null, environment, args);

    /// <summary>Runs an admin command of <paramref name="program"/> (null: the build output) with these environment variables added.</summary>
    public static async Task<Outcome> RunProgram(string? program, IDictionary<string, string>? environment, params string[] args)
    {
        var info = StartInfo(args, program);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("wijkwerk-server " + string.Join(' ', args) + " did not finish in 60 s");
        }

        return new Outcome(process.ExitCode, await output, await error);
    }

    /// <summary>The server process on loopback port 0; disposing stops it.</summary>
    public sealed class Running : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log;

        private Running(Process process, string address, StringBuilder log)
        {
            _process = process;
            Address = address;
            _log = log;
        }

        public string Address { get; }

        public bool HasExited => _process.HasExited;

        public string Log
        {
            get
            {
                lock (_log)
                    return _log.ToString();
            }
        }

        public static Task<Running> Start(string db, IDictionary<string, string>? environment = null, string urls = "http://127.0.0.1:0") =>
            StartWith(["--db", db], environment, urls);

        /// <summary>The server on the store these options choose (<c>--db FILE</c>, or <c>--store postgres --connection …</c>).</summary>
        public static async Task<Running> StartWith(IReadOnlyList<string> storeArgs, IDictionary<string, string>? environment = null, string urls = "http://127.0.0.1:0", string? program = null)
        {
            var info = StartInfo(["serve", "--urls", urls, .. storeArgs], program);
            foreach (var (key, value) in environment ?? new Dictionary<string, string>())
                info.Environment[key] = value;
            var process = new Process { StartInfo = info };
            var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var log = new StringBuilder();
            void Collect(string? line)
            {
                if (line is null)
                    return;
                lock (log)
                    log.AppendLine(line);
                if (Listening().Match(line) is { Success: true } match)
                    listening.TrySetResult(match.Groups[1].Value);
            }

            process.OutputDataReceived += (_, e) => Collect(e.Data);
            process.ErrorDataReceived += (_, e) => Collect(e.Data);
            process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("wijkwerk-server exited before listening"));
            process.EnableRaisingEvents = true;
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
                return new Running(process, address, log);
            }
            catch
            {
                if (!process.HasExited)
                    process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("wijkwerk-server did not start: " + log);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _process.WaitForExitAsync(timeout.Token);
            _process.Dispose();
        }
    }

    [GeneratedRegex(@"Now listening on: (https?://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
