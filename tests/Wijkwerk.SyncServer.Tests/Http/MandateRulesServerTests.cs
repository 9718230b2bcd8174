using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>
/// Every refusal rule of a mandate decision, through the real server process: a refused row gets its Dutch
/// reason and nothing is stored, and the rest of the batch proceeds.
/// </summary>
public class MandateRulesServerTests(MandateServerFixture fixture) : IClassFixture<MandateServerFixture>
{
    private ServerFixture Server => fixture.Server;

    private async Task<(Guid Client, MandateDecision Decision)> Prepared(SyncClient leader, string department = "Opvang")
    {
        var client = await Server.NewNoordClient();
        return (client, MandateRows.Decision(client, leader.WorkerId, await fixture.MandateOf(leader), department));
    }

    private async Task AssertRefusedAndNotStored(SyncClient device, MandateDecision decision, string reasonPart)
    {
        var result = await device.PushOne(MandateColumns.DecisionTable, decision.Id.Value, SyncProtocol.Operations.Insert, 0, MandateRows.Columns(decision));

        Assert.Equal(SyncProtocol.Results.Refused, result.Status);
        Assert.Contains(reasonPart, result.Reason);
        Assert.Contains("andaatbesluit", result.Reason);
        var (changes, _) = await Server.Anna.PullAll(0);
        Assert.DoesNotContain(changes, c => c.RowId == decision.Id.Value);
    }

    private async Task<MandateDecision> Recorded(SyncClient leader)
    {
        var (_, decision) = await Prepared(leader);
        var result = await leader.PushOne(MandateColumns.DecisionTable, decision.Id.Value, SyncProtocol.Operations.Insert, 0, MandateRows.Columns(decision));
        Assert.True(result.Status == SyncProtocol.Results.Accepted, result.Reason);
        return decision;
    }

    [Fact]
    public async Task ValidDecision_IsAccepted_AndTheTeamsNurseReceivesIt_TheConsultantDoesNot()
    {
        var decision = await Recorded(fixture.Tessa);

        var (nurse, _) = await Server.Anna.PullAll(0);
        var row = Assert.Single(nurse, c => c.RowId == decision.Id.Value);
        Assert.True(MandateColumns.FromColumns(row.RowId, row.Columns).Value.SameRecordAs(decision));
        var (consultant, _) = await Server.Carla.PullAll(0);
        Assert.DoesNotContain(consultant, c => c.Table is MandateColumns.DecisionTable or MandateColumns.AddendumTable);
        var (otherTeam, _) = await Server.Zora.PullAll(0);
        Assert.DoesNotContain(otherTeam, c => c.RowId == decision.Id.Value);
    }

    [Fact]
    public async Task DecisionByANurse_IsRefused()
    {
        var (_, decision) = await Prepared(fixture.Tessa);

        await AssertRefusedAndNotStored(Server.Anna, decision with { DecidedBy = new(Server.Anna.WorkerId) }, "teamleider met mandaat");
    }

    [Fact]
    public async Task DecisionWithAnExpiredMandate_IsRefused() =>
        await AssertRefusedAndNotStored(fixture.Vera, (await Prepared(fixture.Vera)).Decision, "uw mandaat is verlopen op " + DateText.Show(AmsterdamTime.Today(TimeProvider.System).AddDays(-1)));

    [Fact]
    public async Task DecisionWithARevokedMandate_IsRefused() =>
        await AssertRefusedAndNotStored(fixture.Rik, (await Prepared(fixture.Rik)).Decision, "uw mandaat is ingetrokken op");

    [Fact]
    public async Task DecisionWithANotYetValidMandate_IsRefused() =>
        await AssertRefusedAndNotStored(fixture.Nora, (await Prepared(fixture.Nora)).Decision, "uw mandaat geldt pas vanaf " + DateText.Show(AmsterdamTime.Today(TimeProvider.System).AddDays(1)));

    [Fact]
    public async Task DecisionForADepartmentTheMandateDoesNotCover_IsRefused() =>
        await AssertRefusedAndNotStored(fixture.Tessa, (await Prepared(fixture.Tessa, "Werk en Inkomen")).Decision, "Werk en Inkomen valt niet onder uw mandaat (wel: Opvang, Wonen)");

    [Fact]
    public async Task DecisionWithAnotherLeadersMandate_IsRefused()
    {
        var (client, _) = await Prepared(fixture.Tessa);
        var decision = MandateRows.Decision(client, fixture.Tessa.WorkerId, await fixture.MandateOf(fixture.Zeger));

        await AssertRefusedAndNotStored(fixture.Tessa, decision, "geen mandaat");
    }

