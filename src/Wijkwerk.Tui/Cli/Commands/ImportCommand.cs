using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Tui.Cli.Commands;

/// <summary><c>wijkwerk import clients FILE.csv</c>: all lines valid, or nothing stored.</summary>
public static class ImportCommand
{
    private const int ProblemsShown = 100;

    public static int ImportClients(CliContext context, string file)
    {
        if (!File.Exists(file))
            return context.Fail(context.T(TextId.ImportFileMissing, file));

        var opened = StoreOpener.Open(context, context.Data);
        if (opened.Store is not { } store)
            return context.Fail(opened.Error!);
        using (store)
        {
            ClientCsvImport.Result result;
            using (var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true))
                result = ClientCsvImport.Read(reader, store.Clients.Search(), context.Clock, context.Lang);

            if (!result.IsValid)
            {
                foreach (var problem in result.Problems.Take(ProblemsShown))
                {
                    context.Error.WriteLine(problem.Column.Length == 0
                        ? context.T(TextId.ImportFileProblem, problem.Line, problem.Message)
                        : context.T(TextId.ImportLineProblem, problem.Line, problem.Column, problem.Message));
                }

                if (result.Problems.Count > ProblemsShown)
                    context.Error.WriteLine(context.T(TextId.ImportMoreProblems, result.Problems.Count - ProblemsShown));
                context.Log.Warning("Import refused: {Problems} problems", result.Problems.Count);
                return context.Fail(context.T(TextId.ImportNothingImported));
            }

            var count = store.Clients.Import(result.Clients);
            context.Log.Information("Imported {Count} clients", count);
            context.Out.WriteLine(context.T(TextId.ImportDone, count));
            return ExitCodes.Success;
        }
    }
}
