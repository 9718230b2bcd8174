using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// The stateful property test of sync: three Noord laptops and one Zuid laptop against the real server, random
/// interleavings of creates, edits, deletes, child rows, edits during a pull on the second connection, stale
/// forms, conflict choices, cut connections, caseload moves by the admin command and server restarts. At every
/// quiescent checkpoint each laptop equals the server's rows in its scope by value, no live row lacks its
/// client, and every accepted edit is the final value, in a conflict record, knowingly superseded, or gone
/// with its client's caseload. Replaces the single-table, version-checksum ConvergenceTests.
/// </summary>
public class ModelBasedSyncTests(ITestOutputHelper output)
{
    /// <summary>Operations per seed; the soak script raises it.</summary>
    public const string OperationsVariable = "WIJKWERK_MODEL_OPS";

    /// <summary>A quiescent checkpoint every so many operations, so a failure is found near its cause.</summary>
    public const string CheckEveryVariable = "WIJKWERK_MODEL_CHECK_EVERY";

    /// <summary>Added to each seed, so a soak can explore other seeds than CI.</summary>
    public const string SeedBaseVariable = "WIJKWERK_MODEL_SEED_BASE";

    /// <summary>Set to 1 to run on past a failing checkpoint and report every new finding (a soak on code with known failures).</summary>
    public const string KeepGoingVariable = "WIJKWERK_MODEL_KEEP_GOING";

    /// <summary>A file the figures of each seed are appended to (the soak script prints it).</summary>
    public const string ReportVariable = "WIJKWERK_MODEL_REPORT";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RandomWorkOnFourLaptops_EveryLaptopEqualsTheServerByValue_AndNoAcceptedEditIsLost(int seed)
    {
        var operations = Setting(OperationsVariable, 2000);
        seed += Setting(SeedBaseVariable, 0);
        var clock = Stopwatch.StartNew();
        using var run = await SyncModelRun.Start(seed);
        var failure = await run.Run(operations, Setting(CheckEveryVariable, 1000), Setting(KeepGoingVariable, 0) == 1);

        var line = $"seed {seed}: {(failure is null ? "pass" : "FAIL")} {run.Figures} seconds={clock.Elapsed.TotalSeconds:F0}";
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } report)
            File.AppendAllText(report, line + Environment.NewLine + (failure ?? ""));
        Assert.True(failure is null, failure);
        Assert.True(run.Figures.Syncs > operations / 10 && run.Figures.EditsDuringPull > 0 && run.Figures.Resolutions > 0, $"the run did too little to prove anything: {run.Figures}");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : fallback;
}
