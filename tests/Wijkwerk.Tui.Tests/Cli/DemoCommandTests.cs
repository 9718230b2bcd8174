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
    public void Demo_RoleFundSecretary_FourteenPartners_AYearOfRequestsInEveryState_NoDossier()
    {
        using var temp = new TempFolder();
        var root = temp.File("root");

        var result = WijkwerkProcess.Run(root, "demo", "--no-ui", "--role", "fundsecretary");
        using var store = Core.Storage.LocalStore.Open(Path.Combine(root, "demo-fundsecretary", "wijkwerk.db"), WijkwerkProcess.Passphrase, TimeProvider.System);
        var requests = store.Fund.All();
        var today = store.Fund.Today;

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(Core.Domain.Teams.Role.FundSecretary, store.Identity.Role);
        Assert.Equal(0, store.Clients.Count());
        Assert.Equal(14, store.Fund.Fund.Partners.Count);
        Assert.Equal(Enum.GetValues<Core.Domain.Fund.FundRequestStatus>().Order(), requests.Select(r => r.Status).Distinct().Order());
        Assert.All(requests, r => Assert.InRange(r.Amount.Cents, 7_500, 300_000));
        Assert.True(requests.Max(r => r.RequestedAt) - requests.Min(r => r.RequestedAt) > TimeSpan.FromDays(300), "a year of requests");
        Assert.Contains(requests, r => r.IsPayoutLate(today));
        Assert.Contains(requests, r => r.IsUnique && r.Settlement is { Shares.Count: 14 });
        var balance = store.Fund.Balance();
        Assert.Contains($"14 partners, 40 fondsverzoeken van een jaar, saldo {balance.Available}; geen dossiers.", result.Error, StringComparison.Ordinal);
        Assert.True(balance.Available.Cents > 0 && balance.Repaid.Cents > 0);
        Assert.NotEmpty(store.Fund.OpenReceivables());
        Assert.False(store.Fund.MayRequest);
    }

    [Fact]
    public void Demo_RoleTeamLeader_HasAValidMandate_TheWorkedExample_AndDecisionsInEveryState()
    {
        using var temp = new TempFolder();
        var root = temp.File("root");

        var result = WijkwerkProcess.Run(root, "demo", "--no-ui", "--role", "teamleader", "--clients", "12");
        using var store = Core.Storage.LocalStore.Open(Path.Combine(root, "demo-teamleader", "wijkwerk.db"), WijkwerkProcess.Passphrase, TimeProvider.System);
        var today = Core.Domain.Common.AmsterdamTime.Today(TimeProvider.System);
        var decisions = store.MandateDecisions.All();
        var worked = decisions.Single(d => d.Department == "Schuldhulpverlening").Triangle.SocialReturn!;

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Als teamleider: Eva Demo met mandaat voor Opvang, Schuldhulpverlening, Werk en Inkomen, Wonen, kostentabel versie 2, 6 mandaatbesluiten.", result.Error, StringComparison.Ordinal);
        Assert.Equal(Core.Domain.Teams.Role.TeamLeader, store.Identity.Role);
        Assert.True(Core.Domain.Mandates.MandateRules.UsableMandate(store.Reference.MyMandates(), "Opvang", today).IsValid);
        Assert.Equal((51_000_00, 47_000_00, 2), (worked.AvoidedCost.Cents, worked.NetReturn.Cents, worked.CostTableVersion));
        // Recorded with the follow-up ahead, due today, overdue, and carried out, partly and not.
        Assert.Contains(decisions, d => d.FollowUp is null && d.FollowUpOn > today);
        Assert.Contains(decisions, d => d.FollowUp is null && d.FollowUpOn == today);
        Assert.Contains(decisions, d => d.FollowUp is null && d.FollowUpOn < today);
        Assert.Equal(
            [Core.Domain.Mandates.FollowUpResult.CarriedOut, Core.Domain.Mandates.FollowUpResult.Partly, Core.Domain.Mandates.FollowUpResult.NotCarriedOut],
            decisions.Where(d => d.FollowUp is not null).Select(d => d.FollowUp!.Result).Order());
        Assert.Contains(decisions, d => store.MandateDecisions.Addenda(d.Id).Count > 0);
        Assert.Contains(decisions, d => d.Decision == "De vader mag bij zijn gezin in de opvang wonen.");
        Assert.Contains(decisions, d => d.Department == "Werk en Inkomen" && d.Decision.Contains("in zijn auto slaapt", StringComparison.Ordinal));
        // A decision made with the earlier cost table keeps that table's figures.
        Assert.Contains(decisions, d => d.Triangle.SocialReturn!.CostTableVersion == 1 && d.Triangle.SocialReturn.Routes.Single().Amount.Cents == 5_500_00);
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
