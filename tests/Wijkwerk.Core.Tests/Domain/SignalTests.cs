using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class SignalTests
{
    private static readonly DateTimeOffset ReportedAt = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private static readonly HashSet<(SignalStatus From, SignalStatus To)> Diagram =
    [
        (SignalStatus.New, SignalStatus.PickedUp),
        (SignalStatus.PickedUp, SignalStatus.Referred),
        (SignalStatus.PickedUp, SignalStatus.Closed),
    ];

    public static TheoryData<SignalStatus, SignalStatus> AllStatusPairs()
    {
        var data = new TheoryData<SignalStatus, SignalStatus>();
        foreach (var from in Enum.GetValues<SignalStatus>())
        {
            foreach (var to in Enum.GetValues<SignalStatus>())
                data.Add(from, to);
        }

        return data;
    }

    private static Parsed<Signal> Report(
        SignalSource source = SignalSource.Pharmacy,
        string? sourceOther = null,
        string? observation = "Mevrouw leek verward en verliest recepten.",
        Urgency urgency = Urgency.Normal,
        ConsentBasis? basis = null,
        DateTimeOffset? at = null,
        IEnumerable<LifeDomain>? domains = null)
    {
        var clock = new FakeClock(at ?? ReportedAt);
        return Signal.Report(
            Id<Signal>.New(clock), Id<Client>.New(clock), source, sourceOther, observation, domains ?? [LifeDomain.FittingSupport],
            urgency, basis ?? ConsentBasis.WithResident, null, at ?? ReportedAt);
    }

    private static Signal Eropaf() => Report(urgency: Urgency.Eropaf).Value;

    [Fact]
    public void Report_Valid_StartsNewWithoutPickUp()
    {
        var signal = ParsedAssert.Valid(Report(observation: "  Loopt onvast.  ", domains: [LifeDomain.SafeHome, LifeDomain.SafeHome, LifeDomain.FittingSupport]));

        Assert.Equal(SignalStatus.New, signal.Status);
        Assert.Null(signal.PickedUpAt);
        Assert.Equal("Loopt onvast.", signal.Observation);
        Assert.Equal(new HashSet<LifeDomain> { LifeDomain.SafeHome, LifeDomain.FittingSupport }, signal.LifeDomains);
    }

    [Fact]
    public void Report_LocalTime_IsStoredAsUtc()
    {
        var local = new DateTimeOffset(2026, 7, 1, 14, 0, 0, TimeSpan.FromHours(2));

        var signal = Report(at: local).Value;

        Assert.Equal(TimeSpan.Zero, signal.ReportedAt.Offset);
        Assert.Equal(new DateTime(2026, 7, 1, 12, 0, 0), signal.ReportedAt.DateTime);
    }

    [Theory]
    [MemberData(nameof(AllStatusPairs))]
    public void IsAllowed_EveryStatusPair_MatchesDiagram(SignalStatus from, SignalStatus to)
    {
        Assert.Equal(Diagram.Contains((from, to)), SignalTransitions.IsAllowed(from, to));
        Assert.Equal(Diagram.Contains((from, to)), SignalTransitions.From(from).Contains(to));
    }

    [Theory]
    [MemberData(nameof(AllStatusPairs))]
    public void MoveTo_EveryStatusPair_MovesOnlyAlongDiagram(SignalStatus from, SignalStatus to)
    {
        var signal = Report().Value with { Status = from };

        var moved = signal.MoveTo(to, ReportedAt.AddHours(1));

        if (Diagram.Contains((from, to)))
        {
            Assert.Equal(to, ParsedAssert.Valid(moved).Status);
        }
        else
        {
            var problem = ParsedAssert.Invalid(moved, "status", TextId.SignalTransitionNotAllowed);
            Assert.Equal([from, to], problem.Args);
        }
    }

    [Fact]
    public void MoveTo_Anything_LeavesOriginalUntouched()
    {
        var signal = Report().Value;

        signal.MoveTo(SignalStatus.PickedUp, ReportedAt.AddHours(1));

        Assert.Equal(SignalStatus.New, signal.Status);
        Assert.Null(signal.PickedUpAt);
    }

    [Fact]
    public void MoveTo_PickedUp_SetsPickedUpAtInUtc()
    {
        var now = new DateTimeOffset(2026, 3, 14, 12, 15, 0, TimeSpan.FromHours(1));

        var picked = Report().Value.MoveTo(SignalStatus.PickedUp, now).Value;

        Assert.Equal(now, picked.PickedUpAt);
        Assert.Equal(TimeSpan.Zero, picked.PickedUpAt!.Value.Offset);
    }

    [Theory]
    [InlineData(SignalStatus.Referred)]
    [InlineData(SignalStatus.Closed)]
    public void MoveTo_AfterPickUp_KeepsPickedUpAt(SignalStatus end)
    {
        var pickedAt = ReportedAt.AddHours(1);
        var picked = Report().Value.MoveTo(SignalStatus.PickedUp, pickedAt).Value;

        var done = picked.MoveTo(end, ReportedAt.AddDays(3)).Value;

        Assert.Equal(end, done.Status);
        Assert.Equal(pickedAt, done.PickedUpAt);
        Assert.False(done.Status.IsOpen());
    }

    [Theory]
    [InlineData(SignalStatus.New, true)]
    [InlineData(SignalStatus.PickedUp, true)]
    [InlineData(SignalStatus.Referred, false)]
    [InlineData(SignalStatus.Closed, false)]
    public void IsOpen_Status_OnlyBeforeReferralOrClosing(SignalStatus status, bool open)
    {
        Assert.Equal(open, status.IsOpen());
    }

    [Fact]
    public void Deadline_Eropaf_IsExactlyFourHoursAfterReport()
    {
        Assert.Equal(ReportedAt + TimeSpan.FromHours(4), Eropaf().Deadline);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 13, 30, 0, TimeSpan.Zero), Eropaf().Deadline);
    }

    [Fact]
    public void Deadline_AcrossDaylightSavingChange_IsFourRealHours()
    {
        // 29 March 2026, 01:00 UTC: Amsterdam jumps from 02:00 to 03:00.
        var reported = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(1));

        var signal = Report(urgency: Urgency.Eropaf, at: reported).Value;

        Assert.Equal(TimeSpan.FromHours(4), signal.Deadline - reported);
    }

    [Fact]
    public void Deadline_NormalUrgency_IsNone()
    {
        Assert.Null(Report(urgency: Urgency.Normal).Value.Deadline);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    [InlineData(239)]
    [InlineData(240)]
    public void EropafStateAt_StillNewUpToDeadline_IsPending(int minutes)
    {
        Assert.Equal(EropafState.Pending, Eropaf().EropafStateAt(ReportedAt.AddMinutes(minutes)));
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(1000)]
    [InlineData(60 * 24 * 7 * 1000)]
    public void EropafStateAt_StillNewAfterDeadline_IsMissed(double millisecondsLate)
    {
        var signal = Eropaf();

        Assert.Equal(EropafState.Missed, signal.EropafStateAt(signal.Deadline!.Value.AddMilliseconds(millisecondsLate)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(120)]
    [InlineData(240)]
    public void EropafStateAt_PickedUpInTime_IsMetEvenLongAfter(int minutes)
    {
        var picked = Eropaf().MoveTo(SignalStatus.PickedUp, ReportedAt.AddMinutes(minutes)).Value;

        Assert.Equal(EropafState.Met, picked.EropafStateAt(ReportedAt.AddMinutes(minutes)));
        Assert.Equal(EropafState.Met, picked.EropafStateAt(ReportedAt.AddDays(10)));
    }

    [Theory]
    [InlineData(241)]
    [InlineData(60 * 24)]
    public void EropafStateAt_PickedUpLate_IsMissed(int minutes)
    {
        var picked = Eropaf().MoveTo(SignalStatus.PickedUp, ReportedAt.AddMinutes(minutes)).Value;

        Assert.Equal(EropafState.Missed, picked.EropafStateAt(ReportedAt.AddMinutes(minutes)));
    }

    [Fact]
    public void EropafStateAt_PickedUpOneTickLate_IsMissed()
    {
        var signal = Eropaf();

        var picked = signal.MoveTo(SignalStatus.PickedUp, signal.Deadline!.Value.AddTicks(1)).Value;

        Assert.Equal(EropafState.Missed, picked.EropafStateAt(signal.Deadline!.Value.AddTicks(1)));
    }

    [Fact]
    public void EropafStateAt_PickedUpInTimeThenClosed_StaysMet()
    {
        var closed = Eropaf()
            .MoveTo(SignalStatus.PickedUp, ReportedAt.AddHours(2)).Value
            .MoveTo(SignalStatus.Closed, ReportedAt.AddDays(5)).Value;

        Assert.Equal(EropafState.Met, closed.EropafStateAt(ReportedAt.AddDays(6)));
    }

    [Fact]
    public void EropafStateAt_PickedUpLateThenReferred_StaysMissed()
    {
        var referred = Eropaf()
            .MoveTo(SignalStatus.PickedUp, ReportedAt.AddHours(5)).Value
            .MoveTo(SignalStatus.Referred, ReportedAt.AddHours(6)).Value;

        Assert.Equal(EropafState.Missed, referred.EropafStateAt(ReportedAt.AddHours(6)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(500)]
    public void EropafStateAt_NormalUrgency_IsNotApplicable(int hours)
    {
        var signal = Report(urgency: Urgency.Normal).Value;

        Assert.Equal(EropafState.NotApplicable, signal.EropafStateAt(ReportedAt.AddHours(hours)));
        Assert.Equal(EropafState.NotApplicable, signal.MoveTo(SignalStatus.PickedUp, ReportedAt.AddHours(hours)).Value.EropafStateAt(ReportedAt.AddHours(hours)));
    }

    [Fact]
    public void EropafStateAt_ReportedInLocalTime_UsesTheSameInstant()
    {
        var local = new DateTimeOffset(2026, 3, 14, 10, 30, 0, TimeSpan.FromHours(1));
        var signal = Report(urgency: Urgency.Eropaf, at: local).Value;

        Assert.Equal(EropafState.Pending, signal.EropafStateAt(new DateTimeOffset(2026, 3, 14, 14, 30, 0, TimeSpan.FromHours(1))));
        Assert.Equal(EropafState.Missed, signal.EropafStateAt(new DateTimeOffset(2026, 3, 14, 13, 31, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Report_OtherSourceWithoutDescription_IsRefused(string? description)
    {
        ParsedAssert.Invalid(Report(source: SignalSource.Other, sourceOther: description), "bron", TextId.SignalOtherSourceRequired);
    }

    [Fact]
    public void Report_OtherSourceWithDescription_KeepsTrimmedDescription()
    {
        var signal = ParsedAssert.Valid(Report(source: SignalSource.Other, sourceOther: "  Kapper  "));

        Assert.Equal("Kapper", signal.SourceOther);
    }

    [Fact]
    public void Report_OtherSourceDescriptionOverLimit_IsTooLong()
    {
        ParsedAssert.Invalid(Report(source: SignalSource.Other, sourceOther: new string('k', Signal.MaxSourceOtherLength + 1)), "bron", TextId.TooLong);
        ParsedAssert.Valid(Report(source: SignalSource.Other, sourceOther: new string('k', Signal.MaxSourceOtherLength)));
    }

    [Theory]
    [InlineData(SignalSource.Pharmacy)]
    [InlineData(SignalSource.Police)]
    [InlineData(SignalSource.DebtEarlyWarning)]
    public void Report_NamedSourceWithLeftoverDescription_DropsIt(SignalSource source)
    {
        var signal = ParsedAssert.Valid(Report(source: source, sourceOther: "Kapper"));

        Assert.Equal(source, signal.Source);
        Assert.Equal("", signal.SourceOther);
    }

    [Fact]
    public void Report_NamedSourceWithLongLeftoverDescription_IsNotRefusedForIt()
    {
        // A form switched from "anders" to "apotheek" may still send the old text; it is dropped, not judged.
        var signal = ParsedAssert.Valid(Report(source: SignalSource.Pharmacy, sourceOther: new string('k', Signal.MaxSourceOtherLength + 1)));

        Assert.Equal("", signal.SourceOther);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Report_ConsentNotPossibleWithoutReason_IsRefused(string reason)
    {
        ParsedAssert.Invalid(Report(basis: ConsentBasis.NotPossible(reason)), "grondslag", TextId.ConsentReasonRequired);
    }

    [Fact]
    public void Report_ConsentNotPossibleWithReason_KeepsTrimmedReason()
    {
        var signal = ParsedAssert.Valid(Report(basis: ConsentBasis.NotPossible("  Niet thuis aangetroffen ")));

        Assert.False(signal.ConsentBasis.InConsultation);
        Assert.Equal("Niet thuis aangetroffen", signal.ConsentBasis.NotPossibleReason);
    }

    [Fact]
    public void Report_InConsultationWithResident_NeedsNoReason()
    {
        var signal = ParsedAssert.Valid(Report(basis: ConsentBasis.WithResident));

        Assert.True(signal.ConsentBasis.InConsultation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void Report_NoObservation_IsRequired(string? observation)
    {
        ParsedAssert.Invalid(Report(observation: observation), "observatie", TextId.FieldRequired);
    }

    [Fact]
    public void Report_ObservationOverLimit_IsTooLong()
    {
        var problem = ParsedAssert.Invalid(Report(observation: new string('o', Signal.MaxObservationLength + 1)), "observatie", TextId.TooLong);

        Assert.Equal([Signal.MaxObservationLength], problem.Args);
        ParsedAssert.Valid(Report(observation: new string('o', Signal.MaxObservationLength)));
    }
}
