using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Tests.Domain.Escalations;

/// <summary>Escalation goes up one level at a time (case team, Maatwerkloket, Landelijk Escalatie Team), with its parts and a follow-up date ahead.</summary>
public class EscalationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly Id<Client> Client = new(Guid.NewGuid());

    [Fact]
    public void TheFirstEscalation_GoesToTheCaseTeam_AndSkippingALevelIsRefusedNamingTheNextOne()
    {
        Assert.Empty(EscalationRules.CheckNew(At(EscalationLevel.CaseTeam), [], Today));

        var skipped = Assert.Single(EscalationRules.CheckNew(At(EscalationLevel.Maatwerkloket), [], Today));
        Assert.Equal("niveau", skipped.Field);
        Assert.Equal("slaat een stap over: de volgende stap voor deze cliënt is casusteam", skipped.Describe(Lang.Nl));
    }

    [Fact]
    public void OpenEscalations_SetTheNextLevel_ClosedOnesDoNot_AndTheTopHasNoNext()
    {
        var caseTeam = At(EscalationLevel.CaseTeam);
        var loket = At(EscalationLevel.Maatwerkloket);
        var let = At(EscalationLevel.LandelijkEscalatieTeam);

        Assert.Equal(EscalationLevel.Maatwerkloket, EscalationRules.NextLevel([caseTeam]));
        Assert.Equal(EscalationLevel.LandelijkEscalatieTeam, EscalationRules.NextLevel([caseTeam, loket]));
        Assert.Null(EscalationRules.NextLevel([caseTeam, loket, let]));
        Assert.Equal(EscalationLevel.CaseTeam, EscalationRules.NextLevel([caseTeam with { ClosedOn = Today, Outcome = "Opgelost met de corporatie." }]));
        Assert.Equal(TextId.EscalationAtTop, Assert.Single(EscalationRules.CheckNew(At(EscalationLevel.LandelijkEscalatieTeam), [caseTeam, loket, let], Today)).Text);
    }

    [Fact]
    public void EveryPart_AndAFollowUpAfterToday_AreRequired()
    {
        var empty = At(EscalationLevel.CaseTeam) with { Reason = "", Tried = " ", Parties = "", BottleneckTag = "", FollowUpOn = Today };

        var problems = EscalationRules.CheckNew(empty, [], Today);

        Assert.Equal(["reden", "wat is geprobeerd", "partijen", "knelpunt", "opvolgdatum"], problems.Select(p => p.Field));
        Assert.Equal(TextId.EscalationFollowUpNotAhead, problems[^1].Text);
    }

    [Fact]
    public void Closing_NeedsAnOutcome_AndOnlyOnce()
    {
        var open = At(EscalationLevel.CaseTeam);
        Assert.Equal(TextId.FieldRequired, Assert.Single(EscalationRules.CheckClose(open, "")).Text);
        Assert.Empty(EscalationRules.CheckClose(open, "Toeslag hersteld na overleg met de Belastingdienst."));

        var closed = open with { ClosedOn = Today.AddDays(-1), Outcome = "Opgelost." };
        Assert.Contains("29-11-2026", Assert.Single(EscalationRules.CheckClose(closed, "nogmaals")).Describe(Lang.Nl), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(5, true)]
    public void TheFollowUp_IsDueFromItsDay_WhileOpen(int daysPast, bool due)
    {
        var escalation = At(EscalationLevel.CaseTeam) with { FollowUpOn = Today.AddDays(-daysPast) };
        Assert.Equal(due, escalation.FollowUpDue(Today));
        Assert.False((escalation with { ClosedOn = Today }).FollowUpDue(Today));
    }

    private static Escalation At(EscalationLevel level) => new(
        new Id<Escalation>(Guid.NewGuid()), Client, level, "Toeslag stopgezet door een spookbewoner op het adres.",
        "Bezwaar ingediend, BRP-correctie gevraagd.", "Belastingdienst, gemeente (BRP)", Today, Today.AddDays(14),
        new Id<Worker>(Guid.NewGuid()), "spookbewoning");
}
