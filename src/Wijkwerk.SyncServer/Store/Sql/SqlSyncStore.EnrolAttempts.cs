using System.Globalization;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// Issue 15 item 3: the enrolment rate limit lives in the store, so an address gets the same number of attempts however
/// a load balancer spreads them over the instances. Each address has one window that starts at its first attempt after
/// the previous window ended (not at the clock's minute), so a burst is never split over two windows.
/// </summary>
public abstract partial class SqlSyncStore
{
    public Task<EnrolAttempts> CountEnrolAttemptAsync(string addressHash, TimeSpan window, DateTimeOffset now) => Write((db, tx) =>
    {
        var expired = Iso(now - window);
        // One upsert: concurrent attempts from two instances meet on the row and are counted one after the other.
        EnrolAttempts counted;
        using (var cmd = Command(db, tx, """
            INSERT INTO enrol_attempts(address_hash, window_start, attempts) VALUES (@a, @now, 1)
            ON CONFLICT(address_hash) DO UPDATE SET
                attempts = CASE WHEN enrol_attempts.window_start <= @expired THEN 1 ELSE enrol_attempts.attempts + 1 END,
                window_start = CASE WHEN enrol_attempts.window_start <= @expired THEN @now ELSE enrol_attempts.window_start END
            RETURNING attempts, window_start;
            """, ("@a", addressHash), ("@now", Iso(now)), ("@expired", expired)))
        using (var reader = cmd.ExecuteReader())
        {
            reader.Read();
            counted = new EnrolAttempts(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), ParseIso(reader.GetString(1)) + window);
        }

        // Enrolments are rare: forgetting the other addresses' ended windows here keeps the table to the addresses of the last window.
        Exec(db, tx, "DELETE FROM enrol_attempts WHERE window_start <= @expired;", ("@expired", expired));
        return counted;
    });
}
