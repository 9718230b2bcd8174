using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>
/// A one-key step (a signal moved on, an advice submitted) chosen on a screen drawn before a sync brought in a
/// colleague's change: the step never saves the screen's older copy over that change.
/// </summary>
public class StaleStepTests
{
    [Fact]
    public void SignalMovedFromAScreenDrawnBeforeAPull_KeepsTheColleaguesObservation_AndQueuesOnlyTheStatus()
    {
        using var temp = new TempStore();
        var (sync, columns) = SyncedSignal(temp);
        var shown = Assert.Single(temp.Store.Signals.Open());
        ServerRows.Receive(temp, SignalTable, shown.Id.Value, Changed(columns, "observation", "Aangevuld door een collega."), version: 2);

        var moved = temp.Store.Signals.Move(shown, SignalStatus.PickedUp, temp.Clock.GetUtcNow());

        var stored = Assert.Single(temp.Store.Signals.Open());
        Assert.Equal(("Aangevuld door een collega.", SignalStatus.PickedUp), (stored.Observation, stored.Status));
        Assert.Equal((moved.Observation, moved.PickedUpAt), (stored.Observation, stored.PickedUpAt));
        var mutation = Assert.Single(sync.Pending(10)).Mutation;
        Assert.Equal(["picked_up_at", "status"], mutation.Columns.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, mutation.BaseVersion);
    }

    [Fact]
    public void SignalAColleagueMovedMeanwhile_IsRefusedSayingWhereItStands_AndNothingIsQueued()
    {
        using var temp = new TempStore();
        var (sync, columns) = SyncedSignal(temp);
        var shown = Assert.Single(temp.Store.Signals.Open());
        var theirs = shown.MoveTo(SignalStatus.PickedUp, temp.Clock.GetUtcNow()).Value;
        ServerRows.Receive(temp, SignalTable, shown.Id.Value, Changed(Changed(columns, "status", Texts(theirs)["status"]), "picked_up_at", Texts(theirs)["picked_up_at"]), version: 2);

        var refused = Assert.Throws<DomainException>(() => temp.Store.Signals.Move(shown, SignalStatus.PickedUp, temp.Clock.GetUtcNow()));

        Assert.Equal(TextId.SignalMovedMeanwhile, refused.Problem.Text);
        Assert.Contains("'opgepakt'", refused.Problem.Describe(Lang.Nl), StringComparison.Ordinal);
        Assert.Empty(sync.Pending(10));
        Assert.Equal(SignalStatus.PickedUp, Assert.Single(temp.Store.Signals.Open()).Status);
    }

    [Fact]
    public void SignalGoneBeforeTheStep_IsRefusedWithAMessage()
    {
        using var temp = new TempStore();
        var (sync, _) = SyncedSignal(temp);
        var shown = Assert.Single(temp.Store.Signals.Open());
        sync.Apply(new PullResponse([new RowChange(sync.Settings().Anchor + 1, SignalTable, shown.Id.Value, 2, true, false, DateTimeOffset.UnixEpoch, Guid.Empty, new Dictionary<string, string?>())],
            sync.Settings().Anchor + 1, false, 0, 0));

        var refused = Assert.Throws<DomainException>(() => temp.Store.Signals.Move(shown, SignalStatus.PickedUp, temp.Clock.GetUtcNow()));

        Assert.Equal(TextId.SignalGone, refused.Problem.Text);
        Assert.Empty(sync.Pending(10));
    }

    [Fact]
    public void AdviceSubmittedFromAScreenDrawnBeforeAPull_IsRefused_AndTheColleaguesChangeStays()
    {
        using var temp = new TempStore();
        var shown = AdviceAColleagueChangedAfterItWasShown(temp);

        var refused = Assert.Throws<DomainException>(() =>
            temp.Store.Advices.Step(shown.Id, a => a.Submit(AdviceSamples.Nurse, AdviceStates.StepTime, AdviceSamples.Today), shown: shown));

        Assert.Equal(TextId.AdviceChangedMeanwhile, refused.Problem.Text);
        var stored = temp.Store.Advices.Latest(shown.Id)!;
        Assert.Equal((AdviceStatus.Concept, "Wens aangevuld door een collega."), (stored.Status, stored.Content.ClientWishes));
        Assert.Empty(new LocalSync(temp.Store).Pending(10));
    }

    [Fact]
    public void AdviceStepTakenOnTheStoredAdvice_KeepsWhatAPullBroughtIn_AndQueuesOnlyTheStep()
    {
        using var temp = new TempStore();
        var shown = AdviceAColleagueChangedAfterItWasShown(temp);

        var submitted = temp.Store.Advices.Step(shown.Id, a => a.Submit(AdviceSamples.Nurse, AdviceStates.StepTime, AdviceSamples.Today));

        var stored = temp.Store.Advices.Latest(shown.Id)!;
        Assert.Equal(submitted, stored);
        Assert.Equal((AdviceStatus.Submitted, "Wens aangevuld door een collega."), (stored.Status, stored.Content.ClientWishes));
        var mutation = Assert.Single(new LocalSync(temp.Store).Pending(10)).Mutation;
        Assert.DoesNotContain("client_wishes", mutation.Columns.Keys);
        Assert.Equal(2, mutation.BaseVersion);
    }

    private const string SignalTable = "signals";

    /// <summary>A signal this laptop reported and the server took as version 1, and the values it pushed.</summary>
    private static (LocalSync Sync, IReadOnlyDictionary<string, string?> Columns) SyncedSignal(TempStore temp)
    {
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        var signal = Signal.Report(Id<Signal>.New(temp.Clock), client.Id, SignalSource.Neighbours, null, "Post stapelt zich op achter de deur.",
            [LifeDomain.SafeHome], Urgency.Normal, ConsentBasis.WithResident, null, temp.Clock.GetUtcNow()).Value;
        temp.Store.Signals.Add(signal);
        var sync = new LocalSync(temp.Store);
        var pending = sync.Pending(10);
        sync.Record(pending, new PushResponse(pending.Select(p => new MutationResult(p.Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, [])).ToList()));
        temp.Clock.Advance(TimeSpan.FromMinutes(20));
        return (sync, pending.Single(p => p.Mutation.Table == SignalTable).Mutation.Columns);
    }

    /// <summary>A draft advice as a screen showed it (version 1), after which a colleague's added wish came in with a sync.</summary>
    private static IndicationAdvice AdviceAColleagueChangedAfterItWasShown(TempStore temp)
    {
        var draft = AdviceSamples.Draft();
        ServerRows.Receive(temp, draft, version: 1, anchor: 1);
        var shown = temp.Store.Advices.Latest(draft.Id)!;
        ServerRows.Receive(temp, draft with { Content = draft.Content with { ClientWishes = "Wens aangevuld door een collega." } }, version: 2, anchor: 2);
        return shown;
    }

    private static Dictionary<string, string?> Texts(Signal signal)
    {
        var row = Wijkwerk.Core.Storage.Rows.SignalRows.ToRow(signal);
        return row.Columns.ToDictionary(c => c, row.Text, StringComparer.Ordinal);
    }

    private static Dictionary<string, string?> Changed(IReadOnlyDictionary<string, string?> columns, string column, string? value) =>
        new(columns, StringComparer.Ordinal) { [column] = value };
}
