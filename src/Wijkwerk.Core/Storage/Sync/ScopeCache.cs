using System.Globalization;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// The scope figures of <see cref="LocalScope.Totals"/> kept current between full counts, so a sync that
/// changes a hundred rows opens a hundred rows' sealed values, not the whole scope's. Each row's share as last
/// counted lives in <c>scope_rows</c>; every row a sync removes or writes other than whole, and every row it records an
/// answer for other than one the server took whole as sent (counted with the values sent), is marked dirty in the same
/// transaction, and the next figures re-read only those. Local edits need no mark of their own: they count only once
/// pushed, and the push's answer marks or counts them. A row changed in any other way (a stray
/// tool) is caught by the full count, at the latest a day after the last one.
/// A push or pull into a scope that holds nothing yet (a first upload or sync) starts the figures itself, and a row a pull writes whole
/// counts with the values written, in place of what it counted with before (<see cref="ScopeCounter"/>): re-reading them
/// meant opening every sealed value of 100,000 rows right after sealing it (13 % of a first sync's processor time in the
/// Native AOT program, against 8 % for counting them as written). What that skips, the full count reads.
/// </summary>
internal static class ScopeCache
{
    /// <summary>"when|count|sum" of the figures as last brought up to date; when is the last full count.</summary>
    private const string FiguresKey = "sync_verified";

    /// <summary>Whether there are figures to keep current; without them the next figures are a full count anyway.</summary>
    public static bool Tracking(LocalStore store, WriteScope scope) => new MetaTable(store, scope.Transaction).Get(FiguresKey) is not null;

    /// <summary>
    /// Starts the figures at nothing when there are none and nothing counts yet, so the rows a first pull writes can be
    /// counted as they are written; whether there are figures to keep current now.
    /// </summary>
    public static bool StartIfEmpty(LocalStore store, WriteScope scope)
    {
        if (Tracking(store, scope))
            return true;
        var anyCounted = string.Join(" OR ", LocalScope.Tables.Select(t => $"EXISTS (SELECT 1 FROM {t} WHERE deleted = 0 AND version > 0)").Append("EXISTS (SELECT 1 FROM sync_set_aside)"));
        using (var command = scope.Command($"SELECT {anyCounted}"))
        {
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) != 0)
                return false;
        }

        using (var clear = scope.Command("DELETE FROM scope_rows"))
            clear.ExecuteNonQuery();
        Save(store, scope, store.Clock.GetUtcNow(), 0, 0);
        return true;
    }

    /// <summary>
    /// Rows counted as they were written (<see cref="ScopeCounter"/>): <paramref name="rows"/> not counted before, and
    /// <paramref name="sum"/> what the shares of all of them changed the checksum by.
    /// </summary>
    public static void Add(LocalStore store, WriteScope scope, long rows, uint sum)
    {
        if ((rows, sum) == (0, 0) || Figures(store, scope) is not (var countedAt, var count, var total))
            return;
        Save(store, scope, countedAt, count + rows, unchecked(total + sum));
    }

    public static void MarkDirty(Statements statements, string table, string id) =>
        statements.Run("INSERT INTO scope_rows (table_name, row_id, sum, dirty) VALUES ($t, $r, NULL, 1) ON CONFLICT (table_name, row_id) DO UPDATE SET dirty = 1",
            ("$t", table), ("$r", id));

    /// <summary>The rows changed in a way no mark follows (a scope repair): the next figures count every row.</summary>
    public static void Forget(WriteScope scope)
    {
        using var command = scope.Command("DELETE FROM meta WHERE key = $key");
        command.Parameters.AddWithValue("$key", FiguresKey);
        command.ExecuteNonQuery();
    }

    /// <summary>Counts every row, remembers each row's share, and starts the figures again from now.</summary>
    public static (long Count, uint Checksum) Recount(LocalStore store) => store.Write(scope =>
    {
        using (var clear = scope.Command("DELETE FROM scope_rows"))
            clear.ExecuteNonQuery();
        using var insert = scope.Command("INSERT INTO scope_rows (table_name, row_id, sum, dirty) VALUES ($t, $r, $sum, 0)");
        var table = insert.Parameters.Add("$t", SqliteType.Text);
        var id = insert.Parameters.Add("$r", SqliteType.Text);
        var sum = insert.Parameters.Add("$sum", SqliteType.Integer);
        insert.Prepare();
        long count = 0;
        uint total = 0;
        foreach (var share in new LocalScope(store).Shares())
        {
            table.Value = share.Table;
            id.Value = share.Id;
            sum.Value = (long)share.Sum;
            insert.ExecuteNonQuery();
            count++;
            total = unchecked(total + share.Sum);
        }

        Save(store, scope, store.Clock.GetUtcNow(), count, total);
        return (count, total);
    });

    /// <summary>
    /// The figures brought up to date by re-reading only the dirty rows; null when there are none to trust
    /// (never counted, unreadable, or the last full count is <paramref name="fullCountEvery"/> old).
    /// </summary>
    public static (long Count, uint Checksum)? Current(LocalStore store, TimeSpan fullCountEvery) => store.Write<(long, uint)?>(scope =>
    {
        if (Figures(store, scope) is not (var countedAt, var count, var total) || store.Clock.GetUtcNow() - countedAt is var age && (age < TimeSpan.Zero || age >= fullCountEvery))
            return null;

        var dirty = new List<(string Table, string Id, uint? Was)>();
        using (var command = scope.Command("SELECT table_name, row_id, sum FROM scope_rows WHERE dirty = 1"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                dirty.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : (uint)reader.GetInt64(2)));
        }

        if (dirty.Count == 0)
            return (count, total);
        using var statements = new Statements(scope);
        var shares = new RowShares(store, statements);
        foreach (var (table, id, was) in dirty)
        {
            var now = shares.Of(table, id);
            count += (now is null ? 0 : 1) - (was is null ? 0 : 1);
            total = unchecked(total + (now ?? 0) - (was ?? 0));
            if (now is { } sum)
                statements.Run("UPDATE scope_rows SET sum = $sum, dirty = 0 WHERE table_name = $t AND row_id = $r", ("$sum", (long)sum), ("$t", table), ("$r", id));
            else
                statements.Run("DELETE FROM scope_rows WHERE table_name = $t AND row_id = $r", ("$t", table), ("$r", id));
        }

        Save(store, scope, countedAt, count, total);
        return (count, total);
    });

    /// <summary>The figures as saved: when the last full count was, count and sum; null when there are none or they do not read.</summary>
    private static (DateTimeOffset CountedAt, long Count, uint Total)? Figures(LocalStore store, WriteScope scope) =>
        new MetaTable(store, scope.Transaction).Get(FiguresKey) is string figures && figures.Split('|') is [var when, var countText, var sumText]
        && DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var countedAt)
        && long.TryParse(countText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
        && uint.TryParse(sumText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var total)
            ? (countedAt, count, total)
            : null;

    private static void Save(LocalStore store, WriteScope scope, DateTimeOffset countedAt, long count, uint total) =>
        new MetaTable(store, scope.Transaction).Set(FiguresKey, string.Join('|',
            InstantText.Write(countedAt), count.ToString(CultureInfo.InvariantCulture), total.ToString(CultureInfo.InvariantCulture)));
}
