using System.CommandLine;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Tui.Cli.Commands;

/// <summary><c>wijkwerk export patterns</c>: one row per pattern of the werktafel this laptop holds. Delivered and logged like every export.</summary>
public static class ExportPatternsCommand
{
    public static Command Define(Option<string> format, Option<string?> outFile, Func<ParseResult, Func<CliContext, int>, int> run, Lang lang)
    {
        var command = new Command("patterns", Texts.Get(TextId.CliExportPatterns, lang));
        command.Options.Add(format);
        command.Options.Add(outFile);
        command.SetAction(parse => run(parse, context => Export(context, parse.GetValue(format) == "json" ? ExportFormat.Json : ExportFormat.Csv, parse.GetValue(outFile))));
        return command;
    }

    public static int Export(CliContext context, ExportFormat format, string? outFile)
    {
        var opened = StoreOpener.Open(context, context.Data);
        if (opened.Store is not { } store)
            return context.Fail(opened.Error!);
        using (store)
        {
            var table = PatternExports.Patterns(store, context.Lang);
            ExportCommand.Write(context, table, format, outFile);
            Exports.RecordDelivery(store, table);
            context.Log.Information("Exported {Rows} rows of {Table} as {Format}", table.Rows.Count, table.Table, format);
            return ExitCodes.Success;
        }
    }
}
