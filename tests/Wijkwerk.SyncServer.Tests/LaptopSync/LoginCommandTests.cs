using Wijkwerk.Core.Storage.Sync;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>Scenario 11 through the real <c>wijkwerk login</c>: a store enrolled for one worker never pushes their edits under another.</summary>
public class LoginCommandTests
{
    [Fact]
    public async Task LoginAsAnotherWorker_WhileTheEarlierWorkersEditsWait_IsRefused_NamesNoOne_AndChangesNothing()
    {
        using var world = TwoTeams();
        var anna = await world.Laptop("Anna de Wit");
        var client = anna.NewClient("Wilhelmina", "de Vries");
        var token = new LocalSync(anna.Store).Token();
        anna.Store.Dispose();

        var (code, output, error) = Login(world, anna.Folder, world.EnrolmentCode("Bram Mulder"));

        Assert.Equal(1, code);
        Assert.Contains("(1 wijziging)", error, StringComparison.Ordinal);
        Assert.Contains("wijkwerk sync", error, StringComparison.Ordinal);
        Assert.Contains("--data", error, StringComparison.Ordinal);
        foreach (var name in new[] { "Anna", "Bram", "Wilhelmina" })
            Assert.DoesNotContain(name, output + error, StringComparison.Ordinal);
        anna.Reopen();
        Assert.Equal(token, new LocalSync(anna.Store).Token());
        Assert.Equal(1, anna.Store.PendingChanges());
        var report = await anna.Sync(); // the edit still goes up, as Anna's
        Assert.Equal(1, report.Accepted);
        Assert.NotNull(anna.Find(client.Id));
    }

    [Fact]
    public async Task LoginAsAnotherWorker_WithNothingPending_ForgetsTheEarlierScope_AndPullsItsOwn()
    {
        using var world = TwoTeams();
        var anna = await world.Laptop("Anna de Wit");
        var annas = anna.NewClient("Wilhelmina", "de Vries");
        await anna.Sync();
        var bram = await world.Laptop("Bram Mulder");
        var brams = bram.NewClient("Piet", "Jansen");
        await bram.Sync();
        anna.Store.Dispose();

        var (code, _, error) = Login(world, anna.Folder, world.EnrolmentCode("Bram Mulder"));
        anna.Reopen();
        var report = await anna.Sync();

        Assert.True(code == 0, error);
        Assert.Null(anna.Find(annas.Id));
        Assert.NotNull(anna.Find(brams.Id));
        Assert.True(report.Converged);
    }

    [Fact]
    public async Task LoginAgainAsTheSameWorker_KeepsTheirPendingEdits_AndPushesThem()
    {
        using var world = TwoTeams();
        var anna = await world.Laptop("Anna de Wit");
        var client = anna.NewClient("Wilhelmina", "de Vries");
        anna.Store.Dispose();

        var (code, _, error) = Login(world, anna.Folder, world.EnrolmentCode("Anna de Wit"));
        anna.Reopen();
        var report = await anna.Sync();
        var colleague = await world.Laptop("Anna de Wit");
        await colleague.Sync();

        Assert.True(code == 0, error);
        Assert.Equal(1, report.Accepted);
        Assert.NotNull(colleague.Find(client.Id));
    }

    /// <summary>Anna in team Noord, Bram in team Zuid: two scopes.</summary>
    private static SyncWorld TwoTeams()
    {
        var world = new SyncWorld();
        world.Team("Noord");
        world.Team("Zuid");
        world.User("Anna de Wit", "Noord");
        world.User("Bram Mulder", "Zuid");
        return world;
    }

    private static (int Code, string Out, string Error) Login(SyncWorld world, string folder, string code) =>
        SyncWorld.Run(Path.Combine(AppContext.BaseDirectory, "wijkwerk.dll"), ["login", "--server", world.Address.ToString(), "--code", code, "--data", folder],
            new Dictionary<string, string> { ["WIJKWERK_PASSPHRASE"] = SyncWorld.Passphrase });
}
