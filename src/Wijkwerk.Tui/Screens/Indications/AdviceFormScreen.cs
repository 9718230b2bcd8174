using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;
using ClientDossier = Wijkwerk.Core.Domain.Clients.Dossier;

namespace Wijkwerk.Tui.Screens.Indications;

/// <summary>
/// The Wmo advice in the order of the kitchen-table conversation: what the client wants and what they
/// were told of their rights, what is there already, why support is needed, and what is advised. The
/// fields that usually keep their defaults come last, so Ctrl+D (store and submit) or Ctrl+S (keep as
/// a concept) can be pressed before ever reaching them.
/// </summary>
public sealed class AdviceFormScreen : FormScreen
{
    private readonly Id<Client> _clientId;
    private readonly Id<IndicationAdvice> _id;
    private readonly bool _isNew;
    private readonly AdviceStatus _status;
    private readonly IndicationAdvice? _opened;
    private readonly ZrmAssessment? _zrm;
    private readonly string _about;
    private readonly TextArea _wishes, _alternatives, _rationale;
    private readonly Checkbox _clientSupport, _personalPlan;
    private readonly SelectField<ProductCategory> _category;
    private readonly TextField _amount, _duration, _productCode, _consentNote;
    private readonly SelectField<VolumeUnit> _unit;
    private readonly SelectField<VolumeFrequency> _frequency;
    private readonly DateField _start, _melding, _aanvraag;
    private readonly SelectField<LegalBasis> _legalBasis;
    private readonly SelectField<ConsentStatus> _consent;
    private readonly TagField _bottleneck;
    private bool _volumeChosen;
    private bool _settingVolume;

