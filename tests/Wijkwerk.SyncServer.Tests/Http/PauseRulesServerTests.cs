using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>
/// Issue 14 through the real server process: a pause whose end is past or beyond the maximum, a lift or extension
/// without a reason, an escalation that skips a level, a change of a recorded pause — each refused with its Dutch
/// reason and nothing stored, while the rest of the batch goes through; what is accepted reaches the colleague.
/// </summary>
[Collection(ServerCollection.Name)]
public class PauseRulesServerTests(ServerFixture server)
{
    private static Mutation Insert(SyncClient device, Pause pause) =>
        new(device.NextMutationId(), PauseColumns.PauseTable, pause.Id.Value, SyncProtocol.Operations.Insert, 0, PauseColumns.ToColumns(pause));

    private static Mutation Insert(SyncClient device, PauseStep step) =>
        new(device.NextMutationId(), PauseColumns.StepTable, step.Id.Value, SyncProtocol.Operations.Insert, 0, PauseColumns.ToColumns(step));

    private static Mutation Insert(SyncClient device, Escalation escalation) =>
        new(device.NextMutationId(), EscalationColumns.Table, escalation.Id.Value, SyncProtocol.Operations.Insert, 0, EscalationColumns.ToColumns(escalation));

    private static void AssertAccepted(MutationResult result) => Assert.True(result.Status == SyncProtocol.Results.Accepted, result.Reason);

    private static void AssertRefused(MutationResult result, string reason)
    {
        Assert.Equal(SyncProtocol.Results.Refused, result.Status);
        Assert.Equal(reason, result.Reason);
    }

    private async Task<HashSet<Guid>> RowsBramReceives(string table) =>
        (await server.Bram.PullAll(0)).Changes.Where(c => c.Table == table).Select(c => c.RowId).ToHashSet();

    [Fact]
    public async Task AnEndBeyondTheMaximum_OrInThePast_IsRefusedInDutch_NothingStored_TheRestOfTheBatchGoesThrough()
    {
        var client = await server.NewNoordClient("Pauze");
        var today = PauseSamples.Today;
        var tooLong = PauseSamples.Pause(client, server.Anna.WorkerId, today.AddDays(57));
        var past = PauseSamples.Pause(client, server.Anna.WorkerId, today.AddDays(-1));
        var fine = PauseSamples.Pause(client, server.Anna.WorkerId, today.AddDays(56));

        var results = (await server.Anna.Push(Insert(server.Anna, tooLong), Insert(server.Anna, past), Insert(server.Anna, fine))).Results;

        AssertRefused(results[0], $"Pauze: einddatum ligt na het maximum van 8 weken; kies uiterlijk {DateText.Show(today.AddDays(56))}, en verleng de pauze zo nodig later met een reden");
        AssertRefused(results[1], $"Pauze: einddatum ligt in het verleden; kies vandaag ({DateText.Show(today)}) of later");
        AssertAccepted(results[2]);
        var received = await RowsBramReceives(PauseColumns.PauseTable);
        Assert.Contains(fine.Id.Value, received);
        Assert.DoesNotContain(tooLong.Id.Value, received);
        Assert.DoesNotContain(past.Id.Value, received);
    }

    [Fact]
    public async Task ALiftOrExtensionWithoutReason_OrBeyondTheMaximum_IsRefused_AStepWithReasonIsKeptBesideThePause()
    {
        var client = await server.NewNoordClient("Stap");
        var today = PauseSamples.Today;
        var pause = PauseSamples.Pause(client, server.Anna.WorkerId, today.AddDays(10));
        AssertAccepted((await server.Anna.Push(Insert(server.Anna, pause))).Results.Single());
        var silentLift = PauseSamples.Lift(pause, server.Bram.WorkerId, reason: " ");
        var tooFar = PauseSamples.Extend(pause, server.Bram.WorkerId, today.AddDays(57));
        var extension = PauseSamples.Extend(pause, server.Bram.WorkerId, today.AddDays(30));

        var results = (await server.Bram.Push(Insert(server.Bram, silentLift), Insert(server.Bram, tooFar), Insert(server.Bram, extension))).Results;

        AssertRefused(results[0], "Stap in pauze: reden is verplicht; vul dit veld in");
        Assert.Contains("nieuwe einddatum ligt na het maximum van 8 weken", results[1].Reason);
        AssertAccepted(results[2]);
        var lift = PauseSamples.Lift(pause, server.Anna.WorkerId);
        AssertAccepted((await server.Anna.Push(Insert(server.Anna, lift))).Results.Single());
        AssertRefused((await server.Bram.Push(Insert(server.Bram, PauseSamples.Lift(pause, server.Bram.WorkerId)))).Results.Single(),
            $"Stap in pauze: pauze loopt niet meer (opgeheven of geëindigd op {DateText.Show(today)}); leg zo nodig een nieuwe pauze vast");
        Assert.Equal([extension.Id.Value, lift.Id.Value], (await RowsBramReceives(PauseColumns.StepTable)).Intersect([silentLift.Id.Value, tooFar.Id.Value, extension.Id.Value, lift.Id.Value]).Order());
    }

