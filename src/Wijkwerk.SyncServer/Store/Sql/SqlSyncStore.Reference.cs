using System.Globalization;
using System.Text.Json;
using System.Data.Common;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// Issue 11: the reference data the administrator keeps (departments, mandates, the cost table) and the one
/// version number of the whole set, raised in the same transaction as every change to it, so a laptop that
/// pulls with an older number receives the set again.
/// </summary>
public abstract partial class SqlSyncStore
{
    public Task AddDepartmentAsync(string name, DateTimeOffset now) => Write((db, tx) =>
    {
        var department = Department.Parse(name);
        if (!department.IsValid)
            throw new AdminException($"Ongeldige afdelingsnaam: {department.Problem.Describe(Core.Localization.Lang.Nl)}.");
        if (Scalar(db, tx, "SELECT name FROM departments WHERE name = @n;", ("@n", department.Value.Name)) is string existing)
            throw new AdminException($"De afdeling '{existing}' bestaat al.");
        Exec(db, tx, "INSERT INTO departments(name, created_at) VALUES (@n, @at);", ("@n", department.Value.Name), ("@at", Iso(now)));
        return BumpReference(db, tx);
    });

    public Task<IReadOnlyList<string>> ListDepartmentsAsync()
    {
        using var db = Open();
        return Task.FromResult(Departments(db, null));
    }

    /// <summary>A department a mandate still reaches stays: revoke that mandate first, so no team leader loses a department unseen.</summary>
    public Task RemoveDepartmentAsync(string name, DateTimeOffset now) => Write((db, tx) =>
    {
        var known = Scalar(db, tx, "SELECT name FROM departments WHERE name = @n;", ("@n", name.Trim())) as string
            ?? throw new AdminException($"Onbekende afdeling '{name.Trim()}'; zie 'admin department list'.");
        var today = AmsterdamTime.ToLocal(now);
        var holding = Mandates(db, tx, null).Where(m => m.Mandate.RevokedAt is null && m.Mandate.ValidUntil >= DateOnly.FromDateTime(today.DateTime) && m.Mandate.Covers(known)).ToList();
        if (holding.Count > 0)
        {
            throw new AdminException(
                $"De afdeling '{known}' valt nog onder het mandaat van {string.Join(", ", holding.Select(m => $"{m.WorkerName} ({m.Mandate.Id})"))}; trek dat eerst in met 'admin mandate revoke ID'.");
        }

        Exec(db, tx, "DELETE FROM departments WHERE name = @n;", ("@n", known));
        return BumpReference(db, tx);
    });

    public Task<Mandate> GrantMandateAsync(string workerName, IReadOnlyList<string> departments, DateOnly from, DateOnly until, DateTimeOffset now) => Write((db, tx) =>
    {
        using var find = Command(db, tx, "SELECT id, role FROM workers WHERE name = @n;", ("@n", workerName.Trim()));
        string workerId, role;
        using (var reader = find.ExecuteReader())
        {
            if (!reader.Read())
                throw new AdminException($"--user: onbekende medewerker '{workerName.Trim()}'; voeg de medewerker eerst toe met 'admin user add'.");
            (workerId, role) = (reader.GetString(0), reader.GetString(1));
        }

        if (role != Role.TeamLeader.Code())
            throw new AdminException($"--user: '{workerName.Trim()}' heeft de rol {role}; een mandaat krijgt alleen een teamleider (rol teamleader).");
        var known = Departments(db, tx);
        var names = new List<string>();
        foreach (var asked in departments)
        {
            var match = known.FirstOrDefault(k => Department.SameName(k, asked))
                ?? throw new AdminException($"--departments: onbekende afdeling '{asked.Trim()}'; bekend zijn: {(known.Count == 0 ? "(nog geen)" : string.Join(", ", known))}. Voeg haar toe met 'admin department add'.");
            if (!names.Contains(match))
                names.Add(match);
        }

        var id = Guid.CreateVersion7(now);
        Exec(db, tx, "INSERT INTO mandates(id, worker_id, departments, valid_from, valid_until, granted_at) VALUES (@id, @w, @d, @from, @until, @at);",
            ("@id", S(id)), ("@w", workerId), ("@d", JsonSerializer.Serialize(names, ServerJson.Default.ListString)), ("@from", DateText.Iso(from)), ("@until", DateText.Iso(until)), ("@at", Iso(now)));
        BumpReference(db, tx);
        return new Mandate(new Id<Mandate>(id), new Id<Worker>(Guid.Parse(workerId)), names, from, until, null);
    });

