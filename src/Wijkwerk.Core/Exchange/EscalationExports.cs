using System.Globalization;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Core.Exchange;

/// <summary>
/// Issue 14: escalations and pauses as files for the werktafel and the privacy officer: one row per escalation or
/// pause with its level or department, dates, state and bottleneck, never its free text (reason, what was tried,
/// parties, the action held, who asked). The client is an id.
/// </summary>
public static class EscalationExports
{
    public const string EscalationsTable = "escalations";
    public const string PausesTable = "pauses";

    public static ExportTable Escalations(LocalStore store, Lang lang = Lang.Nl)
    {
        var escalations = store.Escalations.All();
        var today = store.Escalations.Today;
        string[] columns = ["id", "client_id", "niveau", "geescaleerd_op", "geescaleerd_door", "opvolgdatum", "opvolgen_nodig", "afgesloten_op", "knelpunt"];
        return new ExportTable(
            EscalationsTable,
            ExportColumns.Show(columns, lang),
            escalations.Select(e => new[]
            {
                e.Id.ToString(), e.ClientId.ToString(), EnumTexts.Name(e.Level, lang), DateText.Iso(e.RaisedOn), e.RaisedBy.ToString(), DateText.Iso(e.FollowUpOn),
                ExportColumns.Flag(e.FollowUpDue(today), lang), e.ClosedOn is { } closed ? DateText.Iso(closed) : null, e.BottleneckTag,
            }).ToList<string?[]>(),
            escalations.Select(e => e.ClientId.Value).Distinct().ToList());
    }

    /// <summary>One row per pause as its steps have left it: the end it has now, the end first recorded, how many extensions, where it stands today.</summary>
    public static ExportTable Pauses(LocalStore store, Lang lang = Lang.Nl)
    {
        var pauses = store.Pauses.All();
        var today = store.Pauses.Today;
        string[] columns = ["id", "client_id", "afdeling", "ingang", "einddatum", "oorspronkelijke_einddatum", "verlengingen", "stand", "opgeheven_op", "vastgelegd_door"];
        return new ExportTable(
            PausesTable,
            ExportColumns.Show(columns, lang),
            pauses.Select(p => new[]
            {
                p.Recorded.Id.ToString(), p.Recorded.ClientId.ToString(), p.Current.Department, DateText.Iso(p.Current.StartsOn), DateText.Iso(p.Current.EndsOn), DateText.Iso(p.Recorded.EndsOn),
                p.Steps.Count(s => s.Kind == PauseStepKind.Extend).ToString(CultureInfo.InvariantCulture), EnumTexts.Name(p.Current.StateOn(today), lang),
                p.Current.LiftedOn is { } lifted ? DateText.Iso(lifted) : null, p.Recorded.RecordedBy.ToString(),
            }).ToList<string?[]>(),
            pauses.Select(p => p.Recorded.ClientId.Value).Distinct().ToList());
    }
}
