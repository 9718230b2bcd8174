using System.Globalization;
using System.Text.Json;
using System.Data.Common;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// Issue 13: the revolving fund the administrator keeps (partners, deposits, members), part of the reference data
/// (every change raises its version), and what a push needs to judge a fund row inside its BEGIN IMMEDIATE
/// transaction: the fund and the balance as every team's requests and repayments stand there. One writer at a
/// time, so two payouts never both see the same balance.
/// </summary>
public abstract partial class SqlSyncStore
{
    public Task<string> AddFundPartnerAsync(string name, DateTimeOffset now) => Write((db, tx) =>
    {
        var partner = CheckName(name, "partnernaam");
        if (Scalar(db, tx, "SELECT name FROM fund_partners WHERE name = @n;", ("@n", partner)) is string existing)
            throw new AdminException($"De partner '{existing}' doet al mee aan het fonds.");
        Exec(db, tx, "INSERT INTO fund_partners(name, created_at) VALUES (@n, @at);", ("@n", partner), ("@at", Iso(now)));
        BumpReference(db, tx);
        return partner;
    });

    public Task<FundDeposit> AddFundDepositAsync(string partner, Money amount, DateOnly date, DateTimeOffset now) => Write((db, tx) =>
    {
        var known = PartnerName(db, tx, partner);
        Exec(db, tx, "INSERT INTO fund_deposits(partner, amount_cents, date, recorded_at) VALUES (@p, @a, @d, @at);",
            ("@p", known), ("@a", amount.Cents), ("@d", DateText.Iso(date)), ("@at", Iso(now)));
        BumpReference(db, tx);
        return new FundDeposit(known, amount, date);
    });

    /// <summary>Only a professional who records dossiers (nurse, team leader) requests from the fund.</summary>
    public Task<string> AddFundMemberAsync(string workerName, DateTimeOffset now) => Write((db, tx) =>
    {
        var (id, name, role) = FundWorker(db, tx, workerName);
        if (!RoleCodes.TryParse(role, out var parsed) || !parsed.RecordsSignalsAndVisits())
            throw new AdminException($"--user: '{name}' heeft de rol {role}; lid van het fonds worden alleen lid-professionals (rol nurse of teamleader), nooit inwoners of andere rollen.");
        if (Exec(db, tx, "INSERT INTO fund_members(worker_id, added_at) VALUES (@w, @at) ON CONFLICT DO NOTHING;", ("@w", id), ("@at", Iso(now))) == 0)
            throw new AdminException($"--user: '{name}' is al lid van het fonds.");
        BumpReference(db, tx);
        return name;
    });

    public Task<string> RemoveFundMemberAsync(string workerName, DateTimeOffset now) => Write((db, tx) =>
    {
        var (id, name, _) = FundWorker(db, tx, workerName);
        if (Exec(db, tx, "DELETE FROM fund_members WHERE worker_id = @w;", ("@w", id)) == 0)
            throw new AdminException($"--user: '{name}' is geen lid van het fonds; zie 'admin fund members list'.");
        BumpReference(db, tx);
        return name;
    });

    public Task<IReadOnlyList<string>> ListFundMembersAsync()
    {
        using var db = Open();
        using var cmd = Command(db, null, "SELECT w.name FROM fund_members m JOIN workers w ON w.id = m.worker_id ORDER BY w.name;");
        using var reader = cmd.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return Task.FromResult<IReadOnlyList<string>>(names);
    }

    public Task<(Fund Fund, FundBalance Balance)> FundAsync()
    {
        using var db = Open();
        using var tx = BeginRead(db);
        var fund = FundOf(db, tx);
        return Task.FromResult((fund, FundBalanceOf(db, tx, fund)));
    }

    private static Fund FundOf(DbConnection db, DbTransaction? tx)
    {
        var partners = new List<string>();
        using (var cmd = Command(db, tx, "SELECT name FROM fund_partners ORDER BY name;"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
                partners.Add(reader.GetString(0));
        }

        var deposits = new List<FundDeposit>();
        using (var cmd = Command(db, tx, "SELECT p.name, d.amount_cents, d.date FROM fund_deposits d JOIN fund_partners p ON p.name = d.partner ORDER BY d.date, d.id;"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
                deposits.Add(new FundDeposit(reader.GetString(0), new Money(reader.GetInt64(1)), DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        var members = new List<Id<Worker>>();
        using (var cmd = Command(db, tx, "SELECT worker_id FROM fund_members ORDER BY worker_id;"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
                members.Add(new Id<Worker>(Guid.Parse(reader.GetString(0))));
        }

        return new Fund(partners, deposits, members);
    }

    /// <summary>The balance from every team's live requests and repayments as this transaction sees them.</summary>
    private static FundBalance FundBalanceOf(DbConnection db, DbTransaction? tx, Fund fund) =>
        FundBalance.Of(fund,
            LiveRows(db, tx, FundColumns.RequestTable).Select(r => FundColumns.FromColumns(r.RowId, r.Columns)).Where(r => r.IsValid).Select(r => r.Value),
            LiveRows(db, tx, FundColumns.RepaymentTable).Select(r => FundColumns.RepaymentFromColumns(r.RowId, r.Columns)).Where(r => r.IsValid).Select(r => r.Value));

    private static IReadOnlyList<(Guid RowId, Dictionary<string, string?> Columns)> LiveRows(DbConnection db, DbTransaction? tx, string table)
    {
        using var cmd = Command(db, tx, "SELECT row_id, columns FROM rows WHERE tbl = @t AND deleted = 0 ORDER BY row_id;", ("@t", table));
        using var reader = cmd.ExecuteReader();
        var rows = new List<(Guid, Dictionary<string, string?>)>();
        while (reader.Read())
            rows.Add((Guid.Parse(reader.GetString(0)), JsonSerializer.Deserialize(reader.GetString(1), ProtocolJson.Default.DictionaryStringString)!));
        return rows;
    }

    private static string PartnerName(DbConnection db, DbTransaction tx, string partner) =>
        Scalar(db, tx, "SELECT name FROM fund_partners WHERE name = @n;", ("@n", partner.Trim())) as string
            ?? throw new AdminException($"--partner: onbekende partner '{partner.Trim()}'; voeg de partner eerst toe met 'admin fund partner add NAAM' (zie 'admin fund partner list').");

    private static (string Id, string Name, string Role) FundWorker(DbConnection db, DbTransaction tx, string workerName)
    {
        using var cmd = Command(db, tx, "SELECT id, name, role FROM workers WHERE name = @n;", ("@n", workerName.Trim()));
        using var reader = cmd.ExecuteReader();
        if (!reader.Read())
            throw new AdminException($"--user: onbekende medewerker '{workerName.Trim()}'; voeg de medewerker eerst toe met 'admin user add'.");
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }
}