    private AdviceFormScreen(WijkwerkApp app, ClientDossier dossier, IndicationAdvice? existing)
        : base(app, existing is null ? DraftKeys.ForNewAdvice(dossier.Client.Id) : DraftKeys.ForAdvice(existing.Id))
    {
        // An edit starts from the advice as stored now, and remembers that as the base of the save.
        if (existing is not null && app.Store.Advices.OpenForEdit(existing.Id) is var (current, opened))
        {
            existing = current;
            OpenedState = opened.ToJson();
        }

        _clientId = dossier.Client.Id;
        _isNew = existing is null;
        _status = existing?.Status ?? AdviceStatus.Concept;
        _opened = existing;
        _id = existing?.Id ?? Id<IndicationAdvice>.New(app.Clock);
        _zrm = existing is null ? AdviceZrmText.LatestScoredVisit(dossier.Visits)?.Zrm : existing.Content.Zrm;
        _about = T(TextId.UiAdviceClient, dossier.Client.Name.Full) + " · " + AdviceZrmText.Line(_zrm, dossier.Visits, app.Lang);
        var input = existing is null ? Defaults(app.Store.Advices.Today) : AdviceInput.From(existing.Content);
        string Name(Enum e) => EnumTexts.Name(e, app.Lang);

        _wishes = Area("wens van de cliënt", TextId.AdviceFieldWishes, 2, AdviceContent.MaxTextLength, input.ClientWishes ?? "");
        _clientSupport = Check("cliëntondersteuning", TextId.AdviceFieldClientSupport, input.ClientSupportOffered);
        _personalPlan = Check("persoonlijk plan", TextId.AdviceFieldPersonalPlan, input.PersonalPlanOffered);
        _alternatives = Area("voorliggende voorzieningen", TextId.AdviceFieldAlternatives, 2, AdviceContent.MaxTextLength, input.AlternativesConsidered ?? "");
        _rationale = Area("onderbouwing", TextId.AdviceFieldRationale, 3, AdviceContent.MaxTextLength, input.Rationale ?? "");
        _category = Coded("productcategorie", TextId.AdviceFieldCategory, Enum.GetValues<ProductCategory>(), c => Name(c), c => c.Code(), input.Category);
        _amount = Text("omvang", TextId.AdviceFieldAmount, 15, input.Amount ?? "");
        _unit = Coded("eenheid", TextId.AdviceFieldUnit, Enum.GetValues<VolumeUnit>(), u => Name(u), u => u.Code(), input.Unit);
        _frequency = Coded("frequentie", TextId.AdviceFieldFrequency, Enum.GetValues<VolumeFrequency>(), f => $"{f.Code()} {Name(f)}", f => f.Code(), input.Frequency);
        _start = Date("startdatum", TextId.AdviceFieldStart, input.Start ?? "");
        _duration = Text("duur", TextId.AdviceFieldDuration, 3, input.DurationMonths ?? "");
        // Longer than the rule allows, so a code typed too long is explained rather than silently cut.
        _productCode = Text("productcode", TextId.AdviceFieldProductCode, 2 * Provision.MaxProductCodeLength, input.ProductCode ?? "");
        _melding = Date("meldingsdatum", TextId.AdviceFieldMelding, input.MeldingDate ?? "");
        _aanvraag = Date("aanvraagdatum", TextId.AdviceFieldAanvraag, input.AanvraagDate ?? "");
        _legalBasis = Select("grondslag", TextId.AdviceFieldLegalBasis, Enum.GetValues<LegalBasis>(), b => Name(b), Array.IndexOf(Enum.GetValues<LegalBasis>(), input.LegalBasis));
        _consent = Select("toestemming", TextId.AdviceFieldConsent, Enum.GetValues<ConsentStatus>(), c => Name(c), Array.IndexOf(Enum.GetValues<ConsentStatus>(), input.Consent));
        _consentNote = Text("toelichting toestemming", TextId.AdviceFieldConsentNote, AdviceContent.MaxTextLength, input.ConsentNote ?? "");
        _bottleneck = Tag("knelpunt", TextId.FieldBottleneckTag, MandateDecision.MaxShortLength, existing?.BottleneckTag ?? "");

        _volumeChosen = !_isNew;
        _category.Changed += FitVolumeToCategory;
        _unit.Changed += _ => _volumeChosen |= !_settingVolume;
        _frequency.Changed += _ => _volumeChosen |= !_settingVolume;
        Command("submit", TextId.CmdSaveAndSubmit, [KeyInput.Ctrl('d')], () => Save(() => Store(submit: true), TextId.UiAdviceSubmitted, T(TextId.UiAdviceSubmitQuestion)), CanSubmit);
        Ready();
    }

    public override string Title => T(_isNew ? TextId.UiAdviceNewTitle : TextId.UiAdviceEditTitle);

    public Id<IndicationAdvice> AdviceId => _id;

    protected override IReadOnlyList<string> InfoLines => [_about];

    protected override TextId SavedMessage => TextId.UiAdviceSaved;

    public static AdviceFormScreen New(WijkwerkApp app, ClientDossier dossier) => WithDraft(new AdviceFormScreen(app, dossier, null));

    public static AdviceFormScreen Edit(WijkwerkApp app, ClientDossier dossier, IndicationAdvice advice) => WithDraft(new AdviceFormScreen(app, dossier, advice));

    /// <summary>
    /// What a new advice starts from: reported today, household help by the hour each week, starting
    /// when a decision made within the legal two weeks could take effect, for a year.
    /// </summary>
    public static AdviceInput Defaults(DateOnly today) => new(
        ProductCategory.HouseholdHelp, "", "", VolumeUnit.Hour, VolumeFrequency.PerWeek,
        DateText.Show(today.AddDays(LegalClocks.DecisionDays)), "12", "", null, "", "",
        DateText.Show(today), "", LegalBasis.WmoTask, ConsentStatus.Given, "", false, false);

    protected override IReadOnlyList<Problem> Check()
    {
        var (content, problems) = Validate();
        if (content is null)
            return problems;
        // As typed against the advice as opened; saving checks against the stored advice again.
        var step = Step(_opened, content, submit: false);
        return step.IsValid ? [] : [step.Problem];
    }