    public Task<IReadOnlyList<MandateListing>> ListMandatesAsync()
    {
        using var db = Open();
        return Task.FromResult(Mandates(db, null, null));
    }

    public Task RevokeMandateAsync(Guid id, DateTimeOffset now) => Write((db, tx) =>
    {
        if (Scalar(db, tx, "SELECT coalesce(revoked_at, '') FROM mandates WHERE id = @id;", ("@id", S(id))) is not string revoked)
            throw new AdminException($"Onbekend mandaat {id}; zie 'admin mandate list'.");
        if (revoked is { Length: > 0 } at)
            throw new AdminException($"Mandaat {id} is al ingetrokken op {ParseIso(at):yyyy-MM-dd HH:mm} UTC.");
        Exec(db, tx, "UPDATE mandates SET revoked_at = @at WHERE id = @id;", ("@id", S(id)), ("@at", Iso(now)));
        return BumpReference(db, tx);
    });

    /// <summary>Stores the entries as the next version of the cost table; earlier versions stay as they were.</summary>
    public Task<int> ImportCostTableAsync(IReadOnlyList<CostEntry> entries, string fileName, DateTimeOffset now) => Write((db, tx) =>
    {
        var version = Convert.ToInt32(Scalar(db, tx, "SELECT coalesce(max(version), 0) + 1 FROM cost_tables;"), CultureInfo.InvariantCulture);
        Exec(db, tx, "INSERT INTO cost_tables(version, imported_at, file_name) VALUES (@v, @at, @f);", ("@v", version), ("@at", Iso(now)), ("@f", fileName));
        for (var line = 0; line < entries.Count; line++)
        {
            var e = entries[line];
            Exec(db, tx, """
                INSERT INTO cost_entries(version, line, route_code, name, amount_cents, period, valid_from, source)
                VALUES (@v, @l, @code, @name, @amount, @period, @from, @source);
                """,
                ("@v", version), ("@l", line), ("@code", e.RouteCode), ("@name", e.Name), ("@amount", e.Amount.Cents), ("@period", e.Period.ToString()),
                ("@from", DateText.Iso(e.ValidFrom)), ("@source", e.Source));
        }

        BumpReference(db, tx);
        return version;
    });

    public Task<CostTable> CostTablesAsync()
    {
        using var db = Open();
        return Task.FromResult(CostTables(db, null));
    }

    public Task<ReferenceData?> ReferenceDataAsync(Guid workerId, long knownVersion, CancellationToken cancel = default) =>
        Read(db => ReferenceData(db, workerId, knownVersion), cancel);

    /// <summary>The version of the reference set: every change to it counts one up.</summary>
    private const string ReferenceVersionSql = "SELECT value FROM counters WHERE name = 'reference';";

    private static ReferenceData? ReferenceData(DbConnection db, Guid workerId, long knownVersion)
    {
        // One snapshot: the version number and the lists it describes.
        using var tx = BeginRead(db);
        var version = Convert.ToInt64(Scalar(db, tx, ReferenceVersionSql), CultureInfo.InvariantCulture);
        if (version == knownVersion)
            return null;
        var data = ReferenceSet(db, tx, workerId, version);
        tx.Commit();
        return data;
    }

