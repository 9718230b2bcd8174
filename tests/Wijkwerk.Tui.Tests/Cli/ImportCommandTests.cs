using System.Security.Cryptography;
using System.Text;
using Bogus;
using Wijkwerk.Demo;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Cli;

public class ImportCommandTests
{
    private const string Header = "voornaam,achternaam,geboortedatum,postcode,huisnummer,toevoeging,telefoon,bsn";

    [Fact]
    public void Import_SyntheticClients_NoNameNumberOrBsnInAnyFileOfTheDataFolder()
    {
        using var temp = new TempFolder();
        var faker = new Faker("nl") { Random = new Randomizer(7) };
        var people = Enumerable.Range(0, 40).Select(i => (
            First: faker.Name.FirstName() + "x" + i, Last: "Qz" + faker.Name.LastName() + i,
            Phone: "06" + faker.Random.Replace("########"), Bsn: SyntheticBsn.Next(faker.Random).Digits)).ToList();
        var csv = temp.File("clients.csv");
        File.WriteAllLines(csv, [Header, .. people.Select(p => $"{p.First},{p.Last},1950-01-01,1234 AB,1,,{p.Phone},{p.Bsn}")]);
        var data = temp.File("data");

        var result = WijkwerkProcess.Run(data, "import", "clients", csv);
        var export = WijkwerkProcess.Run(data, "export", "clients");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("40", result.Out);
        Assert.Contains(people[0].Bsn, export.Out);
        var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith(".log", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var secret in people.SelectMany(p => new[] { p.First, p.Last, p.Phone, p.Bsn }))
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{secret} in {file}");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) < 0, $"{secret} (UTF-16) in {file}");
            }
        }
    }

    [Theory]
    [InlineData("naam,achternaam,geboortedatum,postcode,huisnummer,toevoeging,telefoon,bsn\nAnna,Berg,1950-01-01,1234 AB,1,,,", "regel 1")]
    [InlineData(Header + "\nAnna,Berg,1950-13-01,1234 AB,1,,,", "regel 2, geboortedatum")]
    [InlineData(Header + "\nAnna,Berg,1950-01-01,12345,1,,,", "regel 2, postcode")]
    [InlineData(Header + "\nAnna,Berg,1950-01-01,1234 AB,1,,,123456789", "regel 2, bsn")]
    [InlineData(Header + "\nAnna,,1950-01-01,1234 AB,1,,,", "regel 2, achternaam")]
    [InlineData(Header + "\nAnna,Berg,1950-01-01,1234 AB,1,,,\nKees,Smit,1950-01-01,,1,,,", "regel 3, postcode")]
    public void Import_BadFile_ReportsWhereAndWhy_ExitsNonZero_StoreUnchanged(string content, string expected)
    {
        using var temp = new TempFolder();
        var data = temp.File("data");
        var good = temp.File("good.csv");
        File.WriteAllText(good, Header + "\nPiet,Vos,1960-05-05,5678 CD,3,,,\n");
        Assert.Equal(0, WijkwerkProcess.Run(data, "import", "clients", good).ExitCode);
        var store = Path.Combine(data, "wijkwerk.db");
        var before = File.ReadAllBytes(store);
        var csv = temp.File("bad.csv");
        File.WriteAllText(csv, content);

        var result = WijkwerkProcess.Run(data, "import", "clients", csv);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Contains("niets geïmporteerd", result.Error);
        Assert.Equal(before, File.ReadAllBytes(store));
        Assert.False(File.Exists(store + "-wal"));
    }

    [Fact]
    public void Import_ClientAlreadyOnCaseload_RefusedNamingTheLine()
    {
        using var temp = new TempFolder();
        var data = temp.File("data");
        var csv = temp.File("twice.csv");
        File.WriteAllText(csv, Header + "\nPiet,Vos,1960-05-05,5678 CD,3,,,\n");
        Assert.Equal(0, WijkwerkProcess.Run(data, "import", "clients", csv).ExitCode);

        var again = WijkwerkProcess.Run(data, "import", "clients", csv);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("regel 2: deze cliënt staat al in uw caseload", again.Error);
        Assert.Equal(2, WijkwerkProcess.Run(data, "export", "clients").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Import_TenMegabytesOfGarbage_RefusedWithHeaderMessage_NoStoreCreated()
    {
        using var temp = new TempFolder();
        var data = temp.File("data");
        var garbage = temp.File("garbage.csv");
        File.WriteAllBytes(garbage, RandomNumberGenerator.GetBytes(10 * 1024 * 1024));

        var result = WijkwerkProcess.Run(data, "import", "clients", garbage);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("De eerste regel moet precies deze kolommen hebben", result.Error);
        Assert.False(File.Exists(Path.Combine(data, "wijkwerk.db")));
    }

    [Fact]
    public void Import_MissingFile_SaysSoInEnglishWhenAsked()
    {
        using var temp = new TempFolder();
        var result = WijkwerkProcess.Run(temp.File("data"), "import", "clients", temp.File("nope.csv"), "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.Error);
        Assert.False(Directory.Exists(temp.File("data")) && File.Exists(Path.Combine(temp.File("data"), "wijkwerk.db")));
    }

    [Fact]
    public void Import_WrongPassphrase_RefusedAndNothingChanged()
    {
        using var temp = new TempFolder();
        var data = temp.File("data");
        var csv = temp.File("ok.csv");
        File.WriteAllText(csv, Header + "\nAnna,Berg,1950-01-01,1234 AB,1,,,\n");
        Assert.Equal(0, WijkwerkProcess.Run(data, "import", "clients", csv).ExitCode);
        var store = Path.Combine(data, "wijkwerk.db");
        var before = File.ReadAllBytes(store);

        var result = WijkwerkProcess.RunWith(data, "verkeerd-wachtwoord", "import", "clients", csv);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("wachtwoordzin klopt niet", result.Error);
        Assert.Equal(before, File.ReadAllBytes(store));
    }

    [Fact]
    public void Import_KilledWhileWriting_StoreHoldsNoneOfItAndAnotherImportWorks()
    {
        using var temp = new TempFolder();
        var data = temp.File("data");
        var faker = new Faker("nl") { Random = new Randomizer(11) };
        var csv = temp.File("big.csv");
        File.WriteAllLines(csv, [Header, .. Enumerable.Range(0, 30_000).Select(i => $"{faker.Name.FirstName()},Berg{i},1950-01-01,1234 AB,{1 + (i % 900)},,,")]);
        var small = temp.File("small.csv");
        File.WriteAllText(small, Header + "\nPiet,Vos,1960-05-05,5678 CD,3,,,\n");
        Assert.Equal(0, WijkwerkProcess.Run(data, "import", "clients", small).ExitCode);
        var wal = Path.Combine(data, "wijkwerk.db-wal");

        // Killed once the transaction has spilled pages into the WAL: the write is under way, not committed.
        using var process = WijkwerkProcess.Start(data, WijkwerkProcess.Passphrase, "import", "clients", csv);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(File.Exists(wal) && new FileInfo(wal).Length > 2_000_000) && !process.HasExited && DateTime.UtcNow < deadline)
            Thread.Sleep(5);
        Assert.False(process.HasExited, "the import finished before it could be killed mid-write");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        var rows = WijkwerkProcess.Run(data, "export", "clients").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.Equal(1, rows);
        Assert.Equal(1, CountOutboxEntriesForClients(Path.Combine(data, "wijkwerk.db")));
        Assert.Equal(0, WijkwerkProcess.Run(data, "audit", "verify").ExitCode);
        Assert.Equal(0, WijkwerkProcess.Run(data, "import", "clients", csv).ExitCode);
        Assert.Equal(30_001, CountOutboxEntriesForClients(Path.Combine(data, "wijkwerk.db")));
    }

    private static long CountOutboxEntriesForClients(string store)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM outbox WHERE table_name = 'clients'";
        return (long)command.ExecuteScalar()!;
    }
}