    protected override void Store() => Store(submit: false);

    private void Store(bool submit)
    {
        var step = Step(_isNew ? null : App.Store.Advices.Latest(_id) ?? throw new DomainException(new Problem("advies", TextId.UiAdviceGone)), Validate().Content!, submit);
        if (!step.IsValid)
            throw new DomainException(step.Problem);
        if (_isNew)
            App.Store.Advices.Add(step.Value);
        else if (OpenedState is { } state && OpenedRow.FromJson(state) is { } opened)
            App.Store.Advices.Save(AsOpened(Step(_opened, Validate().Content!, submit)), opened);
        else
            App.Store.Advices.Step(_id, stored => Step(stored, Validate().Content!, submit));
        App.RefreshStatus();
    }

    /// <summary>
    /// The advice as it will be stored: a new draft, or <paramref name="stored"/> edited. Saving passes the
    /// stored advice as it is now, so a step synced in since the form opened is checked against, never overwritten.
    /// </summary>
    private Parsed<IndicationAdvice> Step(IndicationAdvice? stored, AdviceContent content, bool submit)
    {
        var me = App.Store.Advices.Me;
        var today = App.Store.Advices.Today;
        var written = stored is null
            ? IndicationAdvice.Draft(_id, _clientId, me, App.Store.Advices.Team, content, App.Clock.GetUtcNow(), today)
            : stored.Edit(me, content, today);
        if (written.IsValid)
            written = Parsed<IndicationAdvice>.Ok(written.Value with { BottleneckTag = _bottleneck.Text.Trim() });
        return submit && written.IsValid ? written.Value.Submit(me, App.Clock.GetUtcNow(), today) : written;
    }

    /// <summary>The edit as made on the advice the form showed: what differs from it is what the person changed.</summary>
    private static IndicationAdvice AsOpened(Parsed<IndicationAdvice> step) =>
        step.IsValid ? step.Value : throw new DomainException(step.Problem);

    private bool CanSubmit() => AdviceWorkflow.IsAllowed(_status, AdviceStatus.Submitted, App.Store.Identity.Role);

    private (AdviceContent? Content, IReadOnlyList<Problem> Problems) Validate() =>
        new AdviceInput(
            _category.SelectedValue, _productCode.Text, _amount.Text, _unit.SelectedValue, _frequency.SelectedValue, _start.Text, _duration.Text,
            _rationale.Text, _zrm, _alternatives.Text, _wishes.Text, _melding.Text, _aanvraag.Text,
            _legalBasis.SelectedValue, _consent.SelectedValue, _consentNote.Text, _clientSupport.Checked, _personalPlan.Checked)
            .Validate(App.Store.Advices.Today);

    /// <summary>Until the nurse picks a unit or frequency herself, they follow the category: aids come once, in pieces.</summary>
    private void FitVolumeToCategory(ProductCategory category)
    {
        if (_volumeChosen)
            return;
        _settingVolume = true;
        _unit.SelectedIndex = Array.IndexOf(Enum.GetValues<VolumeUnit>(), category.IsAid() ? VolumeUnit.Pieces : VolumeUnit.Hour);
        _frequency.SelectedIndex = Array.IndexOf(Enum.GetValues<VolumeFrequency>(), category.IsAid() ? VolumeFrequency.TotalWithinValidity : VolumeFrequency.PerWeek);
        _settingVolume = false;
    }

    private SelectField<TValue> Coded<TValue>(string key, TextId label, TValue[] options, Func<TValue, string> format, Func<TValue, string> code, TValue value)
    {
        var select = Select(key, label, options, format, Array.IndexOf(options, value));
        select.Code = code;
        return select;
    }

    private static AdviceFormScreen WithDraft(AdviceFormScreen screen)
    {
        screen.RestoreDraft();
        return screen;
    }
}
