using System.Text.Json;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.Patterns;

/// <summary>
/// Issue 14: a team leader's pattern steps as the server judges them, per row with a Dutch reason, and which laptops
/// receive the patterns at all (team leaders of the teams involved; nobody else), with figures and never a client.
/// </summary>
public sealed class PatternStepStoreTests
{
    private static async Task<(PatternStore World, Pattern Pattern, IReadOnlyList<Guid> Clients)> Raised()
    {
        var world = await PatternStore.Create();
        var clients = await world.Clients("spookbewoning", 4);
        return (world, await world.Single(), clients);
    }

    [Fact]
    public async Task ABatchWithAMoveThatSkipsAStep_RefusesThatRowWithAReason_AndKeepsTheRest()
    {
        var (world, pattern, _) = await Raised();
        using var _ = world;
        var fix = new StructuralFix("Vinkje 'nieuwe huurder' gedeeld met de Belastingdienst", "Afdeling Burgerzaken", DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2));

        var results = await world.Steps(world.Leader,
            PatternStore.Step(world.Leader, pattern, PatternState.Discussed, "Werktafel 12 november"),
            PatternStore.Step(world.Leader, pattern, PatternState.Closed),
            PatternStore.Step(world.Leader, pattern, PatternState.FixAgreed, fix: fix));

        Assert.Equal([SyncProtocol.Results.Accepted, SyncProtocol.Results.Refused, SyncProtocol.Results.Accepted], results.Select(r => r.Status));
        Assert.Contains("kan niet van 'besproken aan de werktafel' naar 'afgesloten'", results[1].Reason);
        var moved = await world.Single();
        Assert.Equal(PatternState.FixAgreed, moved.State);
        Assert.Equal([PatternState.Discussed, PatternState.FixAgreed], moved.Steps.Select(s => s.To));
        Assert.Equal(fix, moved.Fix);
        Assert.All(moved.Steps, s => Assert.Equal(world.Leader.WorkerId, s.By.Value));
    }

    [Fact]
    public async Task AStepByANurse_OrByALeaderOfAnotherTeam_IsRefusedWithTheReason()
    {
        var (world, pattern, _) = await Raised();
        using var _ = world;

        var nurse = Assert.Single(await world.Steps(world.Nurse, PatternStore.Step(world.Nurse, pattern, PatternState.Discussed)));
        var other = Assert.Single(await world.Steps(world.OtherLeader, PatternStore.Step(world.OtherLeader, pattern, PatternState.Discussed)));

        Assert.Contains("alleen een teamleider zet een patroon een stap verder", nurse.Reason);
        Assert.Contains("gaat over zaken van Noord, niet van uw team", other.Reason);
        Assert.Equal(PatternState.Raised, (await world.Single()).State);
    }

    [Fact]
    public async Task ADismissalWithoutReason_AndAFixWithoutWhoAndWhen_AreRefusedNamingTheFields()
    {
        var (world, pattern, _) = await Raised();
        using var _ = world;

        var dismissed = Assert.Single(await world.Steps(world.Leader, PatternStore.Step(world.Leader, pattern, PatternState.Dismissed, "  ")));
        Assert.Contains("reden is verplicht", dismissed.Reason);
        Assert.Single(await world.Steps(world.Leader, PatternStore.Step(world.Leader, pattern, PatternState.Discussed)));
        var fix = Assert.Single(await world.Steps(world.Leader, PatternStore.Step(world.Leader, pattern with { State = PatternState.Discussed }, PatternState.FixAgreed, fix: new StructuralFix("Vinkje delen", "", default))));

        Assert.Equal(SyncProtocol.Results.Refused, fix.Status);
        Assert.Contains("wie is verplicht", fix.Reason);
        Assert.Contains("uiterlijk is verplicht", fix.Reason);
        Assert.Equal(PatternState.Discussed, (await world.Single()).State);
    }

    [Fact]
    public async Task TheSameStepPushedTwice_IsKeptOnce()
    {
        var (world, pattern, _) = await Raised();
        using var _ = world;
        var step = PatternStore.Step(world.Leader, pattern, PatternState.Discussed);

        await world.Steps(world.Leader, step);
        var again = Assert.Single(await world.Steps(world.Leader, step));

        Assert.Equal(SyncProtocol.Results.Accepted, again.Status);
        Assert.Single((await world.Single()).Steps);
    }

    [Fact]
    public async Task ReferenceData_GivesTheTeamLeaderTheirTeamsPatterns_WithoutClients_AndOthersNone()
    {
        var (world, pattern, clients) = await Raised();
        using var _ = world;

        var leader = (await world.Store.ReferenceDataAsync(world.Leader.WorkerId, 0))!;
        var nurse = (await world.Store.ReferenceDataAsync(world.Nurse.WorkerId, 0))!;
        var otherLeader = (await world.Store.ReferenceDataAsync(world.OtherLeader.WorkerId, 0))!;

        var received = Assert.Single(leader.PatternList());
        Assert.Equal((pattern.Id, 4, 4), (received.Id, received.Cases, received.Clients));
        Assert.Empty(nurse.Patterns!);
        Assert.Empty(otherLeader.Patterns!);
        var json = JsonSerializer.Serialize(leader);
        Assert.All(clients, c => Assert.DoesNotContain(c.ToString(), json, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Jansen", json);
    }
}
