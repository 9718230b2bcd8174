namespace Wijkwerk.SyncServer.Hosting;

/// <summary>
/// The server's settings, from appsettings.json ("Wijkwerk" section), WIJKWERK-style environment variables and the command line.
/// Settable, not init-only: the generated binder (every build, as in Native AOT) leaves init-only properties unset.
/// </summary>
public sealed record ServerSettings
{
    public const string Section = "Wijkwerk";

    /// <summary>"sqlite" (the default) or "postgres"; see Store/StoreChoice.</summary>
    public string? Store { get; set; }

    public string Database { get; set; } = "wijkwerk-server.db";

    /// <summary>The PostgreSQL connection string when <see cref="Store"/> is "postgres".</summary>
    public string? Connection { get; set; }
    public bool AllowInsecureHttp { get; set; }
    public long MaxRequestBodyBytes { get; set; } = 8 * 1024 * 1024;
    public int EnrolPermitsPerMinute { get; set; } = 10;

    /// <summary>
    /// How long a push in turn that got to the server before the push it follows gives that one to arrive, when no request
    /// of the device waits for the turn: sent back to back, the second can overtake the first under load, or behind a load
    /// balancer reach an instance that answers first.
    /// </summary>
    public int InTurnGraceMilliseconds { get; set; } = 200;
    public string? LogFolder { get; set; }

    /// <summary>How many store operations run at once; unset, <see cref="Store.Sql.SqlSyncStore.DefaultConcurrency"/>.</summary>
    public int? StoreConcurrency { get; set; }

    /// <summary>The proxies (addresses or networks) whose X-Forwarded-For is believed; see <see cref="Hosting.TrustedProxies"/>.</summary>
    public string[] TrustedProxies { get; set; } = [];

    public static ServerSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ServerSettings>() ?? new ServerSettings();
}
