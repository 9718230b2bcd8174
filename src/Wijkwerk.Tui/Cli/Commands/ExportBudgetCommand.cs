using System.CommandLine;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Tui.Cli.Commands;

/// <summary>
/// <c>wijkwerk export budget</c>: one row per minimaatwerk budget request, or with <c>--summary</c> the counts and
/// amounts per category and period. Delivered and logged like every export.
/// </summary>
public static class ExportBudgetCommand
{
    public static Command Define(Option<string> format, Option<string?> outFile, Func<ParseResult, Func<CliContext, int>, int> run, Lang lang)
    {
        var command = new Command("budget", Texts.Get(TextId.CliExportBudget, lang));
        var summary = new Option<bool>("--summary") { Description = Texts.Get(TextId.CliExportBudgetSummary, lang) };
        command.Options.Add(format);
        command.Options.Add(outFile);
        command.Options.Add(summary);
        command.SetAction(parse => run(parse, context => Export(
            context, parse.GetValue(format) == "json" ? ExportFormat.Json : ExportFormat.Csv, parse.GetValue(outFile), parse.GetValue(summary))));
        return command;
    }

    public static int Export(CliContext context, ExportFormat format, string? outFile, bool summary)
    {
        var opened = StoreOpener.Open(context, context.Data);
        if (opened.Store is not { } store)
            return context.Fail(opened.Error!);
        using (store)
        {
            var table = summary ? BudgetExports.Summary(store, context.Lang) : BudgetExports.Requests(store, context.Lang);
            ExportCommand.Write(context, table, format, outFile);
            Exports.RecordDelivery(store, table);
            context.Log.Information("Exported {Rows} rows of {Table} as {Format}", table.Rows.Count, table.Table, format);
            return ExitCodes.Success;
        }
    }
}
