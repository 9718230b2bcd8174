using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;
using ClientDossier = Wijkwerk.Core.Domain.Clients.Dossier;

namespace Wijkwerk.Tui.Screens.Details;

/// <summary>
/// One signal in full, opened from the dossier timeline: what was seen and by whom it came in, the life
/// domains, the basis for acting without consent, the follow-up notes, and its moves through the statuses.
/// </summary>
public sealed class SignalDetailScreen : DetailScreen
{
    private readonly Client _client;
    private readonly Signal _signal;
    private readonly IReadOnlyList<FollowUp> _followUps;
    private readonly IReadOnlyList<SignalMove> _moves;

    public SignalDetailScreen(WijkwerkApp app, ClientDossier dossier, Signal signal)
        : base(app)
    {
        _client = dossier.Client;
        _signal = signal;
        _followUps = dossier.FollowUps[signal.Id].OrderBy(f => f.At).ToList();
        _moves = SignalMove.Of(signal, App.Store.Signals.LastWrite(signal.Id));
    }

    public override string Title => T(TextId.UiSignalDetailTitle, _client.Name.Full);

    protected override IReadOnlyList<TextLine> Lines()
    {
        var s = _signal;
        var lang = App.Lang;
        var source = s.Source == SignalSource.Other && s.SourceOther.Length > 0 ? $"{EnumTexts.Name(s.Source, lang)} ({s.SourceOther})" : EnumTexts.Name(s.Source, lang);
        var urgency = HomeScreen.EropafText(App, s) is { } eropaf ? $"{EnumTexts.Name(s.Urgency, lang)}, {eropaf}" : EnumTexts.Name(s.Urgency, lang);
        var domains = s.LifeDomains.Count == 0 ? T(TextId.UiDetailNone) : string.Join(", ", s.LifeDomains.Order().Select(d => EnumTexts.Name(d, lang)));
        List<TextLine> lines =
        [
            new($"{_client.Name.Full} · [{EnumTexts.Name(s.Status, lang)}]", CellStyle.Bold),
            TextLine.Plain(T(TextId.UiDetailReported, AmsterdamTime.ShowDateTime(s.ReportedAt)) + " · " + T(TextId.UiDetailSource, source)),
            TextLine.Plain(T(TextId.UiDetailUrgency, urgency)),
            TextLine.Plain(T(TextId.UiDetailAssignee, Who(s.Assignee))),
            TextLine.Plain(T(TextId.UiDetailDomains, domains)),
            TextLine.Plain(s.ConsentBasis.InConsultation ? T(TextId.UiDetailConsentInConsultation) : T(TextId.UiDetailConsentNotPossible, s.ConsentBasis.NotPossibleReason)),
            // Issue 14: the bottleneck, as it counts after the admin's merges; no line for a signal without one.
            .. s.BottleneckTag.Length == 0 ? [] : new[] { TextLine.Plain(T(TextId.UiSignalDetailBottleneck, s.BottleneckTag)) },
            TextLine.Blank,
            TextLine.Heading(T(TextId.UiDetailObservation)),
            TextLine.Plain(s.Observation),
            TextLine.Blank,
            TextLine.Heading(T(TextId.UiDetailFollowUps)),
        ];
        if (_followUps.Count == 0)
            lines.Add(TextLine.Plain(T(TextId.UiDetailNoFollowUps)));
        foreach (var followUp in _followUps)
        {
            lines.Add(TextLine.Plain(T(TextId.UiDetailFollowUp, AmsterdamTime.ShowDateTime(followUp.At), Who(followUp.Worker))));
            lines.Add(TextLine.Plain(followUp.Note, indent: 2));
        }

        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.UiDetailMoves)));
        lines.AddRange(_moves.Select(m => TextLine.Plain(m.By is { } by
            ? T(TextId.UiDetailMoveBy, AmsterdamTime.ShowDateTime(m.At), EnumTexts.Name(m.Status, lang), Who(by))
            : T(TextId.UiDetailMove, AmsterdamTime.ShowDateTime(m.At), EnumTexts.Name(m.Status, lang)))));
        return lines;
    }
}
