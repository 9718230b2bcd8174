using System.CommandLine;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Tui.Cli.Commands;

/// <summary>
/// <c>wijkwerk export mandates</c>: one row per mandate decision, or with <c>--summary</c> the counts per department
/// and per overridden rule. Delivered and logged like every export.
/// </summary>
public static class ExportMandatesCommand
{
    public static Command Define(Option<string> format, Option<string?> outFile, Func<ParseResult, Func<CliContext, int>, int> run, Lang lang)
    {
        var command = new Command("mandates", Texts.Get(TextId.CliExportMandates, lang));
        var summary = new Option<bool>("--summary") { Description = Texts.Get(TextId.CliExportMandatesSummary, lang) };
        var withText = new Option<bool>("--with-text") { Description = Texts.Get(TextId.CliExportMandatesWithText, lang) };
        command.Options.Add(format);
        command.Options.Add(outFile);
        command.Options.Add(summary);
        command.Options.Add(withText);
        command.SetAction(parse => run(parse, context => Export(
            context, parse.GetValue(format) == "json" ? ExportFormat.Json : ExportFormat.Csv, parse.GetValue(outFile), parse.GetValue(summary), parse.GetValue(withText))));
        return command;
    }

    public static int Export(CliContext context, ExportFormat format, string? outFile, bool summary, bool withText)
    {
        if (summary && withText)
            return context.Fail(context.T(TextId.ExportSummaryHasNoText));

        var opened = StoreOpener.Open(context, context.Data);
        if (opened.Store is not { } store)
            return context.Fail(opened.Error!);
        using (store)
        {
            var table = summary ? MandateExports.Summary(store, context.Lang) : MandateExports.Decisions(store, withText, context.Lang);
            ExportCommand.Write(context, table, format, outFile);
            Exports.RecordDelivery(store, table);
            context.Log.Information("Exported {Rows} rows of {Table} as {Format}", table.Rows.Count, table.Table, format);
            return ExitCodes.Success;
        }
    }
}
