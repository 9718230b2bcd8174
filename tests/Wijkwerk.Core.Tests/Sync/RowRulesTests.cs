using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Tests.Sync;

/// <summary>The rules the sync server applies to every pushed row.</summary>
public class RowRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData(Role.Nurse, true)]
    [InlineData(Role.TeamLeader, true)]
    [InlineData(Role.WmoConsultant, false)]
    [InlineData(Role.FundSecretary, false)]
    [InlineData(Role.Admin, false)]
    public void OnlyNursesAndTeamLeaders_WriteDossierTables(Role role, bool allowed)
    {
        foreach (var table in SyncSchema.Tables.Where(t => t.Name is not (AdviceColumns.AdviceTable or AdviceColumns.MessageTable or MandateColumns.DecisionTable or MandateColumns.AddendumTable
                     or FundColumns.RequestTable or FundColumns.RepaymentTable)))
            Assert.Equal(allowed, RowRules.CheckRole(role, table.Name) is null);
    }

    [Theory]
    [InlineData(Role.Nurse, true, false)]
    [InlineData(Role.TeamLeader, true, false)]
    [InlineData(Role.FundSecretary, true, true)]
    [InlineData(Role.WmoConsultant, false, false)]
    [InlineData(Role.Admin, false, false)]
    public void FundRequests_ByProfessionalsAndTheSecretariat_RepaymentsByTheSecretariatOnly(Role role, bool requests, bool repayments)
    {
        Assert.Equal(requests, RowRules.CheckRole(role, FundColumns.RequestTable) is null);
        Assert.Equal(repayments, RowRules.CheckRole(role, FundColumns.RepaymentTable) is null);
        if (!requests)
            Assert.Contains("vraagt geen geld aan bij het revolverend fonds", RowRules.CheckRole(role, FundColumns.RequestTable));
    }

    [Theory]
    [InlineData(Role.Nurse)]
    [InlineData(Role.WmoConsultant)]
    [InlineData(Role.FundSecretary)]
    [InlineData(Role.Admin)]
    public void OnlyTeamLeaders_WriteMandateDecisionsAndAddenda(Role role)
    {
        Assert.Contains("teamleider met mandaat", RowRules.CheckRole(role, MandateColumns.DecisionTable));
        Assert.NotNull(RowRules.CheckRole(role, MandateColumns.AddendumTable));
        Assert.Null(RowRules.CheckRole(Role.TeamLeader, MandateColumns.DecisionTable));
        Assert.Null(RowRules.CheckRole(Role.TeamLeader, MandateColumns.AddendumTable));
    }

    [Theory]
    [InlineData(Role.Nurse, true)]
    [InlineData(Role.TeamLeader, true)]
    [InlineData(Role.WmoConsultant, true)]
    [InlineData(Role.FundSecretary, false)]
    [InlineData(Role.Admin, false)]
    public void AdviceTables_AreWrittenByAuthorsAndConsultants(Role role, bool allowed)
    {
        Assert.Equal(allowed, RowRules.CheckRole(role, AdviceColumns.AdviceTable) is null);
        Assert.Equal(allowed, RowRules.CheckRole(role, AdviceColumns.MessageTable) is null);
    }

    [Fact]
    public void ColumnsOutsideTheSchema_AreRefused()
    {
        var clients = SyncSchema.Find("clients")!;

        Assert.Null(RowRules.CheckColumns(clients, ["first_name", "notes"]));
        Assert.Contains("unknown column", RowRules.CheckColumns(clients, ["first_name", "version"]));
    }

    [Theory]
    [InlineData("New", "PickedUp", true)]
    [InlineData("PickedUp", "Referred", true)]
    [InlineData("PickedUp", "Closed", true)]
    [InlineData("New", "Closed", false)]
    [InlineData("Closed", "New", false)]
    [InlineData("Referred", "PickedUp", false)]
    [InlineData("New", "New", true)]
    public void SignalStatusMoves_FollowTheStateMachine(string from, string to, bool allowed)
    {
        var before = new Dictionary<string, string?> { ["status"] = from };
        var after = new Dictionary<string, string?> { ["status"] = to };

        Assert.Equal(allowed, RowRules.CheckRow("signals", before, after, Guid.NewGuid(), Today, Role.Nurse, Guid.NewGuid()) is null);
    }

    [Theory]
    [InlineData("PickedUp", true)]
    [InlineData("pickedup", false)]
    [InlineData("1", false)]
    [InlineData("-1", false)]
    [InlineData("Lost", false)]
    [InlineData("New, Closed", false)]
    public void EnumValues_TravelByExactName(string text, bool valid) =>
        Assert.Equal(valid, RowRules.TryEnum<SignalStatus>(text, out _));

    [Fact]
    public void ClientRows_AreCheckedAsAWhole_WithDutchReasons()
    {
        var good = new Dictionary<string, string?>
        {
            ["first_name"] = "Jan", ["surname"] = "Jansen", ["birth_date"] = "1950-01-02", ["postcode"] = "1234AB", ["house_number"] = "5",
        };
        var bad = new Dictionary<string, string?>(good) { ["postcode"] = "12", ["birth_date"] = "2030-01-01" };

        Assert.Null(RowRules.CheckRow("clients", null, good, Guid.NewGuid(), Today, Role.Nurse, Guid.NewGuid()));
        var reason = RowRules.CheckRow("clients", null, bad, Guid.NewGuid(), Today, Role.Nurse, Guid.NewGuid());
        Assert.StartsWith("Cliëntgegevens kloppen niet", reason);
        Assert.Contains("postcode", reason);
        Assert.Contains("geboortedatum", reason);
    }
}
