using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Mandates;

/// <summary>A mandate decision on the dossier timeline: the decision, then its follow-up and addenda, each at its own moment.</summary>
public class DecisionTimelineEntryTests
{
    private static readonly Id<Worker> Leader = new(Guid.CreateVersion7());
    private static readonly DateTimeOffset DecidedAt = new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Items_ADecisionWithoutFollowUpOrAddenda_IsOneItemAtItsDecision()
    {
        var decision = MandateSamples.Decision(Leader, MandateSamples.MandateOf(Leader), DecidedAt);

        var item = Assert.Single(DecisionTimelineEntry.Items(decision, []));

        Assert.Equal(DecidedAt, item.At);
        Assert.Equal(DecisionEventKind.Recorded, item.Mandate!.Kind);
        Assert.Null(item.Signal);
    }

    [Fact]
    public void Items_FollowUpAndAddenda_EachStandAtTheirOwnMoment_AllOpeningTheSameDecision()
    {
        var followedUpAt = DecidedAt.AddDays(90);
        var decision = MandateSamples.Decision(Leader, MandateSamples.MandateOf(Leader), DecidedAt) with
        {
            FollowUp = new DecisionFollowUp(FollowUpResult.Partly, "Deels gelukt.", followedUpAt, Leader),
        };
        DecisionAddendum[] addenda =
        [
            new(new(Guid.CreateVersion7()), decision.Id, "Correctie.", DecidedAt.AddDays(2), Leader),
            new(new(Guid.CreateVersion7()), decision.Id, "Gesprek gepland.", DecidedAt.AddDays(100), Leader),
        ];

        var items = DecisionTimelineEntry.Items(decision, addenda).ToList();

        Assert.Equal([DecidedAt, followedUpAt, DecidedAt.AddDays(2), DecidedAt.AddDays(100)], items.Select(i => i.At));
        Assert.Equal([DecisionEventKind.Recorded, DecisionEventKind.FollowedUp, DecisionEventKind.Addendum, DecisionEventKind.Addendum], items.Select(i => i.Mandate!.Kind));
        Assert.All(items, i => Assert.Same(decision, i.Mandate!.Decision));
        Assert.Equal("Gesprek gepland.", items[3].Mandate!.Addendum!.Text);
    }
}
