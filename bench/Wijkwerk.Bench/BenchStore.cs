using Wijkwerk.Core.Storage;
using Wijkwerk.Demo;

namespace Wijkwerk.Bench;

/// <summary>A real store file in a temporary folder, as the app would have it.</summary>
internal sealed class BenchStore : IDisposable
{
    public const string Passphrase = "benchmark passphrase";

    public BenchStore()
    {
        Folder = Directory.CreateTempSubdirectory("wijkwerk-bench-").FullName;
        Store = LocalStore.Create(PathToStore, Passphrase, DemoData.DemoWorker, TimeProvider.System);
    }

    public string Folder { get; }

    public string PathToStore => Path.Combine(Folder, "wijkwerk.db");

    public LocalStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