    [Theory]
    [InlineData("legitimacy", "legitimiteit")]
    [InlineData("engagement", "betrokkenheid")]
    [InlineData("avoided_routes", "maatschappelijk rendement")]
    public async Task DecisionWithoutASideOfTheTriangle_IsRefused(string column, string side)
    {
        var (_, decision) = await Prepared(fixture.Tessa);
        var columns = MandateRows.Columns(decision);
        if (column == "avoided_routes")
        {
            foreach (var figure in new[] { "own_cost", "avoided_cost", "net_return", "return_ratio", "horizon_months", "cost_table_version", "avoided_routes" })
                columns[figure] = null;
        }
        else
        {
            columns[column] = " ";
        }

        var result = await fixture.Tessa.PushOne(MandateColumns.DecisionTable, decision.Id.Value, SyncProtocol.Operations.Insert, 0, columns);

        Assert.Equal(SyncProtocol.Results.Refused, result.Status);
        Assert.Contains($"{side} ontbreekt", result.Reason);
        Assert.Contains("waardendriehoek", result.Reason);
    }

    [Fact]
    public async Task DecisionWhoseFiguresDoNotAddUp_IsRefused()
    {
        var (_, decision) = await Prepared(fixture.Tessa);
        var columns = MandateRows.Columns(decision);
        columns["net_return"] = "999999999";

        var result = await fixture.Tessa.PushOne(MandateColumns.DecisionTable, decision.Id.Value, SyncProtocol.Operations.Insert, 0, columns);

        Assert.Contains("klopt niet met de vermeden routes", result.Reason);
    }

    [Fact]
    public async Task EditOfARecordedField_IsRefused_TheDecisionStaysAsRecorded()
    {
        var decision = await Recorded(fixture.Tessa);

        var result = await fixture.Tessa.PushOne(MandateColumns.DecisionTable, decision.Id.Value, SyncProtocol.Operations.Update, 1,
            new Dictionary<string, string?> { ["decision"] = "Toch iets anders" });

        Assert.Equal(SyncProtocol.Results.Refused, result.Status);
        Assert.Contains("wordt niet gewijzigd", result.Reason);
        Assert.Contains("aanvulling", result.Reason);
        var (changes, _) = await Server.Anna.PullAll(0);
        Assert.Equal(decision.Decision, changes.Single(c => c.RowId == decision.Id.Value).Columns["decision"]);
    }

    [Fact]
    public async Task FollowUp_IsAcceptedOnce_ASecondIsRefused_ANurseIsRefused()
    {
        var decision = await Recorded(fixture.Tessa);
        var followUp = MandateColumns.ToColumns(decision with
        {
            FollowUp = new DecisionFollowUp(FollowUpResult.Partly, "Deels uitgevoerd", DateTimeOffset.UtcNow, new(fixture.Tessa.WorkerId)),
        }).Where(c => MandateColumns.FollowUpColumns.Contains(c.Key)).ToDictionary();
        var byNurse = new Dictionary<string, string?>(followUp) { ["follow_up_by"] = Server.Anna.WorkerId.ToString() };

        var nurse = await Server.Anna.PushOne(MandateColumns.DecisionTable, decision.Id.Value, SyncProtocol.Operations.Update, 1, byNurse);
        var first = await fixture.Tessa.PushOne(MandateColumns.DecisionTable, decision.Id.Value, SyncProtocol.Operations.Update, 1, followUp);
        var second = await fixture.Tessa.PushOne(MandateColumns.DecisionTable, decision.Id.Value, SyncProtocol.Operations.Update, 1,
            new Dictionary<string, string?>(followUp) { ["follow_up_result"] = "CarriedOut" });

        Assert.Equal(SyncProtocol.Results.Refused, nurse.Status);
        Assert.Contains("teamleider", nurse.Reason);
        Assert.Equal(SyncProtocol.Results.Accepted, first.Status);
        Assert.Equal(SyncProtocol.Results.Refused, second.Status);
        Assert.Contains("is al vastgelegd op", second.Reason);
        var (changes, _) = await Server.Anna.PullAll(0);
        Assert.Equal("Partly", changes.Single(c => c.RowId == decision.Id.Value).Columns["follow_up_result"]);
    }

    [Fact]
    public async Task DecisionFollowedUpBeforeTheLaptopSynced_ArrivesWhole_AndIsAccepted()
    {
        var (_, decision) = await Prepared(fixture.Tessa);
        var followed = decision with { FollowUp = new DecisionFollowUp(FollowUpResult.NotCarriedOut, "De opvang weigerde toch", DateTimeOffset.UtcNow, new(fixture.Tessa.WorkerId)) };

        var result = await fixture.Tessa.PushOne(MandateColumns.DecisionTable, decision.Id.Value, SyncProtocol.Operations.Insert, 0, MandateRows.Columns(followed));

        Assert.True(result.Status == SyncProtocol.Results.Accepted, result.Reason);
        var (changes, _) = await Server.Anna.PullAll(0);
        Assert.Equal("NotCarriedOut", changes.Single(c => c.RowId == decision.Id.Value).Columns["follow_up_result"]);
    }

