using System.CommandLine;
using Wijkwerk.Core.Domain.Indications.Reports;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Tui.Cli.Commands;

/// <summary>
/// <c>wijkwerk export indications</c>: one row per advice in iWmo codes, or with <c>--summary</c> the
/// agreement between advice and decision per team and period. Delivered and logged like every export.
/// </summary>
public static class ExportIndicationsCommand
{
    public static Command Define(Option<string> format, Option<string?> outFile, Func<ParseResult, Func<CliContext, int>, int> run)
    {
        var command = new Command(
            "indications",
            "Indicatieadviezen: standaard één regel per advies met iWmo-codes (categorie 01, eenheid 04, frequentie 2; euro's in centen), status, team, data, "
            + "termijnen en besluit, zonder vrije tekst en met cliëntnummer in plaats van naam; met --summary per team en periode hoeveel besluiten zoals geadviseerd, "
            + "aangepast of afgewezen waren en hoeveel op tijd / indication advice: by default one row per advice in iWmo codes (euros in cents), status, team, dates, "
            + "legal terms and decision, without free text and with the client id instead of a name; with --summary the agreement per team and period");
        var summary = new Option<bool>("--summary") { Description = "Overeenstemming advies en besluit per team en periode / agreement per team and period" };
        var period = new Option<string?>("--period") { Description = "Bij --summary: month (standaard) of quarter / with --summary: month (default) or quarter" };
        period.AcceptOnlyFromAmong("month", "quarter");
        var withText = new Option<bool>("--with-text")
        {
            Description = "Neem ook de vrije tekst op (onderbouwing, wensen, redenen): die kan een cliënt herkenbaar maken / also include the free text, which can identify a client",
        };
        command.Options.Add(format);
        command.Options.Add(outFile);
        command.Options.Add(summary);
        command.Options.Add(period);
        command.Options.Add(withText);
        command.SetAction(parse => run(parse, context => Export(
            context,
            parse.GetValue(format) == "json" ? ExportFormat.Json : ExportFormat.Csv,
            parse.GetValue(outFile),
            parse.GetValue(summary),
            parse.GetValue(period),
            parse.GetValue(withText))));
        return command;
    }

    public static int Export(CliContext context, ExportFormat format, string? outFile, bool summary, string? period, bool withText)
    {
        if (!summary && period is not null)
            return context.Fail(context.T(TextId.ExportPeriodNeedsSummary));
        if (summary && withText)
            return context.Fail(context.T(TextId.ExportSummaryHasNoText));

        var opened = StoreOpener.Open(context, context.Data);
        if (opened.Store is not { } store)
            return context.Fail(opened.Error!);
        using (store)
        {
            var table = summary
                ? IndicationExports.Agreement(store, period == "quarter" ? PeriodKind.Quarter : PeriodKind.Month)
                : IndicationExports.Advices(store, withText);
            ExportCommand.Write(context, table, format, outFile);
            Exports.RecordDelivery(store, table);
            context.Log.Information("Exported {Rows} rows of {Table} as {Format}", table.Rows.Count, table.Table, format);
            return ExitCodes.Success;
        }
    }
}
