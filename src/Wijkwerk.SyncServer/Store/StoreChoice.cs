using System.Net.Sockets;
using Npgsql;
using Wijkwerk.SyncServer.Hosting;
using Wijkwerk.SyncServer.Store.Postgres;
using Wijkwerk.SyncServer.Store.Sql;
using Wijkwerk.SyncServer.Store.Sqlite;

namespace Wijkwerk.SyncServer.Store;

/// <summary>
/// Which server store <c>serve</c> and every <c>admin</c> command open: the SQLite file (the default) or a PostgreSQL
/// database, from <c>--store</c>/<c>--connection</c>/<c>--db</c>, <c>Wijkwerk:Store</c>/<c>Wijkwerk:Connection</c>/
/// <c>Wijkwerk:Database</c> in appsettings.json, or the environment variables <c>Wijkwerk__Store</c> and so on.
/// Every way it can be wrong ends in <see cref="StoreChoiceException"/> with a Dutch sentence that names the option,
/// says what is wrong and what to do, and never shows the password of the connection.
/// </summary>
public sealed class StoreChoice
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly NpgsqlConnectionStringBuilder? _connection;

    private StoreChoice(string database, NpgsqlConnectionStringBuilder? connection, int concurrency)
    {
        Database = database;
        _connection = connection;
        Concurrency = concurrency;
    }

    /// <summary>How many store operations the server runs at once (see <see cref="SqlSyncStore.Concurrency"/>).</summary>
    public int Concurrency { get; }

    public bool IsPostgres => _connection is not null;

    /// <summary>The full path of the SQLite file (unused for PostgreSQL).</summary>
    public string Database { get; }

    /// <summary>The choice the settings make; <paramref name="commandLine"/> tells which options were typed, since those may not be mixed.</summary>
    public static StoreChoice From(ServerSettings settings, StoreOptions commandLine)
    {
        var kind = (settings.Store ?? Sqlite).Trim().ToLowerInvariant();
        if (kind is not (Sqlite or Postgres))
            throw new StoreChoiceException($"Onbekende serveropslag '{settings.Store}' (--store of Wijkwerk:Store); kies '{Sqlite}' (één bestand, de standaard) of '{Postgres}'.");
        if (settings.StoreConcurrency < 1)
            throw new StoreChoiceException($"Wijkwerk:StoreConcurrency is {settings.StoreConcurrency}; geef het aantal opslagbewerkingen dat de server tegelijk uitvoert, minstens 1, of laat het weg (standaard {SqlSyncStore.DefaultConcurrency}).");
        if (kind == Sqlite)
        {
            if (commandLine.Connection is not null)
                throw new StoreChoiceException($"--connection hoort bij een PostgreSQL-opslag; geef ook --store {Postgres}, of laat --connection weg en kies het SQLite-bestand met --db.");
            return new StoreChoice(Path.GetFullPath(settings.Database), null, settings.StoreConcurrency ?? SqlSyncStore.DefaultConcurrency);
        }

        if (commandLine.Db is not null)
            throw new StoreChoiceException($"--db kiest een SQLite-bestand en hoort niet bij --store {Postgres}; laat --db weg en geef de database met --connection \"Host=…;Database=…;Username=…\".");
        if (string.IsNullOrWhiteSpace(settings.Connection))
        {
            throw new StoreChoiceException($"De opslag {Postgres} heeft een verbinding nodig en er is geen gegeven; geef --connection \"Host=…;Database=…;Username=…\", " +
                "of stel Wijkwerk:Connection in (appsettings.json, of de omgevingsvariabele Wijkwerk__Connection).");
        }

        NpgsqlConnectionStringBuilder connection;
        try
        {
            connection = new NpgsqlConnectionStringBuilder(settings.Connection);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // The message of the driver can quote the value, password included: only say where the mistake is.
            throw new StoreChoiceException("De verbinding (--connection of Wijkwerk:Connection) is geen geldige PostgreSQL-verbindingsreeks; " +
                "schrijf naam=waarde-paren gescheiden door ';', zoals \"Host=db.example.nl;Database=wijkwerk;Username=wijkwerk\".");
        }

        if (string.IsNullOrWhiteSpace(connection.Host))
            throw new StoreChoiceException("De verbinding (--connection of Wijkwerk:Connection) noemt geen server; voeg Host=… toe, zoals \"Host=db.example.nl;Database=wijkwerk;Username=wijkwerk\".");
        // Each operation holds one pooled connection: more at once than the pool holds would wait for the pool instead of in
        // line. Unset, the bound follows a smaller pool (and a machine with many cores); set, a mismatch is the admin's to settle.
        var pool = connection.Pooling ? connection.MaxPoolSize : int.MaxValue;
        if (settings.StoreConcurrency > pool)
        {
            throw new StoreChoiceException($"Wijkwerk:StoreConcurrency ({settings.StoreConcurrency}) is groter dan de verbindingspool (Maximum Pool Size={pool} in --connection); " +
                "verlaag StoreConcurrency of verhoog Maximum Pool Size.");
        }

        return new StoreChoice(settings.Database, connection, settings.StoreConcurrency ?? Math.Min(SqlSyncStore.DefaultConcurrency, pool));
    }

    /// <summary>Where the store is, for people: the file, or the database, server and user (never the password).</summary>
    public string Describe() => _connection is { } c
        ? $"PostgreSQL-database '{c.Database ?? c.Username}' op {c.Host}:{c.Port} als gebruiker '{c.Username}'"
        : $"SQLite-bestand '{Database}'";

    /// <summary>False only for a SQLite file that is not there; a PostgreSQL database shows whether it exists when opened.</summary>
    public bool Exists => IsPostgres || File.Exists(Database);

    /// <summary>The server's log folder when none is set: beside the SQLite file, or in the working folder beside a PostgreSQL server.</summary>
    public string DefaultLogFolder => IsPostgres ? Path.GetFullPath("logs") : Path.Combine(Path.GetDirectoryName(Database)!, "logs");

    /// <summary>The store, migrated to this program's schema.</summary>
    public async Task<ISyncStore> OpenAsync(CancellationToken cancel = default)
    {
        if (_connection is null)
        {
            var file = new SqliteSyncStore(Database) { Concurrency = Concurrency };
            await file.MigrateAsync(cancel);
            return file;
        }

        var store = new PostgresSyncStore(_connection.ConnectionString) { Concurrency = Concurrency };
        try
        {
            await store.MigrateAsync(cancel);
        }
        catch (NpgsqlException e)
        {
            throw new StoreChoiceException($"De serveropslag ({Describe()}) is niet bereikbaar: {Reason(e)}. " +
                "Controleer --connection (of Wijkwerk:Connection), of de database draait en of deze server er mag verbinden.");
        }

        return store;
    }

    /// <summary>Why a connection failed, in words, from the error code alone: the driver's own text can quote the connection.</summary>
    private static string Reason(NpgsqlException e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } => "de gebruikersnaam of het wachtwoord is onjuist",
        PostgresException { SqlState: PostgresErrorCodes.InvalidAuthorizationSpecification } => "de database laat deze gebruiker of dit adres niet toe (pg_hba.conf)",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } => "de database bestaat niet; maak haar eerst aan (createdb)",
        PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } => "de gebruiker mag de tabellen niet aanmaken of wijzigen",
        PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections } => "de database neemt nu geen verbindingen aan",
        PostgresException p => $"PostgreSQL-fout {p.SqlState}",
        { InnerException: SocketException } => "er antwoordt geen PostgreSQL op dat adres en die poort, of de servernaam is onbekend",
        { InnerException: TimeoutException } => "de database antwoordde niet op tijd",
        _ => "de verbinding mislukte",
    };
}

/// <summary>The store cannot be chosen or reached; the message says why and what to do.</summary>
public sealed class StoreChoiceException(string message) : Exception(message);
