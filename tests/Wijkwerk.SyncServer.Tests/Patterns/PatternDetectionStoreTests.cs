using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Patterns;

/// <summary>
/// Issue 14: the server raises a pattern from the tagged rows it stores, on the boundaries of the threshold and the
/// window, through the real store (a push detects in its own transaction), and never holds two open patterns for a tag.
/// </summary>
public sealed class PatternDetectionStoreTests
{
    private const string Ghosts = "spookbewoning";

    [Fact]
    public async Task ThreeDistinctClients_OneBelowTheDefaultFour_RaiseNoPattern()
    {
        using var world = await PatternStore.Create();
        await world.Clients(Ghosts, 3);

        Assert.Empty(await world.Store.ListPatternsAsync());
    }

    [Fact]
    public async Task FourCasesOfFourDistinctClients_RaiseOnePatternWithCountsTeamAndSource()
    {
        using var world = await PatternStore.Create();
        await world.Clients(Ghosts, 3);
        await world.Client("  SpookBewoning ");

        var pattern = await world.Single();
        Assert.Equal((Ghosts, PatternState.Raised, 4, 4), (pattern.TagKey, pattern.State, pattern.Cases, pattern.Clients));
        Assert.Equal(["Noord"], pattern.Teams);
        var source = Assert.Single(pattern.BySource);
        Assert.Equal((BudgetColumns.RequestTable, 4), (source.Name, source.Cases));
        Assert.Equal(0, pattern.Spent.Cents); // requested, not yet approved: nothing spent
    }

    [Fact]
    public async Task FourCasesOfThreeClients_RaiseNoPattern()
    {
        using var world = await PatternStore.Create();
        await world.Client(Ghosts, requests: 2);
        await world.Clients(Ghosts, 2);

        Assert.Empty(await world.Store.ListPatternsAsync());
    }

    [Fact]
    public async Task FourClientsWhoseCasesFellOutOfTheWindow_RaiseNoPattern_AWiderWindowDoes()
    {
        using var world = await PatternStore.Create();
        await world.Store.SetPatternSettingsAsync(new PatternSettings(5, 12), PatternStore.Now);
        await world.Clients(Ghosts, 4);
        Assert.Empty(await world.Store.ListPatternsAsync());

        var thirteenMonthsOn = PatternStore.Now.AddMonths(13);
        Assert.Equal(0, (await world.Store.SetPatternSettingsAsync(new PatternSettings(4, 12), thirteenMonthsOn)).Raised);
        Assert.Empty(await world.Store.ListPatternsAsync());

        Assert.Equal(1, (await world.Store.SetPatternSettingsAsync(new PatternSettings(4, 14), thirteenMonthsOn)).Raised);
        Assert.Equal(4, (await world.Single()).Clients);
    }

    [Fact]
    public async Task MoreCasesOfARaisedTag_UpdateTheOpenPattern_NeverRaiseASecond()
    {
        using var world = await PatternStore.Create();
        await world.Clients(Ghosts, 4);
        var raised = await world.Single();

        await world.Clients(Ghosts, 2);
        var run = await world.Store.DetectPatternsAsync(PatternStore.Now);

        var pattern = await world.Single();
        Assert.Equal(raised.Id, pattern.Id);
        Assert.Equal((6, 6), (pattern.Cases, pattern.Clients));
        Assert.Equal(new Wijkwerk.SyncServer.Store.PatternRun(0, 0), run); // the pushes already brought it up to date
    }

    [Fact]
    public async Task TwoTagsOverTheThreshold_RaiseOnePatternEach_AndATagBelowItNone()
    {
        using var world = await PatternStore.Create();
        await world.Clients(Ghosts, 4);
        await world.Clients("tandartskosten", 5);
        await world.Clients("energietoeslag", 2);

        var patterns = await world.Store.ListPatternsAsync();
        Assert.Equal(["spookbewoning", "tandartskosten"], patterns.Select(p => p.TagKey).Order());
    }

    [Fact]
    public async Task AClosedPattern_IsNotRaisedAgainByTheCasesItAnswered_OnlyByLaterOnes()
    {
        using var world = await PatternStore.Create();
        await world.Clients(Ghosts, 4);
        var pattern = await world.Single();
        var results = await world.Steps(world.Leader, PatternStore.Step(world.Leader, pattern, PatternState.Dismissed, "Landelijk al opgelost met een vinkje bij de Belastingdienst"));
        Assert.Null(Assert.Single(results).Reason);

        await world.Store.DetectPatternsAsync(PatternStore.Now);

        Assert.Equal(PatternState.Dismissed, (await world.Single()).State);
    }

    [Fact]
    public async Task TwoTagsOfTwoClientsEach_RaiseNothing_UntilTheAdminMergesThem_ThenOnePatternUnderTheTargetTag()
    {
        using var world = await PatternStore.Create();
        await world.Store.AddBottleneckAsync("Spookbewoning", PatternStore.Now);
        await world.Clients(Ghosts, 2);
        await world.Clients("ingeschreven op oud adres", 2);
        Assert.Empty(await world.Store.ListPatternsAsync());

        await world.Store.MergeBottleneckAsync("ingeschreven op oud adres", "Spookbewoning", PatternStore.Now);

        var pattern = await world.Single();
        Assert.Equal((Ghosts, 4, 4), (pattern.TagKey, pattern.Cases, pattern.Clients));
    }

    [Fact]
    public async Task ASignalAnAdviceAndAnEscalation_CountAsCasesOfTheirTag_WithARequest_RaiseAPatternThatSpentNothing()
    {
        using var world = await PatternStore.Create();
        var today = AmsterdamTime.Today(TimeProvider.System);
        var nurse = new Worker(new Id<Worker>(world.Nurse.WorkerId), "Anna Zorg", Role.Nurse, []);
        await world.ClientWith("signals", client => new Dictionary<string, string?>(ServerFixture.SignalColumns(client))
        {
            ["reported_at"] = DateTimeOffset.UtcNow.AddDays(-2).ToString("O"),
            [BottleneckTag.Column] = "Spookbewoning",
        });
        await world.ClientWith(AdviceColumns.AdviceTable, client => AdviceColumns.ToColumns(
            IndicationAdvice.Draft(Id<IndicationAdvice>.New(TimeProvider.System), new Id<Client>(client), nurse, "Noord", AdviceServerFixture.Content(), PatternStore.Now, today).Value
                with { BottleneckTag = "spookbewoning" }));
        await world.ClientWith(EscalationColumns.Table, client => EscalationColumns.ToColumns(new Escalation(
            Id<Escalation>.New(TimeProvider.System), new Id<Client>(client), EscalationLevel.CaseTeam, "Huurtoeslag stopgezet", "Gebeld met de Belastingdienst",
            "Belastingdienst, corporatie", today, today.AddDays(14), nurse.Id, "SPOOKBEWONING")));
        Assert.Empty(await world.Store.ListPatternsAsync());

        await world.Client(Ghosts);

        var pattern = await world.Single();
        Assert.Equal((4, 4, 0L), (pattern.Clients, pattern.Cases, pattern.Spent.Cents));
        Assert.Equal(["budget_requests", "escalations", "indication_advices", "signals"], pattern.BySource.Select(s => s.Name).Order());
    }
}
