using System.Globalization;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;
using Wijkwerk.SyncServer.Store;
using static Wijkwerk.SyncServer.Admin.AdminCommands;

namespace Wijkwerk.SyncServer.Admin;

/// <summary>
/// Issue 11: the administrator keeps the departments, the team leaders' mandates and the cost table. Each change
/// raises the reference version, so every laptop receives the new set with its next pull. Output for people on
/// stdout; a problem names the option or the line and column, on stderr, with exit code 1 or 2 as elsewhere.
/// </summary>
public static class ReferenceAdminCommands
{
    public static Task<int> AddDepartment(StoreOptions options, string name) => Run(options, async store =>
    {
        await store.AddDepartmentAsync(name, DateTimeOffset.UtcNow);
        Console.WriteLine($"Afdeling '{name.Trim()}' toegevoegd.");
        return 0;
    });

    public static Task<int> ListDepartments(StoreOptions options) => RunOnExisting(options, async store =>
    {
        foreach (var name in await store.ListDepartmentsAsync())
            Console.WriteLine(name);
        return 0;
    });

    public static Task<int> RemoveDepartment(StoreOptions options, string name) => Run(options, async store =>
    {
        await store.RemoveDepartmentAsync(name, DateTimeOffset.UtcNow);
        Console.WriteLine($"Afdeling '{name.Trim()}' verwijderd.");
        return 0;
    });

    public static Task<int> GrantMandate(StoreOptions options, string user, string departments, string from, string until)
    {
        var names = departments.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0))
            return Fail(BadInput, $"--departments: '{departments}' bevat een lege afdelingsnaam; geef namen gescheiden door komma's, zoals \"Wonen,Opvang\".");
        var start = DateText.Parse(from, "--from");
        var end = DateText.Parse(until, "--until");
        foreach (var date in new[] { start, end })
        {
            if (!date.IsValid)
                return Fail(BadInput, $"{date.Problem.Field}: {date.Problem.Describe(Lang.Nl)}.");
        }

        if (start.Value > end.Value)
            return Fail(BadInput, $"--until ({DateText.Show(end.Value)}) ligt voor --from ({DateText.Show(start.Value)}); een mandaat loopt van --from tot en met --until.");
        return Run(options, async store =>
        {
            var mandate = await store.GrantMandateAsync(user, names, start.Value, end.Value, DateTimeOffset.UtcNow);
            Console.WriteLine($"Mandaat {mandate.Id} toegekend aan '{user.Trim()}' voor {string.Join(", ", mandate.Departments)}, geldig van {DateText.Show(start.Value)} tot en met {DateText.Show(end.Value)}.");
            return 0;
        });
    }

    public static Task<int> ListMandates(StoreOptions options) => RunOnExisting(options, async store =>
    {
        var today = AmsterdamTime.Today(TimeProvider.System);
        foreach (var (mandate, worker, granted) in await store.ListMandatesAsync())
        {
            var state = mandate.StateOn(today) == MandateState.Revoked
                ? $"{EnumTexts.Name(MandateState.Revoked, Lang.Nl)} {mandate.RevokedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC"
                : EnumTexts.Name(mandate.StateOn(today), Lang.Nl);
            Console.WriteLine($"{mandate.Id}\t{worker}\t{string.Join(", ", mandate.Departments)}\t{DateText.Iso(mandate.ValidFrom)}\t{DateText.Iso(mandate.ValidUntil)}\t{state}\ttoegekend {granted.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        return 0;
    });

    public static Task<int> RevokeMandate(StoreOptions options, string id)
    {
        if (!Guid.TryParse(id, out var mandate))
            return Fail(BadInput, $"'{id}' is geen geldig mandaat-id (een GUID); zie 'admin mandate list'.");
        return Run(options, async store =>
        {
            await store.RevokeMandateAsync(mandate, DateTimeOffset.UtcNow);
            Console.WriteLine($"Mandaat {mandate} ingetrokken; de laptop van de teamleider weet het na de volgende synchronisatie, de server weigert besluiten ermee vanaf nu.");
            return 0;
        });
    }

    /// <summary>The whole file or nothing: every bad line is named with its column, and then nothing is imported.</summary>
    public static async Task<int> ImportCosts(StoreOptions options, string file)
    {
        if (!File.Exists(file))
            return await Fail(Failed, Texts.Format(TextId.ImportFileMissing, Lang.Nl, file));
        var result = CostTableCsvImport.Read(new StringReader(ClientCsvImport.Decode(await File.ReadAllBytesAsync(file))), Lang.Nl);
        if (!result.IsValid)
        {
            foreach (var problem in result.Problems)
            {
                await Console.Error.WriteLineAsync(problem.Column.Length == 0
                    ? Texts.Format(TextId.ImportFileProblem, Lang.Nl, problem.Line, problem.Message)
                    : Texts.Format(TextId.ImportLineProblem, Lang.Nl, problem.Line, problem.Column, problem.Message));
            }

            return await Fail(BadInput, Texts.Get(TextId.ImportNothingImported, Lang.Nl));
        }

        return await Run(options, async store =>
        {
            var version = await store.ImportCostTableAsync(result.Entries, Path.GetFileName(file), DateTimeOffset.UtcNow);
            Console.WriteLine($"Kostentabel versie {version} geïmporteerd: {result.Entries.Count} regels. Eerdere versies blijven bewaard; besluiten houden de bedragen waarmee ze zijn genomen.");
            return 0;
        });
    }

    /// <summary>The newest version of the cost table, or with <paramref name="all"/> every version, one entry a line.</summary>
    public static Task<int> ListCosts(StoreOptions options, bool all) => RunOnExisting(options, async store =>
    {
        var table = await store.CostTablesAsync();
        if (table.Latest is null)
        {
            Console.WriteLine("Nog geen kostentabel; importeer er een met 'admin costs import BESTAND.csv'.");
            return 0;
        }

        foreach (var version in all ? table.Versions : [table.Latest])
        {
            foreach (var e in version.Entries)
                Console.WriteLine($"versie {version.Version}\t{e.RouteCode}\t{e.Name}\t{e.Amount}\t{CostTableCsvImport.PeriodWord(e.Period)}\t{DateText.Iso(e.ValidFrom)}\t{e.Source}");
        }

        return 0;
    });
}
