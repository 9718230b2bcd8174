using System.Data.Common;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.SyncServer.Sync;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// Issue 12: the teams' minimaatwerk budgets, part of the reference data (setting one raises its version), and
/// what a push needs to judge a budget vote inside its BEGIN IMMEDIATE transaction: the team's budget and the
/// requests and votes as they stand there. One writer at a time, so two third approvals never both see the same
/// remaining budget.
/// </summary>
public abstract partial class SqlSyncStore
{
    public Task<TeamBudget> SetTeamBudgetAsync(string teamName, int year, Money amount, Money limit, DateTimeOffset now) => Write((db, tx) =>
    {
        var team = TeamId(db, tx, teamName);
        Exec(db, tx, """
            INSERT INTO team_budgets(team_id, year, amount_cents, limit_cents, set_at) VALUES (@t, @y, @a, @l, @at)
            ON CONFLICT(team_id, year) DO UPDATE SET amount_cents = excluded.amount_cents, limit_cents = excluded.limit_cents, set_at = excluded.set_at;
            """,
            ("@t", S(team)), ("@y", year), ("@a", amount.Cents), ("@l", limit.Cents), ("@at", Iso(now)));
        BumpReference(db, tx);
        return BudgetsOf(db, tx, null).Single(b => b.IsOf(teamName.Trim(), year));
    });

    public Task<IReadOnlyList<TeamBudget>> ListTeamBudgetsAsync()
    {
        using var db = Open();
        return Task.FromResult(BudgetsOf(db, null, null));
    }

    /// <summary>Every year's budget of the teams a worker belongs to, or of every team when <paramref name="workerId"/> is null.</summary>
    private static IReadOnlyList<TeamBudget> BudgetsOf(DbConnection db, DbTransaction? tx, Guid? workerId)
    {
        using var cmd = Command(db, tx, $"""
            SELECT t.name, b.year, b.amount_cents, b.limit_cents FROM team_budgets b JOIN teams t ON t.id = b.team_id
            {(workerId is null ? "" : "WHERE b.team_id IN (SELECT team_id FROM worker_teams WHERE worker_id = @w)")}
            ORDER BY t.name, b.year;
            """, workerId is { } w ? [("@w", S(w))] : []);
        using var reader = cmd.ExecuteReader();
        var list = new List<TeamBudget>();
        while (reader.Read())
            list.Add(new TeamBudget(reader.GetString(0), reader.GetInt32(1), new Money(reader.GetInt64(2)), new Money(reader.GetInt64(3))));
        return list;
    }

    private static IReadOnlyList<string> TeamNamesOf(DbConnection db, DbTransaction? tx, Guid worker)
    {
        using var cmd = Command(db, tx, "SELECT t.name FROM teams t JOIN worker_teams wt ON wt.team_id = t.id WHERE wt.worker_id = @w ORDER BY t.name;", ("@w", S(worker)));
        using var reader = cmd.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
            list.Add(reader.GetString(0));
        return list;
    }

    /// <summary>The live rows of a table whose column holds a value (team names compare without regard to case).</summary>
    private static IReadOnlyList<(Guid RowId, StoredRow Row)> LiveRowsWhere(DbConnection db, DbTransaction tx, string table, string column, string value)
    {
        using var cmd = Command(db, tx, """
            SELECT row_id FROM rows WHERE tbl = @t AND deleted = 0 AND json_extract(columns, '$.' || @col) = @v COLLATE NOCASE ORDER BY row_id;
            """, ("@t", table), ("@col", column), ("@v", value));
        var ids = new List<Guid>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
                ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids.Select(id => (id, LoadRow(db, tx, table, id)!)).ToList();
    }
}
