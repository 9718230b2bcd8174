using System.Text;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>
/// Issue 14 on the laptop: pauses and escalations kept under the same rules as the server, sealed, queued and logged;
/// a lift or extension is a step beside the pause, and home's reminders come from plain columns a week before the end.
/// </summary>
public class PauseRepositoryTests
{
    private static DateOnly TodayOf(TempStore temp) => AmsterdamTime.Today(temp.Clock);

    private static Pause PauseOf(TempStore temp, Id<Client> client, DateOnly endsOn) => new(
        Id<Pause>.New(temp.Clock), client, "Stopzetten bijstandsuitkering", "Werk en Inkomen", "Handhaving (synthetisch)",
        "Cliënt komt niet naar afspraken; eerst uitzoeken waarom", TodayOf(temp), endsOn, TempStore.Identity.WorkerId);

    private static Escalation EscalationOf(TempStore temp, Id<Client> client, EscalationLevel level) => new(
        Id<Escalation>.New(temp.Clock), client, level, "Toeslag stopgezet door spookbewoner", "Bezwaar ingediend, twee keer gebeld",
        "Belastingdienst/Toeslagen", TodayOf(temp), TodayOf(temp).AddDays(14), TempStore.Identity.WorkerId, "spookbewoning");

    [Fact]
    public void Record_StoresSealedWithOutboxAndAudit_AndReadsBackAfterReopen()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        var pause = PauseOf(temp, client.Id, TodayOf(temp).AddDays(20));
        var (outbox, audit) = (temp.OutboxRows(), temp.AuditEvents());

        temp.Store.Pauses.Record(pause);

        Assert.Equal(outbox + 1, temp.OutboxRows());
        Assert.Equal(audit + 1, temp.AuditEvents());
        temp.Reopen();
        Assert.Equal(pause, Assert.Single(temp.Store.Pauses.ForClient(client.Id)).Current);
        temp.Close();
        var bytes = File.ReadAllBytes(temp.PathToStore).Concat(File.Exists(temp.PathToStore + "-wal") ? File.ReadAllBytes(temp.PathToStore + "-wal") : []).ToArray();
        Assert.DoesNotContain("Stopzetten bijstandsuitkering", Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain("eerst uitzoeken", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void AnEndBeyondTheMaximumOrInThePast_IsRefusedInDutch_AndNothingIsStored()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        var outbox = temp.OutboxRows();

        var beyond = Assert.Throws<DomainException>(() => temp.Store.Pauses.Record(PauseOf(temp, client.Id, TodayOf(temp).AddDays(57))));
        var past = Assert.Throws<DomainException>(() => temp.Store.Pauses.Record(PauseOf(temp, client.Id, TodayOf(temp).AddDays(-1))));

        Assert.Equal(TextId.PauseEndBeyondMaximum, beyond.Problem.Text);
        Assert.StartsWith("ligt na het maximum van 8 weken", beyond.Problem.Describe(Lang.Nl), StringComparison.Ordinal);
        Assert.Equal(TextId.PauseEndInPast, past.Problem.Text);
        Assert.Empty(temp.Store.Pauses.ForClient(client.Id));
        Assert.Equal(outbox, temp.OutboxRows());
    }

    [Fact]
    public void TheAdminsMaximum_ComesWithTheReferenceData()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Reference.Replace(new ReferenceData(4) { PauseMaxWeeks = 2 });

        Assert.Equal(2, temp.Store.Pauses.Settings.MaximumWeeks);
        Assert.Throws<DomainException>(() => temp.Store.Pauses.Record(PauseOf(temp, client.Id, TodayOf(temp).AddDays(15))));
        temp.Store.Pauses.Record(PauseOf(temp, client.Id, TodayOf(temp).AddDays(14)));
    }

    [Fact]
    public void LiftAndExtend_NeedAReason_AndAreKeptAsStepsBesideThePause()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        var pause = PauseOf(temp, client.Id, TodayOf(temp).AddDays(10));
        temp.Store.Pauses.Record(pause);

        Assert.Equal(TextId.FieldRequired, Assert.Throws<DomainException>(() => temp.Store.Pauses.Lift(pause.Id, "  ")).Problem.Text);
        Assert.Equal(TextId.FieldRequired, Assert.Throws<DomainException>(() => temp.Store.Pauses.Extend(pause.Id, TodayOf(temp).AddDays(20), "")).Problem.Text);
        temp.Clock.Advance(TimeSpan.FromMinutes(1));
        temp.Store.Pauses.Extend(pause.Id, TodayOf(temp).AddDays(30), "Gesprek met de huisarts pas over drie weken");
        temp.Clock.Advance(TimeSpan.FromMinutes(1));
        temp.Store.Pauses.Lift(pause.Id, "Het bleek pleinvrees, geen fraude");

