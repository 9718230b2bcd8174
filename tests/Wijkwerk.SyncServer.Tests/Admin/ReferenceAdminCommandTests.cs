using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Admin;

/// <summary>Issue 11's admin commands of the real program: departments, mandates and the cost table, their errors naming the option or the line.</summary>
public sealed class ReferenceAdminCommandTests() : AdminProgramTest("ref")
{
    private async Task Ok(params string[] args)
    {
        var outcome = await Run(args);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
    }

    private async Task Team()
    {
        await Ok("admin", "team", "add", "Noord");
        await Ok("admin", "user", "add", "--team", "Noord", "--name", "Tessa", "--role", "teamleader");
        await Ok("admin", "user", "add", "--team", "Noord", "--name", "Anna", "--role", "nurse");
        await Ok("admin", "department", "add", "Opvang");
        await Ok("admin", "department", "add", "Wonen");
    }

    [Fact]
    public async Task Departments_AddListRemove_DuplicateInOtherCaseRefused()
    {
        await Team();

        var duplicate = await Run("admin", "department", "add", "opvang");
        var comma = await Run("admin", "department", "add", "Werk, Inkomen");
        var removed = await Run("admin", "department", "remove", "Wonen");
        var unknown = await Run("admin", "department", "remove", "Jeugd");
        var list = await Run("admin", "department", "list");

        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("De afdeling 'Opvang' bestaat al.", duplicate.Error);
        Assert.Contains("zonder komma", comma.Error);
        Assert.Equal(0, removed.ExitCode);
        Assert.Contains("Onbekende afdeling 'Jeugd'", unknown.Error);
        Assert.Equal("Opvang", list.Out.Trim());
    }

    [Theory]
    [InlineData("Anna", "Opvang", "2026-01-01", "2026-12-31", 1, "--user: 'Anna' heeft de rol nurse; een mandaat krijgt alleen een teamleider")]
    [InlineData("Onbekend", "Opvang", "2026-01-01", "2026-12-31", 1, "--user: onbekende medewerker 'Onbekend'")]
    [InlineData("Tessa", "Opvang,Jeugd", "2026-01-01", "2026-12-31", 1, "--departments: onbekende afdeling 'Jeugd'; bekend zijn: Opvang, Wonen")]
    [InlineData("Tessa", "Opvang,,Wonen", "2026-01-01", "2026-12-31", 2, "--departments: 'Opvang,,Wonen' bevat een lege afdelingsnaam")]
    [InlineData("Tessa", "Opvang", "2026-02-30", "2026-12-31", 2, "--from: '2026-02-30' is geen geldige datum")]
    [InlineData("Tessa", "Opvang", "2026-01-01", "morgen", 2, "--until: 'morgen' is geen geldige datum")]
    [InlineData("Tessa", "Opvang", "2026-12-01", "2026-01-31", 2, "--until (31-01-2026) ligt voor --from (01-12-2026)")]
    public async Task MandateGrant_BadInput_NamesTheOptionAndStoresNothing(string user, string departments, string from, string until, int exit, string message)
    {
        await Team();

        var outcome = await Run("admin", "mandate", "grant", "--user", user, "--departments", departments, "--from", from, "--until", until);

        Assert.Equal(exit, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
        Assert.Equal("", (await Run("admin", "mandate", "list")).Out.Trim());
    }

    [Fact]
    public async Task MandateGrantListRevoke_ShowsTheStateAndRefusesASecondRevoke()
    {
        await Team();

        var granted = await Run("admin", "mandate", "grant", "--user", "Tessa", "--departments", "opvang, Wonen", "--from", "01-01-2026", "--until", "2099-12-31");
        var id = granted.Out.Split(' ')[1];
        var listed = await Run("admin", "mandate", "list");
        var revoked = await Run("admin", "mandate", "revoke", id);
        var again = await Run("admin", "mandate", "revoke", id);
        var after = await Run("admin", "mandate", "list");

        Assert.Contains("voor Opvang, Wonen, geldig van 01-01-2026 tot en met 31-12-2099", granted.Out);
        Assert.Contains($"{id}\tTessa\tOpvang, Wonen\t2026-01-01\t2099-12-31\tgeldig", listed.Out);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Contains("al ingetrokken", again.Error);
        Assert.Contains("\tingetrokken ", after.Out);
    }

    [Fact]
    public async Task CostsImport_BadRows_NameLineAndColumn_NothingImported_ThenNewVersionsKeepTheOld()
    {
        var bad = Path.Combine(Folder, "fout.csv");
        await File.WriteAllTextAsync(bad, MandateRows.WorkedExampleCsv + "\nbijstand,Bijstand,12,50,week,2026-02-30,\nbeschermd wonen,Beschermd wonen,-5,maand,2026-01-01,Gemeente\n");
        var good = Path.Combine(Folder, "goed.csv");
        await File.WriteAllTextAsync(good, MandateRows.WorkedExampleCsv);
        var changed = Path.Combine(Folder, "nieuw.csv");
        await File.WriteAllTextAsync(changed, MandateRows.WorkedExampleCsv.Replace("600000", "800000"));

        await Ok("admin", "team", "add", "Noord");

        var refused = await Run("admin", "costs", "import", bad);
        var empty = await Run("admin", "costs", "list");
        var first = await Run("admin", "costs", "import", good);
        var second = await Run("admin", "costs", "import", changed);
        var latest = await Run("admin", "costs", "list");
        var all = await Run("admin", "costs", "list", "--all");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("regel 5: verwacht 6 kolommen, gevonden 7", refused.Error);
        Assert.Contains("regel 6, routecode: mag alleen letters, cijfers, - en _ bevatten", refused.Error);
        Assert.Contains("regel 6, bedrag_centen: '-5' is geen bedrag in centen", refused.Error);
        Assert.Contains("Er is niets geïmporteerd", refused.Error);
        Assert.Contains("Nog geen kostentabel", empty.Out);
        Assert.Contains("versie 1 geïmporteerd: 3 regels", first.Out);
        Assert.Contains("versie 2 geïmporteerd", second.Out);
        Assert.Contains("versie 2\tuithuiszetting\tGedwongen uithuiszetting\t€ 8.000,00\tkeer\t2020-01-01", latest.Out);
        Assert.DoesNotContain("versie 1", latest.Out);
        Assert.Contains("versie 1\tuithuiszetting\tGedwongen uithuiszetting\t€ 6.000,00\tkeer", all.Out);
        Assert.Equal(6, all.Out.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task CostsImport_MissingFile_SaysSo()
    {
        var outcome = await Run("admin", "costs", "import", Path.Combine(Folder, "weg.csv"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("bestaat niet", outcome.Error);
    }
}
