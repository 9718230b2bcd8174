using System.Globalization;
using System.Text.Json;
using System.Data.Common;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// Issue 14 item 2: the werktafel's patterns. Detection reads tagged rows (<see cref="PatternSources"/>) inside the
/// writing transaction, so a push that stores tagged rows and the patterns it raises commit together: a push only the
/// rows of the tags it wrote (found through <c>tagged_rows</c>), the admin's detect, settings and merges every row.
/// What it keeps is figures and team names only. A change to a pattern raises the reference version, since patterns reach
/// the team leaders' laptops with the reference data.
/// </summary>
public abstract partial class SqlSyncStore
{
    public Task<PatternSettings> PatternSettingsAsync()
    {
        using var db = Open();
        return Task.FromResult(PatternSettingsOf(db, null));
    }

    /// <summary>Stores the threshold and window (checked by the caller) and detects again under them.</summary>
    public Task<PatternRun> SetPatternSettingsAsync(PatternSettings settings, DateTimeOffset now) => Write((db, tx) =>
    {
        Exec(db, tx, "UPDATE pattern_settings SET min_clients = @n, window_months = @m WHERE id = 1;", ("@n", settings.MinimumClients), ("@m", settings.WindowMonths));
        return RefreshPatterns(db, tx, now);
    });

    public Task<PatternRun> DetectPatternsAsync(DateTimeOffset now) => Write((db, tx) => RefreshPatterns(db, tx, now));

    public Task<IReadOnlyList<Pattern>> ListPatternsAsync()
    {
        using var db = Open();
        using var tx = BeginRead(db);
        return Task.FromResult(PatternsOf(db, tx));
    }

    /// <summary>Detects over every tagged row as this transaction sees it and applies the plan; raises the reference version when a pattern changed.</summary>
    private PatternRun RefreshPatterns(DbConnection db, DbTransaction tx, DateTimeOffset now) => RefreshPatterns(db, tx, now, null);

    /// <summary>
    /// Detects as above, or with <paramref name="touched"/> only over the tags those keys count under: the plan judges
    /// each tag by its own cases and its own patterns, so reading every row of exactly those tags
    /// (<see cref="TagMerges.CountingTogetherWith"/>) gives them the figures a detection over everything would.
    /// </summary>
    private PatternRun RefreshPatterns(DbConnection db, DbTransaction tx, DateTimeOffset now, IReadOnlyCollection<string>? touched)
    {
        var today = AmsterdamTime.DayOf(now);
        var known = new List<KnownPattern>();
        using (var cmd = Command(db, tx, "SELECT id, tag_key, state, ended_on FROM patterns;"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                if (RowRules.TryEnum<PatternState>(reader.GetString(2), out var state))
                    known.Add(new KnownPattern(Guid.Parse(reader.GetString(0)), reader.GetString(1), state, reader.IsDBNull(3) ? null : DateOnly.Parse(reader.GetString(3), CultureInfo.InvariantCulture)));
            }
        }

        var merges = MergesOf(db, tx);
        var cases = touched is null ? TaggedCases(db, tx) : TaggedCasesOf(db, tx, merges.CountingTogetherWith(touched));
        var plan = PatternRefresh.Plan(cases, merges, PatternSettingsOf(db, tx), today, known);
        var updated = 0;
        foreach (var (id, figures) in plan.ToUpdate)
        {
            updated += Exec(db, tx, """
                UPDATE patterns SET cases = @cases, clients = @clients, spent_cents = @spent, by_source = @src, by_department = @dep, teams = @teams,
                    first_case = @first, last_case = @last, updated_at = @at
                WHERE id = @id AND (cases, clients, spent_cents, by_source, by_department, teams, first_case, last_case)
                    IS DISTINCT FROM (@cases, @clients, @spent, @src, @dep, @teams, @first, @last);
                """, [("@id", S(id)), ("@at", Iso(now)), .. FigureParameters(db, tx, figures)]);
        }

        foreach (var figures in plan.ToRaise)
        {
            Exec(db, tx, """
                INSERT INTO patterns(id, tag_key, state, cases, clients, spent_cents, by_source, by_department, teams, first_case, last_case, raised_at, updated_at)
                VALUES (@id, @tag, @state, @cases, @clients, @spent, @src, @dep, @teams, @first, @last, @at, @at);
                """, [("@id", S(Guid.CreateVersion7(now))), ("@tag", figures.Totals.TagKey), ("@state", nameof(PatternState.Raised)), ("@at", Iso(now)),
                .. FigureParameters(db, tx, figures)]);
        }

        if (updated + plan.ToRaise.Count > 0)
            BumpReference(db, tx);
        return new PatternRun(plan.ToRaise.Count, updated);
    }