        var record = temp.Store.Pauses.Get(pause.Id)!;
        Assert.Equal(pause, record.Recorded);
        Assert.Equal([PauseStepKind.Extend, PauseStepKind.Lift], record.Steps.Select(s => s.Kind));
        Assert.Equal(TodayOf(temp).AddDays(30), record.Current.EndsOn);
        Assert.Equal(PauseState.Lifted, record.Current.StateOn(TodayOf(temp)));
        Assert.Equal("Het bleek pleinvrees, geen fraude", record.Current.LiftReason);
        Assert.Equal(TextId.PauseNotHolding, Assert.Throws<DomainException>(() => temp.Store.Pauses.Lift(pause.Id, "nogmaals")).Problem.Text);
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void HomesReminder_AppearsAWeekBeforeTheEnd_NotEightDaysBefore(int daysBefore, bool reminded)
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        var ends = TodayOf(temp).AddDays(20);
        temp.Store.Pauses.Record(PauseOf(temp, client.Id, ends));

        temp.Clock.Advance(TimeSpan.FromDays(20 - daysBefore));

        var reminders = temp.Store.Pauses.Reminders();
        Assert.Equal(reminded, reminders.Count == 1);
        if (reminded)
            Assert.Equal((PauseState.EndingSoon, ends, "Werk en Inkomen"), (reminders[0].State, reminders[0].EndsOn, reminders[0].Department));
    }

    [Fact]
    public void HomesReminder_FollowsTheExtension_SaysWhenThePauseEndedUnlifted_AndStopsOnceLifted()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        var pause = PauseOf(temp, client.Id, TodayOf(temp).AddDays(3));
        temp.Store.Pauses.Record(pause);
        Assert.Equal(PauseState.EndingSoon, Assert.Single(temp.Store.Pauses.Reminders()).State);

        temp.Store.Pauses.Extend(pause.Id, TodayOf(temp).AddDays(20), "Wachten op de huisarts");
        Assert.Empty(temp.Store.Pauses.Reminders());

        temp.Clock.Advance(TimeSpan.FromDays(21));
        Assert.Equal((PauseState.Ended, TodayOf(temp).AddDays(-1)), (Assert.Single(temp.Store.Pauses.Reminders()).State, Assert.Single(temp.Store.Pauses.Reminders()).EndsOn));

        var second = PauseOf(temp, client.Id, TodayOf(temp).AddDays(2));
        temp.Store.Pauses.Record(second);
        temp.Store.Pauses.Lift(second.Id, "Opgelost");
        Assert.DoesNotContain(temp.Store.Pauses.Reminders(), r => r.PauseId == second.Id);
    }

    [Fact]
    public void Escalation_GoesUpOneLevelAtATime_ClosesWithItsOutcome_AndHomeCountsDueFollowUps()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        var skipping = Assert.Throws<DomainException>(() => temp.Store.Escalations.Raise(EscalationOf(temp, client.Id, EscalationLevel.Maatwerkloket)));
        Assert.Equal(TextId.EscalationSkipsALevel, skipping.Problem.Text);

        var caseTeam = EscalationOf(temp, client.Id, EscalationLevel.CaseTeam);
        temp.Store.Escalations.Raise(caseTeam);
        Assert.Equal(EscalationLevel.Maatwerkloket, temp.Store.Escalations.NextLevel(client.Id));
        Assert.Equal(0, temp.Store.Escalations.CountFollowUpDue());
        temp.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal(1, temp.Store.Escalations.CountFollowUpDue());

        Assert.Equal(TextId.FieldRequired, Assert.Throws<DomainException>(() => temp.Store.Escalations.Close(caseTeam.Id, " ")).Problem.Text);
        temp.Store.Escalations.Close(caseTeam.Id, "Betalingsregeling getroffen");

        var closed = temp.Store.Escalations.Get(caseTeam.Id)!;
        Assert.Equal((TodayOf(temp), "Betalingsregeling getroffen"), (closed.ClosedOn!.Value, closed.Outcome));
        Assert.Equal(0, temp.Store.Escalations.CountFollowUpDue());
        Assert.Equal(EscalationLevel.CaseTeam, temp.Store.Escalations.NextLevel(client.Id));
    }
}
