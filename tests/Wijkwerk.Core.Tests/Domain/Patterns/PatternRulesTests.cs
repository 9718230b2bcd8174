using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Tests.Domain.Patterns;

/// <summary>
/// The pattern's state machine, every pair of states and every role: raised → discussed → fix agreed → closed, or
/// dismissed (with a reason) before a fix is agreed; only a team leader of a team involved; a fix needs what, who and
/// a day not past. And the refresh plan: one open pattern per tag, and a closed one not raised again by its own cases.
/// </summary>
public class PatternRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly string[] Noord = ["Noord"];
    private static readonly StructuralFix Fix = new("Vinkje gedeeld met de Belastingdienst", "Burgerzaken", Today.AddMonths(1));

    private static readonly (PatternState From, PatternState To)[] Allowed =
    [
        (PatternState.Raised, PatternState.Discussed), (PatternState.Raised, PatternState.Dismissed),
        (PatternState.Discussed, PatternState.FixAgreed), (PatternState.Discussed, PatternState.Dismissed),
        (PatternState.FixAgreed, PatternState.Closed),
    ];

    public static TheoryData<PatternState, PatternState> EveryPair()
    {
        var pairs = new TheoryData<PatternState, PatternState>();
        foreach (var from in Enum.GetValues<PatternState>())
        {
            foreach (var to in Enum.GetValues<PatternState>())
                pairs.Add(from, to);
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void EveryMove_AllowedExactlyWhenTheTableSaysSo(PatternState from, PatternState to)
    {
        var problems = PatternRules.Check(Role.TeamLeader, Noord, Pattern(from), Step(to), Today);

        Assert.Equal(Allowed.Contains((from, to)), problems.Count == 0);
        if (problems.Count > 0)
            Assert.Equal("stap", Assert.Single(problems).Field);
    }

    [Theory]
    [InlineData(Role.Nurse)]
    [InlineData(Role.WmoConsultant)]
    [InlineData(Role.FundSecretary)]
    [InlineData(Role.Admin)]
    public void EveryRoleButTeamLeader_MayNotMove(Role role)
    {
        var problem = Assert.Single(PatternRules.Check(role, Noord, Pattern(PatternState.Raised), Step(PatternState.Discussed), Today));

        Assert.Equal(("rol", TextId.PatternRoleMayNotMove), (problem.Field, problem.Text));
    }

    [Fact]
    public void ATeamLeaderOfAnotherTeam_MayNotMove_TeamNamesIgnoreCase()
    {
        Assert.Equal(TextId.PatternNotOfYourTeams, Assert.Single(PatternRules.Check(Role.TeamLeader, ["Zuid"], Pattern(PatternState.Raised), Step(PatternState.Discussed), Today)).Text);
        Assert.Empty(PatternRules.Check(Role.TeamLeader, ["noord"], Pattern(PatternState.Raised), Step(PatternState.Discussed), Today));
    }

    [Fact]
    public void Dismissal_NeedsAReason()
    {
        var problem = Assert.Single(PatternRules.Check(Role.TeamLeader, Noord, Pattern(PatternState.Raised), Step(PatternState.Dismissed, reason: " "), Today));

        Assert.Equal(("reden", TextId.FieldRequired), (problem.Field, problem.Text));
    }

    [Fact]
    public void AgreedFix_NeedsWhatWhoAndADayNotPast_AndOnlyThatStepCarriesOne()
    {
        Assert.Equal(["uiterlijk", "wat", "wie"], Fields(Step(PatternState.FixAgreed, fix: new StructuralFix(" ", "", default))));
        Assert.Equal(TextId.PatternFixByInPast, Assert.Single(PatternRules.Check(Role.TeamLeader, Noord, Pattern(PatternState.Discussed), Step(PatternState.FixAgreed, fix: Fix with { By = Today.AddDays(-1) }), Today)).Text);
        Assert.Empty(Fields(Step(PatternState.FixAgreed, fix: Fix with { By = Today })));
        Assert.Equal(TextId.PatternFixOnlyWhenAgreed, Assert.Single(PatternRules.Check(Role.TeamLeader, Noord, Pattern(PatternState.Raised), Step(PatternState.Discussed, fix: Fix), Today)).Text);
    }

    [Fact]
    public void Refresh_UpdatesTheOpenPatternOfATag_AndRaisesOnlyTagsWithoutOne()
    {
        var open = new KnownPattern(Guid.NewGuid(), "spookbewoning", PatternState.Discussed, null);
        var cases = Cases("spookbewoning", 5, Today.AddDays(-3)).Concat(Cases("tandartskosten", 4, Today.AddDays(-3)));

        var plan = PatternRefresh.Plan(cases, TagMerges.None, PatternSettings.Default, Today, [open]);

        Assert.Equal("tandartskosten", Assert.Single(plan.ToRaise).Totals.TagKey);
        var (id, figures) = Assert.Single(plan.ToUpdate);
        Assert.Equal((open.Id, 5), (id, figures.Totals.Clients));
    }

    [Fact]
    public void Refresh_AfterAClosedPattern_OnlyCasesAfterItsEndRaiseTheTagAgain()
    {
        var closed = new KnownPattern(Guid.NewGuid(), "spookbewoning", PatternState.Closed, Today.AddDays(-10));
        var answered = Cases("spookbewoning", 6, Today.AddDays(-20)).ToList();

        Assert.Empty(PatternRefresh.Plan(answered, TagMerges.None, PatternSettings.Default, Today, [closed]).ToRaise);
        var later = answered.Concat(Cases("spookbewoning", 4, Today.AddDays(-2)));
        Assert.Equal(4, Assert.Single(PatternRefresh.Plan(later, TagMerges.None, PatternSettings.Default, Today, [closed]).ToRaise).Totals.Clients);
    }

    [Fact]
    public void Refresh_AMergedTag_CountsUnderTheTagItWentInto()
    {
        var merges = TagMerges.None.With("spookbewoners", "spookbewoning")!;
        var cases = Cases("spookbewoning", 2, Today).Concat(Cases("spookbewoners", 2, Today));

        Assert.Equal("spookbewoning", Assert.Single(PatternRefresh.Plan(cases, merges, PatternSettings.Default, Today, []).ToRaise).Totals.TagKey);
    }

    [Fact]
    public void CountingTogetherWith_AMergedTagOrItsTarget_GivesTheTargetAndEveryTagMergedIntoIt_NoOther()
    {
        var merges = TagMerges.None.With("spookbewoners", "spookbewoning")!.With("oud adres", "spookbewoners")!.With("gebit", "tandartskosten")!;
        string[] ghosts = ["oud adres", "spookbewoners", "spookbewoning"];

        Assert.Equal(ghosts, merges.CountingTogetherWith(["Oud  Adres"]).Order());
        Assert.Equal(ghosts, merges.CountingTogetherWith(["spookbewoning"]).Order());
        Assert.Equal(["energie"], merges.CountingTogetherWith(["energie"]));
    }

    private static List<string> Fields(PatternStep step) =>
        PatternRules.Check(Role.TeamLeader, Noord, Pattern(PatternState.Discussed), step, Today).Select(p => p.Field).Order().ToList();

    private static IEnumerable<TaggedCase> Cases(string tag, int clients, DateOnly on) =>
        Enumerable.Range(0, clients).Select(_ => new TaggedCase(tag, new Id<Client>(Guid.NewGuid()), on, Money.FromEuros(100), "budget_requests", null));

    private static Pattern Pattern(PatternState state) => new(
        Guid.NewGuid(), "spookbewoning", state, 4, 4, Money.Zero, [], [], Noord, Today.AddMonths(-1), Today, DateTimeOffset.UnixEpoch, []);

    private static PatternStep Step(PatternState to, string reason = "Besproken", StructuralFix? fix = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), to, DateTimeOffset.UnixEpoch, new Id<Worker>(Guid.NewGuid()), reason, fix ?? (to == PatternState.FixAgreed ? Fix : null));
}