    [Fact]
    public async Task DecisionAndAddendum_AreNeverDeleted_AnAddendumIsInsertOnly()
    {
        var decision = await Recorded(fixture.Tessa);
        var addendum = new DecisionAddendum(new(Guid.CreateVersion7()), decision.Id, "Correctie: contact is de teamleider van de opvang", DateTimeOffset.UtcNow, new(fixture.Tessa.WorkerId));
        var added = await fixture.Tessa.PushOne(MandateColumns.AddendumTable, addendum.Id.Value, SyncProtocol.Operations.Insert, 0, MandateColumns.ToColumns(addendum));

        var edited = await fixture.Tessa.PushOne(MandateColumns.AddendumTable, addendum.Id.Value, SyncProtocol.Operations.Update, 1, new() { ["text"] = "anders" });
        var deletedAddendum = await fixture.Tessa.PushOne(MandateColumns.AddendumTable, addendum.Id.Value, SyncProtocol.Operations.Delete, 1, []);
        var deletedDecision = await fixture.Tessa.PushOne(MandateColumns.DecisionTable, decision.Id.Value, SyncProtocol.Operations.Delete, 1, []);
        var byNurse = await Server.Anna.PushOne(MandateColumns.AddendumTable, Guid.CreateVersion7(), SyncProtocol.Operations.Insert, 0,
            MandateColumns.ToColumns(addendum with { By = new(Server.Anna.WorkerId) }));

        Assert.Equal(SyncProtocol.Results.Accepted, added.Status);
        Assert.Contains("aanvulling wordt niet gewijzigd", edited.Reason);
        Assert.Contains("aanvulling wordt niet gewijzigd of verwijderd", deletedAddendum.Reason);
        Assert.Contains("niet gewijzigd of verwijderd", deletedDecision.Reason);
        Assert.Equal(SyncProtocol.Results.Refused, byNurse.Status);
        var (changes, _) = await Server.Anna.PullAll(0);
        Assert.False(changes.Single(c => c.RowId == decision.Id.Value).Deleted);
        Assert.Equal(addendum.Text, changes.Single(c => c.RowId == addendum.Id.Value).Columns["text"]);
    }

    [Fact]
    public async Task RefusedDecisionInABatch_TheRestOfTheBatchIsStored()
    {
        var (_, good) = await Prepared(fixture.Tessa);
        var (_, bad) = await Prepared(fixture.Tessa, "Werk en Inkomen");

        var response = await fixture.Tessa.Push(
            new Mutation(fixture.Tessa.NextMutationId(), MandateColumns.DecisionTable, bad.Id.Value, SyncProtocol.Operations.Insert, 0, MandateRows.Columns(bad)),
            new Mutation(fixture.Tessa.NextMutationId(), MandateColumns.DecisionTable, good.Id.Value, SyncProtocol.Operations.Insert, 0, MandateRows.Columns(good)));

        Assert.Equal([SyncProtocol.Results.Refused, SyncProtocol.Results.Accepted], response.Results.Select(r => r.Status));
        var (changes, _) = await Server.Anna.PullAll(0);
        Assert.Contains(changes, c => c.RowId == good.Id.Value);
        Assert.DoesNotContain(changes, c => c.RowId == bad.Id.Value);
    }

    [Fact]
    public async Task ReferenceData_SentOnlyWhenTheVersionDiffers_WithOnlyTheWorkersOwnMandates()
    {
        var first = (await fixture.PullWithReference(fixture.Tessa, 0)).Reference!;
        var mandate = Assert.Single(first.Mandates!);
        Assert.Equal(fixture.Tessa.WorkerId, mandate.WorkerId);
        Assert.Contains("Werk en Inkomen", first.Departments!);
        Assert.Null((await fixture.PullWithReference(fixture.Tessa, first.Version)).Reference);
        Assert.Empty((await fixture.PullWithReference(Server.Anna, 0)).Reference!.Mandates!);
        Assert.Null((await Server.Anna.Pull(0)).Reference);

        await Server.Admin("admin", "department", "add", "Jeugd " + Guid.NewGuid().ToString("N")[..6]);

        var next = (await fixture.PullWithReference(fixture.Tessa, first.Version)).Reference!;
        Assert.True(next.Version > first.Version);
        Assert.Equal(first.Departments!.Count + 1, next.Departments!.Count);
    }
}
