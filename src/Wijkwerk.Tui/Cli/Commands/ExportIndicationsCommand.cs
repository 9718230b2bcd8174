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
    public static Command Define(Option<string> format, Option<string?> outFile, Func<ParseResult, Func<CliContext, int>, int> run, Lang lang)
    {
        var command = new Command("indications", Texts.Get(TextId.CliExportIndications, lang));
        var summary = new Option<bool>("--summary") { Description = Texts.Get(TextId.CliExportSummary, lang) };
        var period = new Option<string?>("--period") { Description = Texts.Get(TextId.CliExportPeriod, lang) };
        period.AcceptOnlyFromAmong("month", "quarter");
        var withText = new Option<bool>("--with-text") { Description = Texts.Get(TextId.CliExportWithText, lang) };
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
                ? IndicationExports.Agreement(store, period == "quarter" ? PeriodKind.Quarter : PeriodKind.Month, context.Lang)
                : IndicationExports.Advices(store, withText, context.Lang);
            ExportCommand.Write(context, table, format, outFile);
            Exports.RecordDelivery(store, table);
            context.Log.Information("Exported {Rows} rows of {Table} as {Format}", table.Rows.Count, table.Table, format);
            return ExitCodes.Success;
        }
    }
}
