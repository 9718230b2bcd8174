using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Forms;

/// <summary>A new signal about a resident: who noticed what, how urgent, on what basis.</summary>
public sealed class SignalFormScreen : FormScreen
{
    private readonly Id<Client> _clientId;
    private readonly Id<Signal> _id;
    private readonly SelectField<SignalSource> _source;
    private readonly TextField _sourceOther;
    private readonly TextArea _observation;
    private readonly MultiSelectField<LifeDomain> _domains;
    private readonly SelectField<Urgency> _urgency;
    private readonly Checkbox _inConsultation;
    private readonly TextField _reason;
    private readonly Checkbox _assignToMe;
    private readonly TagField _bottleneck;

    private SignalFormScreen(WijkwerkApp app, Id<Client> clientId)
        : base(app, DraftKeys.ForSignal(clientId))
    {
        _clientId = clientId;
        _id = Id<Signal>.New(app.Clock);
        string Name(Enum e) => EnumTexts.Name(e, app.Lang);
        _source = Select("bron", TextId.FieldSource, Enum.GetValues<SignalSource>(), s => Name(s));
        _sourceOther = Text("bron_anders", TextId.FieldSourceOther, Signal.MaxSourceOtherLength);
        _observation = Area("observatie", TextId.FieldObservation, 4, Signal.MaxObservationLength);
        _domains = Multi("levensdomeinen", TextId.FieldLifeDomains, Enum.GetValues<LifeDomain>(), d => Name(d));
        _urgency = Select("urgentie", TextId.FieldUrgency, Enum.GetValues<Urgency>(), u => Name(u));
        _inConsultation = Check("overleg", TextId.FieldInConsultation, true);
        _reason = Text("grondslag", TextId.FieldNotPossibleReason, ConsentBasis.MaxReasonLength);
        _assignToMe = Check("toewijzen", TextId.FieldAssignToMe, true);
        _bottleneck = Tag("knelpunt", TextId.FieldBottleneckTag, MandateDecision.MaxShortLength);
        Ready();
    }

    public override string Title => T(TextId.UiNewSignalTitle);

    protected override TextId SavedMessage => TextId.UiSignalSaved;

    public static SignalFormScreen New(WijkwerkApp app, Id<Client> clientId)
    {
        var screen = new SignalFormScreen(app, clientId);
        screen.RestoreDraft();
        return screen;
    }

    protected override IReadOnlyList<Problem> Check()
    {
        var report = Report();
        return report.IsValid ? [] : [report.Problem];
    }

    protected override void Store() => App.Store.Signals.Add(Report().Value with { BottleneckTag = _bottleneck.Text.Trim() });

    private Parsed<Signal> Report() => Signal.Report(
        _id,
        _clientId,
        _source.SelectedValue,
        _sourceOther.Text,
        _observation.Text,
        _domains.SelectedValues,
        _urgency.SelectedValue,
        _inConsultation.Checked ? ConsentBasis.WithResident : ConsentBasis.NotPossible(_reason.Text),
        _assignToMe.Checked ? App.Store.Identity.WorkerId : null,
        App.Clock.GetUtcNow());
}
