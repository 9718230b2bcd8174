using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Tui.Cli.Commands;

/// <summary>
/// <c>wijkwerk import clients FILE.csv</c>: every line valid, or nothing stored. The file is checked
/// before the store is opened, so a refused file never touches (or creates) the store.
/// </summary>
public static class ImportCommand
{
    private const long MaxFileBytes = 200L * 1024 * 1024;

    public static int ImportClients(CliContext context, string file)
    {
        if (!File.Exists(file))
            return context.Fail(context.T(TextId.ImportFileMissing, file));
        if (new FileInfo(file).Length > MaxFileBytes)
            return context.Fail(context.T(TextId.ImportFileTooLarge, MaxFileBytes / 1024 / 1024));

        var parsed = ClientCsvImport.Read(new StringReader(ClientCsvImport.Decode(File.ReadAllBytes(file))), context.Clock, context.Lang);
        if (!parsed.IsValid)
            return Refuse(context, parsed.Problems);

        var opened = StoreOpener.Open(context, context.Data);
        if (opened.Store is not { } store)
            return context.Fail(opened.Error!);
        using (store)
        {
            var duplicates = store.Clients.Import(parsed, context.Lang);
            if (duplicates.Count > 0)
                return Refuse(context, duplicates);
            context.Log.Information("Imported {Count} clients", parsed.Lines.Count);
            context.Out.WriteLine(context.T(TextId.ImportDone, new Count(parsed.Lines.Count, Noun.Client)));
            return ExitCodes.Success;
        }
    }

    private static int Refuse(CliContext context, IReadOnlyList<ImportProblem> problems)
    {
        foreach (var problem in problems)
        {
            context.Error.WriteLine(problem.Column.Length == 0
                ? context.T(TextId.ImportFileProblem, problem.Line, problem.Message)
                : context.T(TextId.ImportLineProblem, problem.Line, problem.Column, problem.Message));
        }

        context.Log.Warning("Import refused: {Problems} problems", problems.Count);
        return context.Fail(context.T(TextId.ImportNothingImported));
    }
}
