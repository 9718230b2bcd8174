using System.Globalization;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>A client form open while a background pull lands: saving keeps what the pull brought in fields the person left alone.</summary>
public class StaleFormScreenTests
{
    [Fact]
    public void ClientFormSavedAfterAPullChangedThePhone_KeepsTheNewPhone_AndPushesOnlyTheTypedName()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        AcceptEverything(app.Store, version: 1);
        var client = app.TopAs<DossierScreen>().Dossier!.Client;
        app.Press('e').Press(KeyInput.End).Type("je");

        PullOnSecondConnection(app.Store, client, phone: "0687654321");
        app.Press(KeyInput.Ctrl('s'));

        var stored = app.Store.Clients.Search().Single(c => c.Id == client.Id);
        Assert.Equal((client.Name.FirstName + "je", "0687654321"), (stored.Name.FirstName, stored.Phone?.Value));
        var mutation = Assert.Single(new LocalSync(app.Store).Pending(10)).Mutation;
        Assert.Equal(["first_name"], mutation.Columns.Keys);
        Assert.Equal(1, mutation.ColumnBaseVersions!["first_name"]);
    }

    [Fact]
    public void DraftRestoredAfterACrashAndAPull_StillSavesOnlyWhatWasTyped_OnTheVersionTheFormWasOpenedOn()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        AcceptEverything(app.Store, version: 1);
        var client = app.TopAs<DossierScreen>().Dossier!.Client;
        app.Press('e').Press(KeyInput.End).Type("je");

        app.Restart();
        PullOnSecondConnection(app.Store, client, phone: "0611112222");
        app.TopAs<ClientFormScreen>();
        app.Press(KeyInput.Ctrl('s'));

        var stored = app.Store.Clients.Search().Single(c => c.Id == client.Id);
        Assert.Equal((client.Name.FirstName + "je", "0611112222"), (stored.Name.FirstName, stored.Phone?.Value));
        var mutation = Assert.Single(new LocalSync(app.Store).Pending(10)).Mutation;
        Assert.Equal(["first_name"], mutation.Columns.Keys);
        Assert.Equal((2L, 1L), (mutation.BaseVersion, mutation.ColumnBaseVersions!["first_name"]));
    }

    /// <summary>As if the server had taken every local change: the demo caseload becomes synced rows at <paramref name="version"/>.</summary>
    private static void AcceptEverything(LocalStore store, long version)
    {
        var sync = new LocalSync(store);
        for (var batch = sync.Pending(500); batch.Count > 0; batch = sync.Pending(500))
            sync.Record(batch, new PushResponse(batch.Select(p => new MutationResult(p.Mutation.MutationId, SyncProtocol.Results.Accepted, version, null, [])).ToList()));
    }

    /// <summary>A colleague's new phone number arrives through the background sync's own connection, as version 2.</summary>
    private static void PullOnSecondConnection(LocalStore store, Client c, string phone)
    {
        using var second = store.OpenAnother();
        new LocalSync(second).Apply(new PullResponse(
        [
            new RowChange(2, "clients", c.Id.Value, 2, false, false, DateTimeOffset.UnixEpoch, Guid.Empty, new Dictionary<string, string?>
            {
                ["first_name"] = c.Name.FirstName, ["surname_prefix"] = c.Name.Prefix, ["surname"] = c.Name.Surname,
                ["birth_date"] = c.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["postcode"] = c.Address.Postcode.Value,
                ["house_number"] = c.Address.HouseNumber.ToString(CultureInfo.InvariantCulture), ["addition"] = c.Address.Addition,
                ["phone"] = phone, ["bsn"] = c.Bsn?.Digits ?? "", ["notes"] = c.Notes,
            }),
        ], 2, false, 0, 0));
    }
}
