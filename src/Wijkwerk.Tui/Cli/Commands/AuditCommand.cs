using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Tui.Cli.Commands;

/// <summary><c>wijkwerk audit verify</c>: walks the hash chain; exit 0 only when it is intact.</summary>
public static class AuditCommand
{
    public static int Verify(CliContext context)
    {
        var opened = StoreOpener.Open(context, context.Data);
        if (opened.Store is not { } store)
            return context.Fail(opened.Error!);
        using (store)
        {
            var result = AuditLog.Verify(store);
            context.Log.Information("Audit verify: {Break} after {Checked} events", result.Break, result.EventsChecked);
            return result.Break switch
            {
                AuditBreak.None => Ok(context, context.T(TextId.AuditIntact, new Count(result.EventsChecked, Noun.Event))),
                AuditBreak.Changed => context.Fail(context.T(TextId.AuditChanged, result.BrokenAt, new Count(result.EventsChecked, Noun.Event))),
                AuditBreak.Missing => context.Fail(context.T(TextId.AuditMissing, result.BrokenAt, new Count(result.EventsChecked, Noun.Event))),
                AuditBreak.Truncated => context.Fail(context.T(TextId.AuditTruncated, result.BrokenAt)),
                _ => context.Fail(context.T(TextId.AuditHeadMissing)),
            };
        }
    }

    private static int Ok(CliContext context, string message)
    {
        context.Out.WriteLine(message);
        return ExitCodes.Success;
    }
}
