namespace Wijkwerk.Core.Storage;

/// <summary>
/// Folders and files that hold client data are readable by the worker's own account only (Unix 700 and 600),
/// whatever the umask, so another account on a shared laptop cannot copy the store to guess its passphrase.
/// On Windows the user's profile folder already gives that.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder and any missing parents; a folder that already exists keeps its mode, as it may hold more than ours.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>Creates an empty file no one else can open, before anything is written to it.</summary>
    public static void CreateFile(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = FileMode;
        using var _ = new FileStream(path, options);
    }

    /// <summary>
    /// Makes a store and its journal files owner-only: a store made by an earlier version, or copied in with
    /// a looser mode, is closed to other accounts the first time it is opened.
    /// </summary>
    public static void Tighten(string storePath)
    {
        if (OperatingSystem.IsWindows())
            return;
        foreach (var file in new[] { storePath, storePath + "-wal", storePath + "-shm" }.Where(File.Exists))
            File.SetUnixFileMode(file, FileMode);
    }
}