    /// <summary>The set of <paramref name="version"/> for the worker's laptop, read in the caller's snapshot (the one that read the version).</summary>
    private static ReferenceData ReferenceSet(DbConnection db, DbTransaction tx, Guid workerId, long version)
    {
        var fund = FundOf(db, tx);
        return new ReferenceData(version)
        {
            Departments = Departments(db, tx),
            Mandates = MandatesOf(db, tx, workerId).Select(MandateInfo.From).ToList(),
            CostTables = CostTables(db, tx).Versions.Select(CostTableInfo.From).ToList(),
            MyTeams = TeamNamesOf(db, tx, workerId),
            TeamBudgets = BudgetsOf(db, tx, workerId).Select(TeamBudgetInfo.From).ToList(),
            Fund = FundInfo.From(fund, FundBalanceOf(db, tx, fund)),
            PauseMaxWeeks = PauseSettingsOf(db, tx).MaximumWeeks,
            Bottlenecks = BottlenecksOf(db, tx),
            Patterns = PatternsFor(db, tx, workerId),
        };
    }

    internal static IReadOnlyList<Mandate> MandatesOf(DbConnection db, DbTransaction? tx, Guid workerId) =>
        Mandates(db, tx, workerId).Select(m => m.Mandate).ToList();

    private static long BumpReference(DbConnection db, DbTransaction tx) =>
        Convert.ToInt64(Scalar(db, tx, "UPDATE counters SET value = value + 1 WHERE name = 'reference' RETURNING value;"), CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Departments(DbConnection db, DbTransaction? tx)
    {
        using var cmd = Command(db, tx, "SELECT name FROM departments ORDER BY name COLLATE NOCASE;");
        using var reader = cmd.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
            list.Add(reader.GetString(0));
        return list;
    }

    private static IReadOnlyList<MandateListing> Mandates(DbConnection db, DbTransaction? tx, Guid? workerId)
    {
        using var cmd = Command(db, tx, $"""
            SELECT m.id, m.worker_id, w.name, m.departments, m.valid_from, m.valid_until, m.granted_at, m.revoked_at
            FROM mandates m JOIN workers w ON w.id = m.worker_id {(workerId is null ? "" : "WHERE m.worker_id = @w")} ORDER BY w.name, m.valid_from, m.id;
            """, workerId is { } w ? [("@w", S(w))] : []);
        using var reader = cmd.ExecuteReader();
        var list = new List<MandateListing>();
        while (reader.Read())
        {
            var mandate = new Mandate(
                new Id<Mandate>(Guid.Parse(reader.GetString(0))), new Id<Worker>(Guid.Parse(reader.GetString(1))),
                JsonSerializer.Deserialize(reader.GetString(3), ServerJson.Default.ListString)!, DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.IsDBNull(7) ? null : ParseIso(reader.GetString(7)));
            list.Add(new MandateListing(mandate, reader.GetString(2), ParseIso(reader.GetString(6))));
        }

        return list;
    }

    private static CostTable CostTables(DbConnection db, DbTransaction? tx)
    {
        var entries = new Dictionary<int, List<CostEntry>>();
        using (var cmd = Command(db, tx, "SELECT version, route_code, name, amount_cents, period, valid_from, source FROM cost_entries ORDER BY version, line;"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                if (!RowRules.TryEnum<CostPeriod>(reader.GetString(4), out var period))
                    continue;
                var version = reader.GetInt32(0);
                if (!entries.TryGetValue(version, out var list))
                    entries[version] = list = [];
                list.Add(new CostEntry(reader.GetString(1), reader.GetString(2), new Money(reader.GetInt64(3)), period,
                    DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(6)));
            }
        }

        var versions = new List<CostTableVersion>();
        using (var cmd = Command(db, tx, "SELECT version, imported_at FROM cost_tables ORDER BY version;"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
                versions.Add(new CostTableVersion(reader.GetInt32(0), ParseIso(reader.GetString(1)), entries.GetValueOrDefault(reader.GetInt32(0)) ?? []));
        }

        return new CostTable(versions);
    }
}
