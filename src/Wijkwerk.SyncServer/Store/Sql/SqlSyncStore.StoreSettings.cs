using System.Data.Common;
using Wijkwerk.SyncServer.Sync;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// Issue 15: the formats a store is written in. Several server instances share a PostgreSQL store and are updated one at a
/// time, so for a while an instance of the last release reads what an updated one wrote. A new format is therefore written
/// only once the store says so: from the start in a store this release creates (no older instance can open it: the schema
/// is newer than it knows), and in an older store once its administrator has updated every instance and runs
/// <c>admin store finish-update</c>.
/// </summary>
public abstract partial class SqlSyncStore
{
    private const string StampFormatSetting = "column_stamps";
    private const string GroupedStamps = "grouped";

    /// <summary>Whether opening this store ran migrations on a store an older release had written: no instance of this release served it before.</summary>
    private bool _upgradedOnOpen;

    public Task<bool> FinishUpdateAsync() => Write((db, tx) =>
    {
        if (StampFormatOf(db, tx) == StampFormat.Grouped)
            return false;
        // Run with the new program before any instance was replaced, the command would upgrade the store and switch its
        // format at once, under instances of the older release that are still serving it.
        if (_upgradedOnOpen)
            throw new AdminException("Deze opdracht heeft de opslag zojuist zelf bijgewerkt naar deze versie, dus er draait nog geen serverinstantie van deze versie op. " +
                                     "Vervang en start eerst elke instantie (bij één SQLite-server: start hem), en voer daarna 'admin store finish-update' opnieuw uit.");
        WriteNewestFormats(db, tx);
        return true;
    });

    /// <summary>Set once this instance has read that the store is written grouped: the format never goes back while it runs (a restore stops every instance first), so its pushes stop asking.</summary>
    private volatile bool _stampsGrouped;

    /// <summary>The format a push writes stamps in, read in its transaction until it is grouped: an instance that has served for days picks up <c>admin store finish-update</c> at its next push.</summary>
    private StampFormat PushStampFormat(DbConnection db, DbTransaction tx)
    {
        if (_stampsGrouped)
            return StampFormat.Grouped;
        var format = StampFormatOf(db, tx);
        _stampsGrouped = format == StampFormat.Grouped;
        return format;
    }

    /// <summary>The format a new store starts in and an updated one ends in.</summary>
    private static void WriteNewestFormats(DbConnection db, DbTransaction tx) =>
        Exec(db, tx, "INSERT INTO store_settings(name, value) VALUES (@n, @v) ON CONFLICT(name) DO UPDATE SET value = excluded.value;",
            ("@n", StampFormatSetting), ("@v", GroupedStamps));

    private static StampFormat StampFormatOf(DbConnection db, DbTransaction tx) =>
        Scalar(db, tx, "SELECT value FROM store_settings WHERE name = @n;", ("@n", StampFormatSetting)) as string == GroupedStamps
            ? StampFormat.Grouped
            : StampFormat.PerColumn;
}
