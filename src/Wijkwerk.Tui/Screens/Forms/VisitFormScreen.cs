using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Forms;

/// <summary>
/// A home visit with optional ZRM 2017 scores. Every domain starts as "niet gevraagd": the form never
/// pushes a professional to score what the conversation was not about.
/// </summary>
public sealed class VisitFormScreen : FormScreen
{
    private static readonly int?[] ScoreOptions = [null, 1, 2, 3, 4, 5];
    private readonly Id<Client> _clientId;
    private readonly Id<HomeVisit> _id;
    private readonly DateField _date;
    private readonly TextArea _notes;
    private readonly Dictionary<ZrmDomain, SelectField<int?>> _scores = [];

    private VisitFormScreen(WijkwerkApp app, Id<Client> clientId)
        : base(app, DraftKeys.ForVisit(clientId))
    {
        _clientId = clientId;
        _id = Id<HomeVisit>.New(app.Clock);
        _date = Date("datum", TextId.FieldVisitDate, DateText.Show(AmsterdamTime.Today(app.Clock)));
        _notes = Area("notities", TextId.FieldNotes, 4, HomeVisit.MaxNotesLength);
        foreach (var domain in ZrmVersion.Zrm2017.Domains)
        {
            _scores[domain] = Select("zrm_" + domain, "ZRM " + EnumTexts.Name(domain, app.Lang), ScoreOptions,
                s => s is { } score ? EnumTexts.Name((ZrmScore)score, app.Lang) : T(TextId.UiZrmNotAsked));
            // A score is typed as its digit, 0 for "niet gevraagd": faster than cycling, and how the form on paper reads.
            _scores[domain].Code = s => s is { } score ? score.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0";
        }

        Ready();
    }

    public override string Title => T(TextId.UiNewVisitTitle);

    // "ZRM Maatschappelijke participatie" is the longest label.
    protected override int LabelWidth => 34;

    protected override TextId SavedMessage => TextId.UiVisitSaved;

    public static VisitFormScreen New(WijkwerkApp app, Id<Client> clientId)
    {
        var screen = new VisitFormScreen(app, clientId);
        screen.RestoreDraft();
        return screen;
    }

    protected override IReadOnlyList<Problem> Check()
    {
        var record = Record();
        return record.IsValid ? [] : [record.Problem];
    }

    protected override void Store() => App.Store.Dossiers.AddVisit(Record().Value);

    private Parsed<HomeVisit> Record()
    {
        var date = DateText.Parse(_date.Text, "datum");
        if (!date.IsValid)
            return date.Problem;
        var chosen = _scores.Where(s => s.Value.SelectedValue is not null).ToDictionary(s => s.Key, s => s.Value.SelectedValue!.Value);
        ZrmAssessment? zrm = null;
        if (chosen.Count > 0)
        {
            var assessed = ZrmAssessment.Create(ZrmVersion.Zrm2017, chosen);
            if (!assessed.IsValid)
                return assessed.Problem;
            zrm = assessed.Value;
        }

        return HomeVisit.Record(_id, _clientId, date.Value, App.Store.Identity.WorkerId, _notes.Text, zrm, AmsterdamTime.Today(App.Clock));
    }
}
