using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Forms;

/// <summary>New or changed client details, checked by the same rules as the import.</summary>
public sealed class ClientFormScreen : FormScreen
{
    private readonly Client? _existing;
    private readonly Id<Client> _id;
    private readonly TextField _firstName, _prefix, _surname, _postcode, _houseNumber, _addition, _phone, _bsn;
    private readonly DateField _birthDate;
    private readonly TextArea _notes;

    private ClientFormScreen(WijkwerkApp app, Client? existing)
        : base(app, DraftKeys.ForClient(existing?.Id))
    {
        // An edit starts from the client as stored now, and remembers that as the base of the save.
        if (existing is not null && app.Store.Clients.OpenForEdit(existing.Id) is var (current, opened))
        {
            existing = current;
            OpenedState = opened.ToJson();
        }

        _existing = existing;
        _id = existing?.Id ?? Id<Client>.New(app.Clock);
        var input = existing is null ? null : ClientInput.From(existing);
        _firstName = Text("voornaam", TextId.FieldFirstName, PersonName.MaxPartLength, input?.FirstName ?? "");
        _prefix = Text("tussenvoegsel", TextId.FieldPrefix, 20, input?.SurnamePrefix ?? "");
        _surname = Text("achternaam", TextId.FieldSurname, PersonName.MaxPartLength, input?.Surname ?? "");
        _birthDate = Date("geboortedatum", TextId.FieldBirthDate, input?.BirthDate ?? "");
        _postcode = Text("postcode", TextId.FieldPostcode, 7, input?.Postcode ?? "");
        _houseNumber = Text("huisnummer", TextId.FieldHouseNumber, 5, input?.HouseNumber ?? "");
        _addition = Text("toevoeging", TextId.FieldAddition, Address.MaxAdditionLength, input?.Addition ?? "");
        _phone = Text("telefoon", TextId.FieldPhone, 20, input?.Phone ?? "");
        _bsn = Text("bsn", TextId.FieldBsn, 11, input?.Bsn ?? "");
        _notes = Area("notities", TextId.FieldNotes, 3, Client.MaxNotesLength, input?.Notes ?? "");
        Ready();
    }

    public override string Title => T(_existing is null ? TextId.UiNewClientTitle : TextId.UiEditClientTitle);

    protected override TextId SavedMessage => TextId.UiClientSaved;

    public static ClientFormScreen New(WijkwerkApp app) => WithDraft(new ClientFormScreen(app, null));

    public static ClientFormScreen Edit(WijkwerkApp app, Client client) => WithDraft(new ClientFormScreen(app, client));

    protected override IReadOnlyList<Problem> Check() => Validate().Problems;

    protected override void Store()
    {
        var client = Validate().Client!;
        if (_existing is null)
            App.Store.Clients.Add(client);
        else if (OpenedState is { } opened && OpenedRow.FromJson(opened) is { } row)
            App.Store.Clients.Update(client, row);
        else
            App.Store.Clients.Update(client);
    }

    private (Client? Client, IReadOnlyList<Problem> Problems) Validate() =>
        new ClientInput(_firstName.Text, _surname.Text, _birthDate.Text, _postcode.Text, _houseNumber.Text, _addition.Text, _phone.Text, _bsn.Text, _notes.Text, _prefix.Text)
            .Validate(_id, AmsterdamTime.Today(App.Clock));

    private static ClientFormScreen WithDraft(ClientFormScreen screen)
    {
        screen.RestoreDraft();
        return screen;
    }
}
