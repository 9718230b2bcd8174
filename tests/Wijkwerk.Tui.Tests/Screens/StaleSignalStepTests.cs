using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// The dossier stays on screen while a sync brings in a colleague's change to a signal; a step the worker then
/// takes on that signal never saves the older copy the screen holds.
/// </summary>
public class StaleSignalStepTests
{
    private const string Colleagues = "Aangevuld door een collega: de dochter komt zaterdag langs.";

    [Fact]
    public void PickingUpASignal_AfterASyncBroughtInAColleaguesObservation_KeepsThatObservation()
    {
        using var app = new AppHarness(80, 40);
        var (signal, columns) = SyncedSignal(app);
        OpenDossier(app);
        Receive(app, signal, new Dictionary<string, string?>(columns) { ["observation"] = Colleagues });

        app.Press('o').Press('j');

        var stored = app.Store.Signals.Open().Single(s => s.Id == signal.Id);
        Assert.Equal((Colleagues, SignalStatus.PickedUp), (stored.Observation, stored.Status));
        Assert.Contains("Signaal is nu: opgepakt.", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void PickingUpASignal_AColleagueAlreadyPickedUp_SaysSo_AndTheScreenShowsWhereItStands()
    {
        using var app = new AppHarness(80, 40);
        var (signal, columns) = SyncedSignal(app);
        OpenDossier(app);
        var theirs = new Dictionary<string, string?>(columns) { ["status"] = "PickedUp", ["picked_up_at"] = "2026-03-14T09:45:00.0000000Z" };
        Receive(app, signal, theirs);

        app.Press('o').Press('j');

        var screen = app.Screen();
        Assert.Contains("dit signaal is intussen op 'opgepakt' gezet", screen, StringComparison.Ordinal);
        Assert.Contains("Signaal [opgepakt]", screen, StringComparison.Ordinal);
        Assert.DoesNotContain(new LocalSync(app.Store).Pending(10_000), p => p.Mutation.RowId == signal.Id.Value);
    }

    /// <summary>A signal reported on this laptop that the server took as version 1, and the values it pushed.</summary>
    private static (Signal Signal, IReadOnlyDictionary<string, string?> Columns) SyncedSignal(AppHarness app)
    {
        var (client, problems) = new ClientInput("Noa", "Qwispel", "1931-02-03", "4850 QX", "1", "", "", "")
            .Validate(Id<Client>.New(app.Clock), DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));
        Assert.Empty(problems);
        app.Store.Clients.Add(client!);
        var signal = Signal.Report(Id<Signal>.New(app.Clock), client!.Id, SignalSource.Neighbours, null, "Post stapelt zich op achter de deur.",
            [LifeDomain.SafeHome], Urgency.Normal, ConsentBasis.WithResident, null, app.Clock.GetUtcNow()).Value;
        app.Store.Signals.Add(signal);
        var sync = new LocalSync(app.Store);
        var pushed = sync.Pending(10_000).Single(p => p.Mutation.RowId == signal.Id.Value);
        sync.Record([pushed], new PushResponse([new MutationResult(pushed.Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, [])]));
        return (signal, pushed.Mutation.Columns);
    }

    private static void Receive(AppHarness app, Signal signal, IReadOnlyDictionary<string, string?> columns)
    {
        var sync = new LocalSync(app.Store);
        var at = sync.Settings().Anchor + 1;
        sync.Apply(new PullResponse([new RowChange(at, "signals", signal.Id.Value, 2, false, false, app.Clock.GetUtcNow(), Guid.CreateVersion7(), columns)], at, false, 0, 0));
    }

    private static void OpenDossier(AppHarness app)
    {
        app.Press('c').Press('/').Type("Noa Qwispel 03-02-1931").Press(KeyInput.Enter, KeyInput.Enter);
        app.TopAs<DossierScreen>();
    }
}
