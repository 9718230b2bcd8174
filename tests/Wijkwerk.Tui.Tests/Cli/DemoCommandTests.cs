using System.Globalization;
using System.Text.RegularExpressions;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Cli;

/// <summary><c>wijkwerk demo</c> as a person runs it: what it says it built is what the store holds.</summary>
public class DemoCommandTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    [Fact]
    public void Demo_SummaryLine_CountsWhatTheStoreHolds()
    {
        using var temp = new TempFolder();
        var data = demo.CopyTo(temp);

        var summary = Regex.Match(demo.Build.Error, @"(\d+) cliënten, (\d+) signalen, (\d+) huisbezoeken, (\d+) toestemmingen, (\d+) huisgenoten, (\d+) indicatieadviezen\.");

        Assert.True(summary.Success, demo.Build.Error);
        Assert.Equal(DemoStoreFixture.Clients, Count(summary, 1));
        Assert.Equal(Count(summary, 1), Rows(data, "clients"));
        Assert.Equal(Count(summary, 2), Rows(data, "signals"));
        Assert.Equal(Count(summary, 3), Rows(data, "visits"));
        Assert.Equal(Count(summary, 6), Rows(data, "indications"));
        Assert.True(Count(summary, 6) >= 8, "an advice in every state");
    }

    [Fact]
    public void Demo_RoleConsultant_OwnStoreOpenedAsTheConsultant_HoldingTheSameAdvices()
    {
        using var temp = new TempFolder();
        var nurse = demo.CopyTo(temp);
        var root = temp.File("root");

        var result = WijkwerkProcess.Run(root, "demo", "--no-ui", "--role", "consultant", "--clients", DemoStoreFixture.Clients.ToString(CultureInfo.InvariantCulture));
        var consultant = Path.Combine(root, "demo-consultant");
        var roles = WijkwerkProcess.Run(consultant, "export", "audit").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',')[5]).Distinct().ToList();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("demo-consultant", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "demo")));
        Assert.Equal(["Wmo-consulent"], roles);
        Assert.Equal(WijkwerkProcess.Run(nurse, "export", "indications").Out, WijkwerkProcess.Run(consultant, "export", "indications").Out);
    }

    [Fact]
    public void Demo_UnknownRole_RefusedAndNothingBuilt()
    {
        using var temp = new TempFolder();

        var result = WijkwerkProcess.Run(temp.Path, "demo", "--no-ui", "--role", "admin");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("'admin'", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(temp.Path, "demo*"));
    }

    private static int Count(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int Rows(string data, string what) =>
        WijkwerkProcess.Run(data, "export", what).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
}
