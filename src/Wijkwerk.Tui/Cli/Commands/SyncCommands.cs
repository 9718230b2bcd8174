using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Tui.Cli.Commands;

/// <summary><c>wijkwerk login</c> enrols this laptop with a one-time code; <c>wijkwerk sync</c> pushes and pulls.</summary>
public static class SyncCommands
{
    public static async Task<int> Login(CliContext context, string server, string code, bool allowHttp)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return context.Fail(context.T(TextId.SyncServerUrlInvalid, server));
        if (uri.Scheme == "http" && !uri.IsLoopback && !allowHttp)
            return context.Fail(context.T(TextId.SyncHttpRefused));

        var opened = StoreOpener.Open(context, context.Data);
        if (opened.Store is not { } store)
            return context.Fail(opened.Error!);
        using (store)
        {
            using var http = Http(uri);
            try
            {
                var enrolment = await new HttpSyncTransport(http).Enrol(new EnrolRequest(code.Trim(), Environment.MachineName), CancellationToken.None);
                new LocalSync(store).Enrol(uri, enrolment);
                context.Log.Information("Enrolled as device {DeviceId}", enrolment.DeviceId);
                context.Out.WriteLine(context.T(TextId.SyncLoggedIn, enrolment.WorkerName, string.Join(", ", enrolment.Teams.Select(t => t.Name))));
                return ExitCodes.Success;
            }
            catch (SyncTransportException e)
            {
                context.Log.Warning("Enrolment refused: {Code} {Status}", e.Code, e.Status);
                return context.Fail(context.T(TextId.SyncFailed, e.Message));
            }
            catch (EnrolmentRefusedException e)
            {
                context.Log.Warning("Enrolment refused locally: {Pending} changes of the earlier enrolled worker pending", e.Pending);
                return context.Fail(context.T(TextId.LoginOtherWorkerPending, new Count(e.Pending, Noun.Change)));
            }
        }
    }

    public static async Task<int> Sync(CliContext context)
    {
        var opened = StoreOpener.Open(context, context.Data);
        if (opened.Store is not { } store)
            return context.Fail(opened.Error!);
        using (store)
        {
            var settings = new LocalSync(store).Settings();
            if (settings.Server is not { } server)
                return context.Fail(context.T(TextId.SyncNotEnrolled));
            using var http = Http(server);
            var transport = new HttpSyncTransport(http);
            try
            {
                var progress = new Progress<SyncProgress>(p => { if (!Console.IsErrorRedirected) context.Error.Write("\r" + ProgressLine(context, p)); });
                var report = await new SyncEngine(store, transport).Run(progress);
                if (!Console.IsErrorRedirected)
                    context.Error.WriteLine();
                context.Log.Information("Sync: pushed {Pushed}, conflicts {Conflicts}, refused {Refused}, pulled {Pulled}, removed {Removed}, set aside {SetAside}, converged {Converged}",
                    report.Pushed, report.Conflicts, report.Refused, report.Pulled, report.Removed, report.SetAside, report.Converged);
                context.Out.WriteLine(context.T(TextId.SyncDone, report.Pushed, report.Pulled, report.Conflicts, report.Refused, report.Removed));
                if (report.Repair is { } repair)
                {
                    context.Log.Warning("Sync: scope repaired: rewritten {Rewritten}, removed {Removed}, requeued {Requeued}", repair.Rewritten, repair.Removed, repair.Requeued);
                    context.Out.WriteLine(context.T(TextId.SyncRepaired, repair.Rewritten, repair.Removed, repair.Requeued));
                }

                foreach (var refusal in new LocalSync(store).Refusals())
                    context.Error.WriteLine(context.T(TextId.SyncRefusal, refusal.Table, refusal.RowId, refusal.Reason));
                if (report.SetAside > 0)
                    context.Error.WriteLine(context.T(TextId.SyncSetAside, new Count(report.SetAside, Noun.Row)));
                if (!report.Converged)
                    context.Error.WriteLine(context.T(TextId.SyncNotConverged));
                return ExitCodes.Success;
            }
            catch (SyncTransportException e) when (e.IsRevoked)
            {
                await RevokedLaptop.UploadAuditBeforeWipe(store, transport, context.Log);
            }
            catch (SyncTransportException e)
            {
                context.Log.Warning("Sync failed: {Code} {Status}", e.Code, e.Status);
                return context.Fail(context.T(TextId.SyncFailed, e.Message));
            }
        }

        // Revoked: the laptop may be lost. Its own access log went up first; now the files go, key and all; nothing stays to unlock.
        LocalStore.Wipe(context.Data.StorePath);
        return context.Fail(context.T(TextId.SyncRevokedWiped));
    }

    /// <summary>A bar while pushing (the total is known), a running count while pulling (it is not).</summary>
    private static string ProgressLine(CliContext context, SyncProgress p)
    {
        const int width = 30;
        if (p.Phase == "push" && p.Total is > 0 and var total)
        {
            var filled = (int)Math.Round(width * Math.Min(1.0, p.Done / (double)total));
            return $"{context.T(TextId.SyncPushing)} [{new string('#', filled)}{new string('-', width - filled)}] {p.Done}/{total}   ";
        }

        return $"{context.T(TextId.SyncPulling)} {p.Done}   ";
    }

    private static HttpClient Http(Uri server) => new() { BaseAddress = server, Timeout = TimeSpan.FromSeconds(100) };
}