    private static (string, object?)[] FigureParameters(DbConnection db, DbTransaction tx, PatternFigures f) =>
    [
        ("@cases", f.Totals.Cases), ("@clients", f.Totals.Clients), ("@spent", f.Totals.Spent.Cents),
        ("@src", JsonSerializer.Serialize(f.BySource.Select(PatternShareInfo.From), ServerJson.Default.IEnumerablePatternShareInfo)), ("@dep", JsonSerializer.Serialize(f.ByDepartment.Select(PatternShareInfo.From), ServerJson.Default.IEnumerablePatternShareInfo)),
        ("@teams", JsonSerializer.Serialize(TeamsHolding(db, tx, f.Clients.Select(c => c.Value)), ServerJson.Default.IEnumerableString)),
        ("@first", DateText.Iso(f.Totals.FirstCase)), ("@last", DateText.Iso(f.Totals.LastCase)),
    ];

    private static readonly IReadOnlyDictionary<string, PatternSource> SourceOf = PatternSources.All.ToDictionary(s => s.Table, StringComparer.Ordinal);

    /// <summary>Every live tagged row of every source, as a case; client ids stay inside this transaction.</summary>
    private static List<TaggedCase> TaggedCases(DbConnection db, DbTransaction tx)
    {
        var cases = new List<TaggedCase>();
        foreach (var source in PatternSources.All)
        {
            using var cmd = Command(db, tx, "SELECT tbl, client_id, columns FROM rows WHERE tbl = @t AND deleted = 0;", ("@t", source.Table));
            ReadCases(cmd, cases);
        }

        return cases;
    }

    /// <summary>The live rows of every source that carry one of the tag keys, as cases.</summary>
    private static List<TaggedCase> TaggedCasesOf(DbConnection db, DbTransaction tx, IReadOnlySet<string> keys)
    {
        var cases = new List<TaggedCase>();
        using var cmd = Command(db, tx, """
            SELECT r.tbl, r.client_id, r.columns FROM tagged_rows t JOIN rows r ON r.tbl = t.tbl AND r.row_id = t.row_id
            WHERE t.tag_key IN (SELECT value FROM json_each(@keys)) AND r.deleted = 0;
            """, ("@keys", JsonSerializer.Serialize(keys, ServerJson.Default.IEnumerableString)));
        ReadCases(cmd, cases);
        return cases;
    }

