using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>A form opened before a pull and saved after it: only what the person changed, against the version they saw.</summary>
public class StaleFormTests
{
    [Fact]
    public void SaveAfterAPullChangedAnotherField_KeepsThePulledValue_AndQueuesOnlyTheTypedFieldOnTheOpenedVersion()
    {
        using var temp = new TempStore();
        var (sync, client) = Synced(temp, version: 1);
        var (shown, opened) = temp.Store.Clients.OpenForEdit(client.Id)!.Value;

        sync.Apply(Page(2, ServerClient(client, 2, phone: "0687654321", notes: "")));
        temp.Store.Clients.Update(shown with { Notes = "Getypt in het formulier" }, opened);

        var stored = Assert.Single(temp.Store.Clients.Search());
        Assert.Equal(("Getypt in het formulier", "0687654321"), (stored.Notes, stored.Phone?.Value));
        var mutation = Assert.Single(sync.Pending(10)).Mutation;
        Assert.Equal(["notes"], mutation.Columns.Keys);
        Assert.Equal(2, mutation.BaseVersion);
        Assert.Equal(new Dictionary<string, long> { ["notes"] = 1 }, mutation.ColumnBaseVersions);
    }

    [Fact]
    public void DraftRestoredDaysLater_TheOpenedRowTravelsInIt_AndAnUntouchedFieldIsNotPushed()
    {
        using var temp = new TempStore();
        var (sync, client) = Synced(temp, version: 3);
        var (shown, opened) = temp.Store.Clients.OpenForEdit(client.Id)!.Value;
        var draft = opened.ToJson();
        temp.Reopen();
        sync = new LocalSync(temp.Store);
        sync.Apply(Page(9, ServerClient(client, 7, phone: "0611112222", notes: "van een collega")));

        var restored = OpenedRow.FromJson(draft)!;
        temp.Store.Clients.Update(shown with { Name = PersonName.Create("Annie", shown.Name.Prefix, shown.Name.Surname).Value }, restored);

        var stored = Assert.Single(temp.Store.Clients.Search());
        Assert.Equal(("Annie", "0611112222", "van een collega"), (stored.Name.FirstName, stored.Phone?.Value, stored.Notes));
        var mutation = Assert.Single(sync.Pending(10)).Mutation;
        Assert.Equal(["first_name"], mutation.Columns.Keys);
        Assert.Equal((7L, 3L), (mutation.BaseVersion, mutation.ColumnBaseVersions!["first_name"]));
    }

    [Fact]
    public void EditMadeOnTheCurrentVersion_SendsNoColumnBases()
    {
        using var temp = new TempStore();
        var (sync, _) = Synced(temp, version: 4);

        temp.Store.Clients.Update(temp.Store.Clients.Search().Single() with { Notes = "nu" });

        var mutation = Assert.Single(sync.Pending(10)).Mutation;
        Assert.Equal(4, mutation.BaseVersion);
        Assert.Null(mutation.ColumnBaseVersions);
        Assert.Equal(4, temp.Count("SELECT base_version FROM outbox"));
    }

    [Fact]
    public void AdviceFormSavedAfterAColleaguesEditArrived_KeepsTheirField_AndChecksTheRulesOnTheResult()
    {
        using var temp = new TempStore();
        var draft = AdviceSamples.Draft();
        ServerRows.Receive(temp, draft, version: 1, anchor: 1);
        var (shown, opened) = temp.Store.Advices.OpenForEdit(draft.Id)!.Value;
        ServerRows.Receive(temp, draft with { Content = draft.Content with { ClientWishes = "Wens aangevuld door een collega." } }, version: 2, anchor: 2);

        var typed = shown.Edit(AdviceSamples.Nurse, shown.Content with { Rationale = "Onderbouwing herschreven." }, temp.Store.Advices.Today).Value;
        temp.Store.Advices.Save(typed, opened);

        var stored = temp.Store.Advices.Latest(draft.Id)!;
        Assert.Equal(("Onderbouwing herschreven.", "Wens aangevuld door een collega."), (stored.Content.Rationale, stored.Content.ClientWishes));
        var mutation = Assert.Single(new LocalSync(temp.Store).Pending(10)).Mutation;
        Assert.Equal(["rationale"], mutation.Columns.Keys);
        Assert.Equal(new Dictionary<string, long> { ["rationale"] = 1 }, mutation.ColumnBaseVersions);
    }

    private static (LocalSync Sync, Client Client) Synced(TempStore temp, long version)
    {
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        var sync = new LocalSync(temp.Store);
        var pending = sync.Pending(10);
        sync.Record(pending, new PushResponse([new MutationResult(pending[0].Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, [])]));
        // Later writes elsewhere left the values as they are: the pull brings the row at the version asked for.
        if (version > 1)
            sync.Apply(Page(version, ServerClient(client, version, phone: client.Phone?.Value ?? "", notes: client.Notes)));
        return (sync, client);
    }

    private static RowChange ServerClient(Client c, long version, string phone, string notes) =>
        new(version, "clients", c.Id.Value, version, false, false, DateTimeOffset.UnixEpoch, Guid.Empty, new Dictionary<string, string?>
        {
            ["first_name"] = c.Name.FirstName, ["surname_prefix"] = c.Name.Prefix, ["surname"] = c.Name.Surname,
            ["birth_date"] = c.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["postcode"] = c.Address.Postcode.Value, ["house_number"] = c.Address.HouseNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["addition"] = c.Address.Addition, ["phone"] = phone, ["bsn"] = c.Bsn?.Digits ?? "", ["notes"] = notes,
        });

    private static PullResponse Page(long anchor, params RowChange[] changes) => new(changes, anchor, false, 0, 0);
}
