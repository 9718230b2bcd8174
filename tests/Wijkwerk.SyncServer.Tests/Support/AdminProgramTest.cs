namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>A test of the real program's admin commands on a server store of its own, in a folder removed afterwards.</summary>
public abstract class AdminProgramTest : IDisposable
{
    protected AdminProgramTest(string name)
    {
        Folder = Path.Combine(Path.GetTempPath(), $"wijkwerk-admin-{name}-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    protected string Folder { get; }

    protected string Db => Path.Combine(Folder, "server.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }

    protected Task<ServerProgram.Outcome> Run(params string[] args) => ServerProgram.Run([.. args, "--db", Db]);
}
