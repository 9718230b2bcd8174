using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Wijkwerk.SyncServer.Tests;

/// <summary>The real <c>wijkwerk-server</c> process starts on loopback and answers its health check.</summary>
public partial class ServerStartTests
{
    [Fact]
    public async Task Serve_OnLoopbackPortZero_AnswersHealthCheck()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wijkwerk-server.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        using var process = Process.Start(info)!;
        try
        {
            var address = await ListeningAddress(process, TimeSpan.FromSeconds(30));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

            var response = await http.GetAsync(address + "/healthz");

            Assert.True(response.IsSuccessStatusCode);
            Assert.StartsWith("http://127.0.0.1:", address);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<string> ListeningAddress(Process process, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
                return match.Groups[1].Value;
        }

        throw new InvalidOperationException("wijkwerk-server exited before listening: " + await process.StandardError.ReadToEndAsync());
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
