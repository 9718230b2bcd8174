using System.CommandLine;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Tui.Cli.Commands;

/// <summary>
/// <c>wijkwerk export fund</c>: one row per revolving-fund request, or with <c>--summary --period half-year</c> the
/// half-year review the partners' directors discuss. Delivered and logged like every export.
/// </summary>
public static class ExportFundCommand
{
    public const string HalfYear = "half-year";

    public static Command Define(Option<string> format, Option<string?> outFile, Func<ParseResult, Func<CliContext, int>, int> run, Lang lang)
    {
        var command = new Command("fund", Texts.Get(TextId.CliExportFund, lang));
        var summary = new Option<bool>("--summary") { Description = Texts.Get(TextId.CliExportFundSummary, lang) };
        var period = new Option<string>("--period") { Description = Texts.Get(TextId.CliExportFundPeriod, lang), DefaultValueFactory = _ => HalfYear };
        command.Options.Add(format);
        command.Options.Add(outFile);
        command.Options.Add(summary);
        command.Options.Add(period);
        command.SetAction(parse => run(parse, context => Export(
            context, parse.GetValue(format) == "json" ? ExportFormat.Json : ExportFormat.Csv, parse.GetValue(outFile), parse.GetValue(summary), parse.GetValue(period)!)));
        return command;
    }

    public static int Export(CliContext context, ExportFormat format, string? outFile, bool summary, string period)
    {
        if (period.Trim() != HalfYear)
            return context.Fail(Texts.Format(TextId.FundPeriodUnknown, context.Lang, period));
        var opened = StoreOpener.Open(context, context.Data);
        if (opened.Store is not { } store)
            return context.Fail(opened.Error!);
        using (store)
        {
            var table = summary ? FundExports.Summary(store, context.Lang) : FundExports.Requests(store, context.Lang);
            ExportCommand.Write(context, table, format, outFile);
            Exports.RecordDelivery(store, table);
            context.Log.Information("Exported {Rows} rows of {Table} as {Format}", table.Rows.Count, table.Table, format);
            return ExitCodes.Success;
        }
    }
}
