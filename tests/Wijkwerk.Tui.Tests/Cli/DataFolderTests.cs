using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Wijkwerk.Core.Storage;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Cli;

/// <summary>What the program leaves on disk and on the screen around a store: owner-only files, no secret echoed, a crash told plainly.</summary>
public class DataFolderTests
{
    private const string Header = "voornaam,achternaam,geboortedatum,postcode,huisnummer,toevoeging,telefoon,bsn";

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void NewStore_FolderAndFiles_OwnerOnly()
    {
        using var temp = new TempFolder();
        var data = temp.File("data");
        var csv = temp.File("clients.csv");
        File.WriteAllText(csv, Header + "\nPiet,Vos,1960-05-05,5678 CD,3,,,\n");

        var result = WijkwerkProcess.Run(data, "import", "clients", csv);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(data));
        var storeFiles = Directory.GetFiles(data, "wijkwerk.db*");
        Assert.Contains(Path.Combine(data, "wijkwerk.db"), storeFiles);
        Assert.All(storeFiles, file => Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(file)));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void StoreReadableByOthers_IsMadeOwnerOnlyWhenOpened_AndAnExportFileIsOwnerOnly()
    {
        using var temp = new TempFolder();
        var data = temp.File("data");
        var csv = temp.File("clients.csv");
        File.WriteAllText(csv, Header + "\nPiet,Vos,1960-05-05,5678 CD,3,,,\n");
        Assert.Equal(0, WijkwerkProcess.Run(data, "import", "clients", csv).ExitCode);
        var store = Path.Combine(data, "wijkwerk.db");
        // As an earlier version left it: readable by the group and everyone.
        File.SetUnixFileMode(store, OwnerOnly.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var export = temp.File("clienten.csv");

        var result = WijkwerkProcess.Run(data, "export", "clients", "--out", export);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(store));
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(export));
        Assert.Contains("Vos", File.ReadAllText(export), StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Demo_PassphraseFromEnvironment_NeverPrinted_DemoFolderOwnerOnly()
    {
        using var temp = new TempFolder();
        var data = temp.File("data");

        var result = WijkwerkProcess.Run(data, "demo", "--no-ui", "--clients", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(WijkwerkProcess.Passphrase, result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains("Wachtwoordzin van de demo-omgeving: de waarde van WIJKWERK_PASSPHRASE.", result.Error, StringComparison.Ordinal);
        Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(data));
        Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(Path.Combine(data, "demo")));
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(Path.Combine(data, "demo", "wijkwerk.db")));
    }

    [Fact]
    public void Demo_NoPassphraseSet_PrintsThePublicDemoPassphrase()
    {
        using var temp = new TempFolder();

        var result = WijkwerkProcess.RunWith(temp.File("data"), null, "demo", "--no-ui", "--clients", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Wachtwoordzin van de demo-omgeving: demo-wijkwerk", result.Error, StringComparison.Ordinal);
    }

    /// <summary>A failure nobody foresaw (here: a folder where the store file should go) reads as a sentence; the exception's type is in the log only.</summary>
    [Fact]
    public void Crash_MessageIsDutchSentence_TypeOnlyInTheLog()
    {
        using var temp = new TempFolder();
        var data = temp.File("data");
        Directory.CreateDirectory(Path.Combine(data, "wijkwerk.db"));
        var csv = temp.File("clients.csv");
        File.WriteAllText(csv, Header + "\nPiet,Vos,1960-05-05,5678 CD,3,,,\n");

        var result = WijkwerkProcess.Run(data, "import", "clients", csv);

        var logs = Path.Combine(data, "logs");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Er ging iets mis en Wijkwerk is gestopt.", result.Error, StringComparison.Ordinal);
        Assert.Contains(logs, result.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\w*Exception|System\.", result.Error);
        var log = string.Join('\n', Directory.GetFiles(logs).Select(ReadShared));
        Assert.Matches(new Regex(@"Command failed with \w+Exception"), log);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
