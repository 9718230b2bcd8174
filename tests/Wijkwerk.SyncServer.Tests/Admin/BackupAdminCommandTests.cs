using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Admin;

/// <summary>
/// Issue 15 item 6: <c>admin backup --out FILE</c> through the real program: a complete, self-contained copy; an
/// existing file only with --force; a path it cannot write to named with what to do. (The backup under load and
/// the restore that laptops survive: LaptopSync/BackupRestoreTests.)
/// </summary>
public sealed class BackupAdminCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkwerk-backup-").FullName;

    private string Db => Path.Combine(_folder, "server.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<ServerProgram.Outcome> Run(params string[] args) => await ServerProgram.Run([.. args, "--db", Db]);

    private async Task StoreWithTeams(params string[] teams)
    {
        foreach (var team in teams)
            Assert.Equal(0, (await Run("admin", "team", "add", team)).ExitCode);
    }

    [Fact]
    public async Task Backup_WritesOneSelfContainedCopy_AndSaysWhereAndHowBig()
    {
        await StoreWithTeams("Noord", "Zuid");
        var target = Path.Combine(_folder, "nightly.db");

        var outcome = await Run("admin", "backup", "--out", target);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains($"naar '{target}' ({new FileInfo(target).Length} bytes)", outcome.Out);
        Assert.Equal(2, ServerStore.Count(target, "SELECT count(*) FROM teams"));
        Assert.Equal("delete", ServerStore.Text(target, "PRAGMA journal_mode"));
        // Restored, it hands out change numbers above any a laptop saw from the live store after the copy.
        var liveSeq = ServerStore.Count(Db, "SELECT value FROM counters WHERE name = 'seq'");
        Assert.Equal(liveSeq + (1L << 32), ServerStore.Count(target, "SELECT value FROM counters WHERE name = 'seq'"));
        // Nothing beside it: no -wal to copy along, no temporary file left behind.
        Assert.Equal(["nightly.db"], Directory.GetFiles(_folder, "*nightly*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task ExistingFile_IsRefusedAndLeftAlone_UnlessForceReplacesIt()
    {
        await StoreWithTeams("Noord");
        var target = Path.Combine(_folder, "nightly.db");
        await File.WriteAllTextAsync(target, "de back-up van gisteren");

        var refused = await Run("admin", "backup", "--out", target);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"'{target}' bestaat al; er is niets geschreven. Kies een nieuwe bestandsnaam, of geef --force", refused.Error);
        Assert.Equal("de back-up van gisteren", await File.ReadAllTextAsync(target));

        var forced = await Run("admin", "backup", "--out", target, "--force");

        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(1, ServerStore.Count(target, "SELECT count(*) FROM teams"));
    }

    [Fact]
    public async Task FolderThatDoesNotExist_IsNamedWithWhatToDo_AndNothingIsWritten()
    {
        await StoreWithTeams("Noord");
        var target = Path.Combine(_folder, "bestaat-niet", "nightly.db");

        var outcome = await Run("admin", "backup", "--out", target);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"De back-up kan niet in '{target}' worden geschreven: die map bestaat niet. Kies met --out een pad in een bestaande map", outcome.Error);
        Assert.False(Directory.Exists(Path.GetDirectoryName(target)));
    }

    [Fact]
    public async Task AFolderAsTarget_IsRefused_SuggestingAFileInIt()
    {
        await StoreWithTeams("Noord");

        var outcome = await Run("admin", "backup", "--out", _folder);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"'{_folder}' is een map; er is niets geschreven. Geef met --out een bestandsnaam in die map", outcome.Error);
    }

    [Fact]
    public async Task AStoreThatDoesNotExist_IsNamed_AndNeitherStoreNorBackupIsCreated()
    {
        var target = Path.Combine(_folder, "nightly.db");

        var outcome = await Run("admin", "backup", "--out", target);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"Er is geen serveropslag in '{Db}'", outcome.Error);
        Assert.Empty(Directory.GetFiles(_folder));
    }
}
