using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Indications;

/// <summary>The Wmo terms: six weeks from the melding, two weeks from the aanvraag, an extension, and what a decision or withdrawal does to them.</summary>
public class LegalClocksTests
{
    private static readonly DateOnly Melding = new(2026, 2, 2);
    private static readonly DateOnly Aanvraag = new(2026, 3, 2);

    [Fact]
    public void Investigation_IsDueSixWeeksAfterTheMelding_AndRunsUntilThen()
    {
        var clocks = new LegalClocks(Melding, null, null, null, false);

        var reading = clocks.Current(Melding.AddDays(40));

        Assert.Equal(new DateOnly(2026, 3, 16), clocks.InvestigationDue);
        Assert.Equal(new ClockReading(ClockKind.Investigation, Melding.AddDays(42), ClockState.Running, 2, false), reading);
        Assert.False(reading.IsFlagged);
        Assert.Null(clocks.DecisionDue);
        Assert.Single(clocks.All(Melding.AddDays(40)));
    }

    [Fact]
    public void Investigation_OnItsDueDay_IsStillRunning_TheDayAfter_IsOverdueAndFlagged()
    {
        var clocks = new LegalClocks(Melding, null, null, null, false);

        Assert.Equal((ClockState.Running, 0), (clocks.Current(Melding.AddDays(42)).State, clocks.Current(Melding.AddDays(42)).DaysLeft));
        var late = clocks.Current(Melding.AddDays(45));
        Assert.Equal((ClockState.Overdue, -3), (late.State, late.DaysLeft));
        Assert.True(late.IsFlagged);
    }

    [Fact]
    public void Decision_IsDueTwoWeeksAfterTheAanvraag_AndTheInvestigationIsThenSettled()
    {
        var clocks = new LegalClocks(Melding, Aanvraag, null, null, false);

        var current = clocks.Current(Aanvraag.AddDays(3));
        var all = clocks.All(Aanvraag.AddDays(3));

        Assert.Equal(Aanvraag.AddDays(14), clocks.DecisionDueByLaw);
        Assert.Equal(new ClockReading(ClockKind.Decision, Aanvraag.AddDays(14), ClockState.Running, 11, false), current);
        Assert.Equal([ClockKind.Investigation, ClockKind.Decision], all.Select(r => r.Kind));
        Assert.Equal(ClockState.MetInTime, all[0].State);
        Assert.Equal(ClockState.MetLate, new LegalClocks(Melding, Melding.AddDays(43), null, null, false).All(Melding.AddDays(43))[0].State);
    }

    [Fact]
    public void Decision_PastItsDueDate_IsOverdueAndFlagged()
    {
        var reading = new LegalClocks(Melding, Aanvraag, null, null, false).Current(Aanvraag.AddDays(15));

        Assert.Equal((ClockKind.Decision, ClockState.Overdue, -1), (reading.Kind, reading.State, reading.DaysLeft));
        Assert.True(reading.IsFlagged);
    }

    [Fact]
    public void Extension_MovesTheDecisionDueDate_AndIsMarked()
    {
        var until = Aanvraag.AddDays(28);
        var clocks = new LegalClocks(Melding, Aanvraag, until, null, false);

        var reading = clocks.Current(Aanvraag.AddDays(20));

        Assert.Equal(Aanvraag.AddDays(14), clocks.DecisionDueByLaw);
        Assert.Equal(until, clocks.DecisionDue);
        Assert.Equal(new ClockReading(ClockKind.Decision, until, ClockState.Running, 8, true), reading);
        Assert.False(reading.IsFlagged);
    }

    [Theory]
    [InlineData(0, ClockState.MetInTime)]
    [InlineData(-5, ClockState.MetInTime)]
    [InlineData(1, ClockState.MetLate)]
    public void Decision_OnOrBeforeTheDueDate_IsMetInTime_AfterIt_MetLate(int daysAfterDue, ClockState expected)
    {
        var due = Aanvraag.AddDays(14);
        var reading = new LegalClocks(Melding, Aanvraag, null, due.AddDays(daysAfterDue), false).Current(due.AddDays(60));

        Assert.Equal((expected, 0), (reading.State, reading.DaysLeft));
        Assert.Equal(expected == ClockState.MetLate, reading.IsFlagged);
    }

    [Fact]
    public void Withdrawn_StopsTheClock_WithoutAVerdict()
    {
        var reading = new LegalClocks(Melding, null, null, null, true).Current(Melding.AddDays(100));

        Assert.Equal(ClockState.Stopped, reading.State);
        Assert.False(reading.IsFlagged);
    }

    [Fact]
    public void AdviceClocks_FollowItsDatesDecisionAndWithdrawal()
    {
        var today = AdviceSamples.Today;
        var aanvraag = today.AddDays(-3);
        var submitted = AdviceStates.In(AdviceStatus.Submitted, aanvraag: aanvraag);

        Assert.Equal(submitted.Content.MeldingDate.AddDays(42), submitted.Clocks.InvestigationDue);
        Assert.Equal((ClockKind.Decision, aanvraag.AddDays(14)), (submitted.Clocks.Current(today).Kind, submitted.Clocks.Current(today).Due));
        var extended = submitted.Extend(AdviceSamples.Consultant, aanvraag.AddDays(30), "Medisch advies volgt.", today).Value;
        Assert.True(extended.Clocks.Current(today).Extended);
        Assert.Equal(aanvraag.AddDays(30), extended.Clocks.DecisionDue);

        // Decided at 23:30 UTC on 14 March: in Amsterdam that is already 15 March.
        var decided = submitted.Grant(AdviceSamples.Consultant, "", new DateTimeOffset(2026, 3, 14, 23, 30, 0, TimeSpan.Zero), today.AddDays(1)).Value;
        Assert.Equal(new DateOnly(2026, 3, 15), decided.Clocks.DecidedOn);
        Assert.Equal(ClockState.MetInTime, decided.Clocks.Current(today.AddDays(60)).State);
        Assert.Equal(ClockState.Stopped, AdviceStates.In(AdviceStatus.Withdrawn).Clocks.Current(today.AddDays(90)).State);
    }
}
