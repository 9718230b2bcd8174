using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Wijkwerk.Bench;

/// <summary>
/// The temporary folders and child processes (servers, admin commands, the program) a figures run owns, removed when the
/// run is stopped from outside (Ctrl+C, SIGTERM, SIGQUIT) as well as when it ends: a stopped run's <c>finally</c> never
/// runs, and a sync run stopped that way left 1.1 GB of stores behind and its server still listening. A run ended by
/// SIGKILL still leaves them.
/// </summary>
internal static class RunLeftovers
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Folders = [];
    private static readonly HashSet<Process> Children = [];

    // Held for the whole run: a registration that is disposed or collected no longer handles its signal.
    private static readonly PosixSignalRegistration[] Signals;
    private static bool _stopped;

    static RunLeftovers()
    {
        // The handler runs before the runtime's default (ending the process), which still follows it.
        Signals = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }.Select(s => PosixSignalRegistration.Create(s, _ => RemoveAll()))];
    }

    /// <summary>A new temporary folder, removed by <see cref="Remove(string)"/> or when the run is stopped.</summary>
    public static string Folder(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        lock (Gate)
            Folders.Add(folder);
        return folder;
    }

    /// <summary>
    /// Starts a process that is killed with its children when the run is stopped, until <see cref="Stop"/> or
    /// <see cref="Forget"/>. None starts once the run is stopped: an admin command started then would make the folder again.
    /// </summary>
    public static Process Start(ProcessStartInfo start)
    {
        lock (Gate)
        {
            if (_stopped)
                throw new OperationCanceledException("The run is stopped.");
            var child = Process.Start(start)!;
            Children.Add(child);
            return child;
        }
    }

    /// <summary>A process that has ended on its own.</summary>
    public static void Forget(Process child)
    {
        lock (Gate)
            Children.Remove(child);
    }

    public static void Remove(string folder)
    {
        lock (Gate)
            Folders.Remove(folder);
        Directory.Delete(folder, recursive: true);
    }

    public static void Stop(Process child)
    {
        Forget(child);
        child.Kill(entireProcessTree: true);
        child.WaitForExit();
    }

    private static void RemoveAll()
    {
        lock (Gate)
        {
            _stopped = true;
            foreach (var child in Children)
                child.Kill(entireProcessTree: true);
            foreach (var child in Children)
                child.WaitForExit(TimeSpan.FromSeconds(5));
            foreach (var folder in Folders)
                DeleteWhileWritten(folder);
            Children.Clear();
            Folders.Clear();
        }
    }

    /// <summary>
    /// The run's own threads (and the admin commands it started) may still make files in the folder until the process ends,
    /// which fails a pass with "directory not empty": a few passes, then the folder is named for the person to remove.
    /// </summary>
    private static void DeleteWhileWritten(string folder)
    {
        for (var pass = 1; Directory.Exists(folder); pass++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) when (pass < 20)
            {
                Thread.Sleep(50);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"Not removed, remove it yourself: {folder} ({e.Message})");
                return;
            }
        }
    }
}
