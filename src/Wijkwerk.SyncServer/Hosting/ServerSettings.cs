namespace Wijkwerk.SyncServer.Hosting;

/// <summary>The server's settings, from appsettings.json ("Wijkwerk" section), WIJKWERK-style environment variables and the command line.</summary>
public sealed record ServerSettings
{
    public const string Section = "Wijkwerk";

    /// <summary>"sqlite" (the default) or "postgres"; see Store/StoreChoice.</summary>
    public string? Store { get; init; }

    public string Database { get; init; } = "wijkwerk-server.db";

    /// <summary>The PostgreSQL connection string when <see cref="Store"/> is "postgres".</summary>
    public string? Connection { get; init; }
    public bool AllowInsecureHttp { get; init; }
    public long MaxRequestBodyBytes { get; init; } = 8 * 1024 * 1024;
    public int EnrolPermitsPerMinute { get; init; } = 10;
    public string? LogFolder { get; init; }

    /// <summary>How many store operations run at once; unset, <see cref="Store.Sql.SqlSyncStore.DefaultConcurrency"/>.</summary>
    public int? StoreConcurrency { get; init; }

    /// <summary>The proxies (addresses or networks) whose X-Forwarded-For is believed; see <see cref="Hosting.TrustedProxies"/>.</summary>
    public string[] TrustedProxies { get; init; } = [];

    public static ServerSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ServerSettings>() ?? new ServerSettings();
}
