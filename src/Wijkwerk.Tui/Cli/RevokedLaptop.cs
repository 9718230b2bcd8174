using Serilog;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Sync.Laptop;

namespace Wijkwerk.Tui.Cli;

/// <summary>What the program does between learning that the admin revoked this laptop and wiping its store.</summary>
public static class RevokedLaptop
{
    /// <summary>
    /// Sends the laptop's own access-log events the server has not confirmed, so the NEN 7513 log of who
    /// saw what stays complete. Whatever goes wrong here, the caller wipes next: a possibly lost laptop
    /// must not keep its data because the network failed at that moment.
    /// </summary>
    public static async Task UploadAuditBeforeWipe(LocalStore store, ISyncTransport transport, ILogger log)
    {
        try
        {
            var sent = await new SyncEngine(store, transport).UploadAuditBeforeWipe();
            log.Warning("Device revoked: {Count} audit events uploaded, wiping the local store", sent);
        }
        catch (Exception e)
        {
            log.Error("Device revoked: audit upload before the wipe failed with {ExceptionType}, wiping the local store anyway", e.GetType().Name);
        }
    }
}
