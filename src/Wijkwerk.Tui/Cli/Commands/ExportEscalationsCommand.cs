using System.CommandLine;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Tui.Cli.Commands;

/// <summary>
/// Issue 14: <c>wijkwerk export escalations</c> and <c>wijkwerk export pauses</c>, one row per escalation or pause.
/// Delivered and logged like every export.
/// </summary>
public static class ExportEscalationsCommand
{
    public static IEnumerable<Command> Define(Option<string> format, Option<string?> outFile, Func<ParseResult, Func<CliContext, int>, int> run, Lang lang)
    {
        yield return Command("escalations", TextId.CliExportEscalations, EscalationExports.Escalations, format, outFile, run, lang);
        yield return Command("pauses", TextId.CliExportPauses, EscalationExports.Pauses, format, outFile, run, lang);
    }

    private static Command Command(
        string name, TextId description, Func<Core.Storage.LocalStore, Lang, ExportTable> build, Option<string> format, Option<string?> outFile,
        Func<ParseResult, Func<CliContext, int>, int> run, Lang lang)
    {
        var command = new Command(name, Texts.Get(description, lang));
        command.Options.Add(format);
        command.Options.Add(outFile);
        command.SetAction(parse => run(parse, context => Export(context, build, parse.GetValue(format) == "json" ? ExportFormat.Json : ExportFormat.Csv, parse.GetValue(outFile))));
        return command;
    }

    public static int Export(CliContext context, Func<Core.Storage.LocalStore, Lang, ExportTable> build, ExportFormat format, string? outFile)
    {
        var opened = StoreOpener.Open(context, context.Data);
        if (opened.Store is not { } store)
            return context.Fail(opened.Error!);
        using (store)
        {
            var table = build(store, context.Lang);
            ExportCommand.Write(context, table, format, outFile);
            Exports.RecordDelivery(store, table);
            context.Log.Information("Exported {Rows} rows of {Table} as {Format}", table.Rows.Count, table.Table, format);
            return ExitCodes.Success;
        }
    }
}
