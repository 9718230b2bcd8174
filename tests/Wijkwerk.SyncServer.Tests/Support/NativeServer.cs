namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>The server as <c>scripts/publish server</c> makes it (Native AOT), published once into a temporary folder and removed after the tests.</summary>
public sealed class NativeServer : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkwerk-native-server-").FullName;

    public NativeServer() => Problem = NativePublish.Run("server", _folder);

    /// <summary>Why there is no native server; null when there is one.</summary>
    public string? Problem { get; }

    public string Program => Path.Combine(_folder, "wijkwerk-server");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
