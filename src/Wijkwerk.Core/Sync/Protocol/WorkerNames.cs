using System.Security.Cryptography;
using System.Text;

namespace Wijkwerk.Core.Sync.Protocol;

/// <summary>
/// What tells a list of colleagues' names (<see cref="PullResponse.Workers"/>) from another without sending it: the
/// laptop says which list it holds (<see cref="SyncProtocol.NamesHeader"/>) and the server leaves the names out of a page
/// when its own list is the same, where every pull used to carry the whole team and every laptop to seal and store it
/// again. A hash, not the names, so what a proxy or a log may keep of a request names nobody.
/// </summary>
public static class WorkerNames
{
    /// <summary>The list's fingerprint: hex of SHA-256 over each worker's id and name, in the order given.</summary>
    public static string Fingerprint(IEnumerable<WorkerInfo> workers)
    {
        if (workers is Fingerprinted known)
            return known.Fingerprint;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var worker in workers)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(worker.Id.ToString("N")));
            hash.AppendData(Encoding.UTF8.GetBytes(worker.Name));
            // A separator no name holds, so ("ab", "c") and ("a", "bc") differ.
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The list with its fingerprint worked out once: a server hands one list to every pull of a worker until the names change.</summary>
    public static IReadOnlyList<WorkerInfo> WithFingerprint(IReadOnlyList<WorkerInfo> workers) => new Fingerprinted(workers, Fingerprint(workers));

    private sealed class Fingerprinted(IReadOnlyList<WorkerInfo> workers, string fingerprint) : IReadOnlyList<WorkerInfo>
    {
        public string Fingerprint => fingerprint;

        public WorkerInfo this[int index] => workers[index];

        public int Count => workers.Count;

        public IEnumerator<WorkerInfo> GetEnumerator() => workers.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