    private static void ReadCases(DbCommand cmd, List<TaggedCase> cases)
    {
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var columns = JsonSerializer.Deserialize(reader.GetString(2), ProtocolJson.Default.DictionaryStringString)!;
            if (SourceOf.TryGetValue(reader.GetString(0), out var source) && Guid.TryParse(reader.GetString(1), out var client) && source.Read(client, columns) is { } found)
                cases.Add(found);
        }
    }

    /// <summary>
    /// Keeps <c>tagged_rows</c> in step with one written row of a pattern source (<paramref name="live"/> null for a
    /// deleted row); answers the row's tag keys before and after the write, the tags whose figures it may change.
    /// </summary>
    internal static IReadOnlyList<string> TrackTag(DbConnection db, DbTransaction tx, string table, Guid rowId, bool stored, IReadOnlyDictionary<string, string?>? live)
    {
        var keys = new List<string>(2);
        // A row not stored before has no tag row yet (a first upload writes thousands of them).
        if (stored && Scalar(db, tx, "DELETE FROM tagged_rows WHERE tbl = @t AND row_id = @r RETURNING tag_key;", ("@t", table), ("@r", S(rowId))) is string before)
            keys.Add(before);
        var key = live is not null && live.TryGetValue(TagColumn, out var tag) && tag is not null ? BottleneckTag.Key(tag) : "";
        if (key.Length == 0)
            return keys;
        Exec(db, tx, "INSERT INTO tagged_rows(tbl, row_id, tag_key) VALUES (@t, @r, @k);", ("@t", table), ("@r", S(rowId)), ("@k", key));
        keys.Add(key);
        return keys;
    }

    /// <summary>Migration 12: the tag key of every live row of a pattern source already stored.</summary>
    internal static void FillTaggedRows(DbConnection db, DbTransaction tx)
    {
        Exec(db, tx, "DELETE FROM tagged_rows;");
        foreach (var source in PatternSources.All)
        {
            using var cmd = Command(db, tx, $"SELECT row_id, json_extract(columns, '$.{TagColumn}') FROM rows WHERE tbl = @t AND deleted = 0 AND json_extract(columns, '$.{TagColumn}') IS NOT NULL;", ("@t", source.Table));
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var key = BottleneckTag.Key(reader.GetString(1));
                if (key.Length > 0)
                    Exec(db, tx, "INSERT INTO tagged_rows(tbl, row_id, tag_key) VALUES (@t, @r, @k);", ("@t", source.Table), ("@r", reader.GetString(0)), ("@k", key));
            }
        }
    }

    /// <summary>The names of the teams whose caseload holds any of the clients, in order.</summary>
    private static IReadOnlyList<string> TeamsHolding(DbConnection db, DbTransaction tx, IEnumerable<Guid> clients)
    {
        using var cmd = Command(db, tx, """
            SELECT DISTINCT t.name FROM team_clients tc JOIN teams t ON t.id = tc.team_id
            WHERE tc.client_id IN (SELECT value FROM json_each(@clients)) ORDER BY t.name;
            """, ("@clients", JsonSerializer.Serialize(clients.Select(S), ServerJson.Default.IEnumerableString)));
        using var reader = cmd.ExecuteReader();
        var teams = new List<string>();
        while (reader.Read())
            teams.Add(reader.GetString(0));
        return teams;
    }

    private static PatternSettings PatternSettingsOf(DbConnection db, DbTransaction? tx)
    {
        using var cmd = Command(db, tx, "SELECT min_clients, window_months FROM pattern_settings WHERE id = 1;");
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? new PatternSettings(reader.GetInt32(0), reader.GetInt32(1)) : PatternSettings.Default;
    }

    /// <summary>Every pattern with its steps, newest raised first.</summary>
    private static IReadOnlyList<Pattern> PatternsOf(DbConnection db, DbTransaction? tx)
    {
        var steps = new Dictionary<Guid, List<PatternStep>>();
        using (var cmd = Command(db, tx, "SELECT id, pattern_id, to_state, at, by_worker, reason, fix_what, fix_who, fix_by FROM pattern_steps ORDER BY received_at, rowid;"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                if (!RowRules.TryEnum<PatternState>(reader.GetString(2), out var to))
                    continue;
                var pattern = Guid.Parse(reader.GetString(1));
                var fix = reader.IsDBNull(6) ? null : new StructuralFix(reader.GetString(6), reader.GetString(7), DateOnly.Parse(reader.GetString(8), CultureInfo.InvariantCulture));
                if (!steps.TryGetValue(pattern, out var list))
                    steps[pattern] = list = [];
                list.Add(new PatternStep(Guid.Parse(reader.GetString(0)), pattern, to, ParseIso(reader.GetString(3)), new Id<Worker>(Guid.Parse(reader.GetString(4))), reader.GetString(5), fix));
            }
        }

        var patterns = new List<Pattern>();
        using (var cmd = Command(db, tx, """
            SELECT id, tag_key, state, cases, clients, spent_cents, by_source, by_department, teams, first_case, last_case, raised_at
            FROM patterns ORDER BY raised_at DESC, id;
            """))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                if (!RowRules.TryEnum<PatternState>(reader.GetString(2), out var state))
                    continue;
                var id = Guid.Parse(reader.GetString(0));
                patterns.Add(new Pattern(
                    id, reader.GetString(1), state, reader.GetInt32(3), reader.GetInt32(4), new Money(reader.GetInt64(5)),
                    Shares(reader.GetString(6)), Shares(reader.GetString(7)), JsonSerializer.Deserialize(reader.GetString(8), ServerJson.Default.ListString)!,
                    DateOnly.Parse(reader.GetString(9), CultureInfo.InvariantCulture), DateOnly.Parse(reader.GetString(10), CultureInfo.InvariantCulture),
                    ParseIso(reader.GetString(11)), steps.GetValueOrDefault(id) ?? []));
            }
        }

        return patterns;
    }

    private static List<PatternShare> Shares(string json) =>
        JsonSerializer.Deserialize(json, ServerJson.Default.ListPatternShareInfo)!.Select(s => s.ToShare()).ToList();

    /// <summary>What a worker's laptop receives: a team leader the patterns of their teams' cases, every other role none.</summary>
    private static IReadOnlyList<PatternInfo> PatternsFor(DbConnection db, DbTransaction tx, Guid workerId)
    {
        var (_, role) = WorkerOf(db, tx, S(workerId));
        if (role != Role.TeamLeader.Code())
            return [];
        var teams = TeamNamesOf(db, tx, workerId);
        var names = WorkerNames(db, tx);
        return PatternsOf(db, tx)
            .Where(p => PatternRules.MayMove(Role.TeamLeader, teams, p))
            .Select(p => PatternInfo.From(p, id => names.GetValueOrDefault(id) ?? ""))
            .ToList();
    }

    private static Dictionary<Guid, string> WorkerNames(DbConnection db, DbTransaction tx)
    {
        using var cmd = Command(db, tx, "SELECT id, name FROM workers WHERE id IN (SELECT by_worker FROM pattern_steps);");
        using var reader = cmd.ExecuteReader();
        var names = new Dictionary<Guid, string>();
        while (reader.Read())
            names[Guid.Parse(reader.GetString(0))] = reader.GetString(1);
        return names;
    }

    private static Pattern? PatternById(DbConnection db, DbTransaction tx, Guid id) => PatternsOf(db, tx).FirstOrDefault(p => p.Id == id);

    /// <summary>Keeps a step the applier judged and moves its pattern; a closed or dismissed pattern remembers the day, so only later cases raise its tag again.</summary>
    private static void RecordPatternStep(DbConnection db, DbTransaction tx, PatternStep step, Guid device, DateTimeOffset now)
    {
        Exec(db, tx, """
            INSERT INTO pattern_steps(id, pattern_id, to_state, at, by_worker, device_id, received_at, reason, fix_what, fix_who, fix_by)
            VALUES (@id, @p, @to, @at, @by, @d, @now, @reason, @what, @who, @until);
            """,
            ("@id", S(step.Id)), ("@p", S(step.PatternId)), ("@to", step.To.ToString()), ("@at", Iso(step.At)), ("@by", S(step.By.Value)), ("@d", S(device)),
            ("@now", Iso(now)), ("@reason", step.Reason), ("@what", step.Fix?.What), ("@who", step.Fix?.Who), ("@until", step.Fix is { } fix ? DateText.Iso(fix.By) : null));
        var ended = PatternRules.IsOpen(step.To) ? null : DateText.Iso(AmsterdamTime.DayOf(now));
        Exec(db, tx, "UPDATE patterns SET state = @s, ended_on = @e, updated_at = @now WHERE id = @id;",
            ("@s", step.To.ToString()), ("@e", ended), ("@now", Iso(now)), ("@id", S(step.PatternId)));
        BumpReference(db, tx);
    }
}
