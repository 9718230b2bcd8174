using System.Globalization;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Exchange;

/// <summary>
/// Issue 14: the werktafel's patterns this laptop holds, one row each, for a team leader's minutes or a report to the
/// werktafel: the bottleneck, where it stands, counts and money (per budget too), departments and teams, the agreed
/// fix and the last step. Figures only, never a client, so the delivery is logged as an export about no client.
/// </summary>
public static class PatternExports
{
    public const string Table = "patterns";

    private static readonly string[] Columns =
    [
        "id", "knelpunt", "stand", "zaken", "clienten", "uitgegeven_centen", "per_budget", "afdelingen", "betrokken_teams", "eerste_zaak", "laatste_zaak",
        "gesignaleerd_op", "laatste_stap_op", "toelichting_laatste_stap", "oplossing", "oplossing_wie", "oplossing_uiterlijk",
    ];

    public static ExportTable Patterns(LocalStore store, Lang lang = Lang.Nl)
    {
        var rows = store.Patterns.All().Select(view =>
        {
            var p = view.Pattern;
            var last = p.Steps.Count == 0 ? null : p.Steps[^1];
            return new string?[]
            {
                p.Id.ToString(), p.TagKey, EnumTexts.Name(p.State, lang), Number(p.Cases), Number(p.Clients), Number(p.Spent.Cents),
                string.Join("; ", p.BySource.Select(s => $"{PatternSources.Label(s.Name, lang)} ({Number(s.Cases)}; {Number(s.Spent.Cents)})")),
                string.Join("; ", p.ByDepartment.Select(d => $"{d.Name} ({Number(d.Cases)})")),
                string.Join("; ", p.Teams), DateText.Iso(p.FirstCase), DateText.Iso(p.LastCase), InstantText.Write(p.RaisedAt),
                last is null ? null : InstantText.Write(last.At), last?.Reason, p.Fix?.What, p.Fix?.Who, p.Fix is { } fix ? DateText.Iso(fix.By) : null,
            };
        }).ToList();
        return new ExportTable(Table, ExportColumns.Show(Columns, lang), rows, []);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
