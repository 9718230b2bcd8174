using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Localization;
using Wijkwerk.Demo;
using Wijkwerk.Tui.Screens.Clients;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// A team leader's laptop: the demo caseload, her mandate, the cost table and the demo's mandate decisions in every
/// state (the same data as <c>wijkwerk demo --role teamleader</c>), on the harness's fixed clock.
/// </summary>
public sealed class TeamLeaderDesk : IDisposable
{
    public TeamLeaderDesk(int width = 80, int height = 24, bool withDecisions = true, Lang lang = Lang.Nl)
    {
        App = new AppHarness(width, height, lang, identity: DemoMandates.DemoTeamLeader);
        if (withDecisions)
            DemoMandates.Fill(App.Store);
        else
            DemoMandates.GiveReference(App.Store, [DemoMandates.ValidMandate(App.Store.Identity.WorkerId, Today)], DemoMandates.CostTables(Today));
        // Opened again on the filled store, as the demo command does: home reads it from the start.
        App.Restart();
    }

    public AppHarness App { get; }

    public DateOnly Today => AmsterdamTime.Today(App.Clock);

    /// <summary>A demo client without a mandate decision: the first six carry the demo's.</summary>
    public Client FreeClient => App.Store.Clients.Search().OrderBy(c => c.Name.SortForm, PersonName.DutchOrder)
        .First(c => App.Store.MandateDecisions.ForClient(c.Id).Count == 0);

    public IReadOnlyList<MandateDecision> Decisions => App.Store.MandateDecisions.All();

    /// <summary>Opens a client's dossier by keys, from the client list, as a person does.</summary>
    public DossierScreen OpenDossier(Id<Client> client)
    {
        App.Press('c');
        var index = App.TopAs<ClientsScreen>().Visible.ToList().FindIndex(c => c.Id == client);
        for (var i = 0; i < index; i++)
            App.Press(KeyInput.Down);
        App.Press(KeyInput.Enter);
        return App.TopAs<DossierScreen>();
    }

    public void Dispose() => App.Dispose();
}
