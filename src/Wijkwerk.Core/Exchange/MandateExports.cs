using System.Globalization;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Core.Exchange;

/// <summary>
/// Mandate decisions as files: one row per decision with its department, overridden rule, figures and follow-up,
/// or a summary that counts them per department and per overridden rule, so the rules that keep blocking show.
/// </summary>
public static class MandateExports
{
    public const string DecisionsTable = "mandate_decisions";
    public const string DecisionsWithTextTable = "mandate_decisions_with_text";
    public const string SummaryTable = "mandate_summary";

    private static readonly string[] TextColumns = ["eerder_geweigerd", "besluit", "contactpersoon", "legitimiteit", "betrokkenheid", "hoe_afgelopen"];

    /// <summary>
    /// One row per decision, oldest first. The client is an id, never a name; the written parts (what was refused,
    /// the decision, the justification, the contact, how it ended) only with <paramref name="withText"/>, as they
    /// describe a household in words that identify it. Amounts in cents, as in every export.
    /// </summary>
    public static ExportTable Decisions(LocalStore store, bool withText, Lang lang = Lang.Nl)
    {
        var decisions = store.MandateDecisions.All();
        string[] columns =
        [
            "id", "client_id", "besloten_op", "besloten_door", "mandaat_id", "afdeling", "overruled_regel", "knelpunt", "uitvoerende_afdeling",
            "eigen_kosten_centen", "vermeden_kosten_centen", "netto_rendement_centen", "verhouding", "horizon_maanden", "kostentabel_versie",
            "inwoner_gehoord", "opvolgdatum", "opvolging", "opgevolgd_op", "opgevolgd_door", "aanvullingen",
            .. withText ? TextColumns : [],
        ];
        return new ExportTable(
            withText ? DecisionsWithTextTable : DecisionsTable,
            ExportColumns.Show(columns, lang),
            decisions.Select(d => Row(d, store.MandateDecisions.Addenda(d.Id).Count, withText, lang)).ToList(),
            decisions.Select(d => d.ClientId.Value).Distinct().ToList());
    }

    /// <summary>Counts per department and per overridden rule, with how the follow-ups ended; no client in them.</summary>
    public static ExportTable Summary(LocalStore store, Lang lang = Lang.Nl)
    {
        var decisions = store.MandateDecisions.All();
        var rows = Group(decisions, "afdeling", d => d.Department, lang)
            .Concat(Group(decisions, "overruled_regel", d => d.RuleOverridden, lang))
            .ToList();
        return new ExportTable(
            SummaryTable,
            ExportColumns.Show(["soort", "waarde", "besluiten", "uitgevoerd", "deels_uitgevoerd", "niet_uitgevoerd", "nog_niet_opgevolgd"], lang),
            rows,
            []);
    }

    private static IEnumerable<string?[]> Group(IReadOnlyList<MandateDecision> decisions, string kind, Func<MandateDecision, string> key, Lang lang) =>
        decisions.GroupBy(d => key(d).Trim(), StringComparer.CurrentCultureIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => new string?[]
            {
                ExportColumns.Show(kind, lang), g.Key, Number(g.Count()),
                Number(g.Count(d => d.FollowUp?.Result == FollowUpResult.CarriedOut)),
                Number(g.Count(d => d.FollowUp?.Result == FollowUpResult.Partly)),
                Number(g.Count(d => d.FollowUp?.Result == FollowUpResult.NotCarriedOut)),
                Number(g.Count(d => d.FollowUp is null)),
            });

    private static string?[] Row(MandateDecision d, int addenda, bool withText, Lang lang)
    {
        var figures = d.Triangle.SocialReturn;
        var followUp = d.FollowUp;
        string?[] row =
        [
            d.Id.ToString(), d.ClientId.ToString(), InstantText.Write(d.DecidedAt), d.DecidedBy.ToString(), d.MandateId.ToString(),
            d.Department, d.RuleOverridden, d.BottleneckTag, d.CarriedOutBy.Department,
            figures is null ? null : Number(figures.OwnCost.Cents), figures is null ? null : Number(figures.AvoidedCost.Cents),
            figures is null ? null : Number(figures.NetReturn.Cents), figures?.Ratio?.ToString("0.00", CultureInfo.InvariantCulture),
            figures is null ? null : Number(figures.HorizonMonths), figures is null ? null : Number(figures.CostTableVersion),
            ExportColumns.Flag(d.Triangle.ResidentHeard, lang), DateText.Iso(d.FollowUpOn),
            followUp is null ? null : EnumTexts.Name(followUp.Result, lang), followUp is null ? null : InstantText.Write(followUp.At),
            followUp?.By.ToString(), Number(addenda),
        ];
        return withText
            ? [.. row, d.RefusedBefore, d.Decision, d.CarriedOutBy.Contact, d.Triangle.Legitimacy, d.Triangle.Engagement, followUp?.HowItEnded]
            : row;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
