using Wijkwerk.SyncServer.Hosting;

namespace Wijkwerk.SyncServer.Store;

/// <summary>The store options as typed on the command line (null: not given), laid over appsettings.json and the environment.</summary>
public sealed record StoreOptions(string? Store, string? Connection, string? Db)
{
    public IEnumerable<KeyValuePair<string, string?>> Overrides()
    {
        if (Store is not null)
            yield return new($"{ServerSettings.Section}:{nameof(ServerSettings.Store)}", Store);
        if (Connection is not null)
            yield return new($"{ServerSettings.Section}:{nameof(ServerSettings.Connection)}", Connection);
        if (Db is not null)
            yield return new($"{ServerSettings.Section}:{nameof(ServerSettings.Database)}", Db);
    }

    /// <summary>The store the admin commands open: the same settings <c>serve</c> reads (appsettings.json beside the program, the environment), then these options.</summary>
    public StoreChoice Choose()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(Overrides())
            .Build();
        return StoreChoice.From(ServerSettings.From(configuration), this);
    }
}
