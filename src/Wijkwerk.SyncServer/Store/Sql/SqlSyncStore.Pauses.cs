using System.Globalization;
using System.Data.Common;
using Wijkwerk.Core.Domain.Pauses;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// Issue 14: the administrator's maximum length of a pause, part of the reference data (setting it raises its
/// version, so every laptop receives it with its next pull), and read by a push to judge a pause's end date.
/// </summary>
public abstract partial class SqlSyncStore
{
    public Task<PauseSettings> SetPauseSettingsAsync(int maxWeeks, DateTimeOffset now) => Write((db, tx) =>
    {
        Exec(db, tx, """
            INSERT INTO pause_settings(id, max_weeks, set_at) VALUES (1, @w, @at)
            ON CONFLICT(id) DO UPDATE SET max_weeks = excluded.max_weeks, set_at = excluded.set_at;
            """, ("@w", maxWeeks), ("@at", Iso(now)));
        BumpReference(db, tx);
        return PauseSettingsOf(db, tx);
    });

    public Task<PauseSettings> PauseSettingsAsync()
    {
        using var db = Open();
        return Task.FromResult(PauseSettingsOf(db, null));
    }

    private static PauseSettings PauseSettingsOf(DbConnection db, DbTransaction? tx) =>
        Scalar(db, tx, "SELECT max_weeks FROM pause_settings WHERE id = 1;") is { } weeks
            ? new PauseSettings(Convert.ToInt32(weeks, CultureInfo.InvariantCulture))
            : PauseSettings.Default;
}