    [Fact]
    public async Task ARecordedPause_IsNeverRewrittenOrDeleted()
    {
        var client = await server.NewNoordClient("Vast");
        var pause = PauseSamples.Pause(client, server.Anna.WorkerId, PauseSamples.Today.AddDays(20));
        AssertAccepted((await server.Anna.Push(Insert(server.Anna, pause))).Results.Single());

        var rewritten = await server.Anna.PushOne(PauseColumns.PauseTable, pause.Id.Value, SyncProtocol.Operations.Update, 1,
            new Dictionary<string, string?> { ["ends_on"] = DateText.Iso(PauseSamples.Today.AddDays(40)) });
        var deleted = await server.Anna.PushOne(PauseColumns.PauseTable, pause.Id.Value, SyncProtocol.Operations.Delete, 1, []);

        AssertRefused(rewritten, "Pauze: pauze wordt niet gewijzigd of verwijderd; hef de pauze op of verleng haar met een reden, als nieuwe stap");
        AssertRefused(deleted, "Pauze: pauze wordt niet gewijzigd of verwijderd; hef de pauze op of verleng haar met een reden, als nieuwe stap");
    }

    [Fact]
    public async Task AnEscalationGoesUpOneLevelAtATime_AndClosesOnlyWithItsOutcome()
    {
        var client = await server.NewNoordClient("Escalatie");
        var skipping = PauseSamples.Escalation(client, server.Anna.WorkerId, EscalationLevel.Maatwerkloket);
        var caseTeam = PauseSamples.Escalation(client, server.Anna.WorkerId, EscalationLevel.CaseTeam);

        var results = (await server.Anna.Push(Insert(server.Anna, skipping), Insert(server.Anna, caseTeam))).Results;

        AssertRefused(results[0], "Escalatie: niveau slaat een stap over: de volgende stap voor deze cliënt is casusteam");
        AssertAccepted(results[1]);
        AssertAccepted((await server.Bram.Push(Insert(server.Bram, PauseSamples.Escalation(client, server.Bram.WorkerId, EscalationLevel.Maatwerkloket)))).Results.Single());

        var closeWithout = await server.Anna.PushOne(EscalationColumns.Table, caseTeam.Id.Value, SyncProtocol.Operations.Update, 1,
            new Dictionary<string, string?> { ["closed_on"] = DateText.Iso(PauseSamples.Today), ["outcome"] = "" });
        var editReason = await server.Anna.PushOne(EscalationColumns.Table, caseTeam.Id.Value, SyncProtocol.Operations.Update, 1,
            new Dictionary<string, string?> { ["reason"] = "iets anders" });
        var close = await server.Anna.PushOne(EscalationColumns.Table, caseTeam.Id.Value, SyncProtocol.Operations.Update, 1,
            new Dictionary<string, string?> { ["closed_on"] = DateText.Iso(PauseSamples.Today), ["outcome"] = "Casusteam regelde een betalingsregeling" });

        AssertRefused(closeWithout, "Escalatie: uitkomst is verplicht; vul dit veld in");
        AssertRefused(editReason, "Escalatie: escalatie wordt niet gewijzigd of verwijderd; sluit de escalatie af met de uitkomst, of escaleer naar het volgende niveau");
        AssertAccepted(close);
        var pulled = Assert.Single((await server.Bram.PullAll(0)).Changes, c => c.RowId == caseTeam.Id.Value);
        Assert.Equal("Casusteam regelde een betalingsregeling", pulled.Columns!["outcome"]);
    }
}
