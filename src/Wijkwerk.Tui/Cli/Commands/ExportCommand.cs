using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Tui.Cli.Commands;

/// <summary><c>wijkwerk export clients|signals|visits|audit</c> as CSV or JSON, to a file or standard output.</summary>
public static class ExportCommand
{
    public static int Export(CliContext context, string what, ExportFormat format, string? outFile, string? clientId)
    {
        Id<Client>? client = null;
        if (clientId is not null)
        {
            if (!Id<Client>.TryParse(clientId, out var id))
                return context.Fail(context.T(TextId.ClientIdInvalid, clientId));
            client = id;
        }

        var opened = StoreOpener.Open(context, context.Data);
        if (opened.Store is not { } store)
            return context.Fail(opened.Error!);
        using (store)
        {
            ExportTable table = what switch
            {
                "clients" => Exports.Clients(store, context.Lang),
                "signals" => Exports.Signals(store, context.Lang),
                "visits" => Exports.Visits(store, context.Lang),
                _ => Exports.Audit(store, client, context.Lang),
            };
            Write(context, table, format, outFile);
            Exports.RecordDelivery(store, table);
            context.Log.Information("Exported {Rows} rows of {What} as {Format}", table.Rows.Count, what, format);
            return ExitCodes.Success;
        }
    }

    internal static void Write(CliContext context, ExportTable table, ExportFormat format, string? outFile)
    {
        if (outFile is null)
        {
            table.Write(context.Out, format);
            return;
        }

        // Written beside the target and moved into place, so a failed export never leaves half a file,
        // and never a stray copy of client data.
        var temporary = outFile + ".partial";
        try
        {
            File.Delete(temporary);
            OwnerOnly.CreateFile(temporary);
            using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
                table.Write(writer, format);
            File.Move(temporary, outFile, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        context.Error.WriteLine(context.T(TextId.ExportWritten, new Count(table.Rows.Count, Noun.Line), outFile));
    }
}
