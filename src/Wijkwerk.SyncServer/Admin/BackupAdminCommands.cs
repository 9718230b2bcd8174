using Wijkwerk.Core.Localization;
using Wijkwerk.SyncServer.Store;
using static Wijkwerk.SyncServer.Admin.AdminCommands;

namespace Wijkwerk.SyncServer.Admin;

/// <summary>
/// Issue 15 item 6: <c>admin backup --out FILE</c>, safe while <c>serve</c> writes. The copy is written beside the
/// target under a temporary name and moved into place only when complete, so a failed or interrupted backup never
/// leaves a half file under the name an admin restores from, and <c>--force</c> never loses the previous backup early.
/// </summary>
public static class BackupAdminCommands
{
    public static Task<int> Backup(StoreOptions options, string output, bool force)
    {
        var target = Path.GetFullPath(output);
        if (Directory.Exists(target))
            return Fail(BadInput, Texts.Format(TextId.BackupTargetIsFolder, Lang.Nl, target, Path.Combine(target, "wijkwerk-server-backup.db")));
        if (File.Exists(target) && !force)
            return Fail(Failed, Texts.Format(TextId.BackupTargetExists, Lang.Nl, target));
        return RunOnExisting(options, async (store, choice) =>
        {
            var partial = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
            try
            {
                File.Create(partial).Dispose();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                return await Fail(Failed, Texts.Format(TextId.BackupTargetUnwritable, Lang.Nl, target, Reason(e)));
            }

            try
            {
                var bytes = await store.BackupAsync(partial);
                File.Move(partial, target, overwrite: force);
                Console.WriteLine(Texts.Format(TextId.BackupWritten, Lang.Nl, choice.Database, target, bytes));
                return 0;
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                return await Fail(Failed, Texts.Format(TextId.BackupTargetUnwritable, Lang.Nl, target, Reason(e)));
            }
            finally
            {
                File.Delete(partial);
            }
        });
    }

    private static string Reason(Exception e) => e switch
    {
        DirectoryNotFoundException => Texts.Get(TextId.BackupReasonNoFolder, Lang.Nl),
        UnauthorizedAccessException => Texts.Get(TextId.BackupReasonNoPermission, Lang.Nl),
        _ => e.Message,
    };
}
