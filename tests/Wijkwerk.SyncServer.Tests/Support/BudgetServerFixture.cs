using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// The shared real server (<see cref="ServerFixture"/>) with more colleagues on Noord set up through the real admin
/// commands: nurses Dirk and Eva, team leader Lotte; Noord's budget this year is large, and team Krap (Kees asks,
/// Kim, Koen and Kai approve) has a budget of € 300, less than one request.
/// </summary>
public sealed class BudgetServerFixture : IAsyncLifetime
{
    public ServerFixture Server { get; } = new();
    public SyncClient Dirk { get; private set; } = null!;
    public SyncClient Eva { get; private set; } = null!;
    public SyncClient Lotte { get; private set; } = null!;
    public SyncClient Kees { get; private set; } = null!;
    public SyncClient[] KrapApprovers { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Server.Admin("admin", "team", "add", "Krap");
        foreach (var (name, team, role) in new[]
                 {
                     ("Dirk", "Noord", "nurse"), ("Eva", "Noord", "nurse"), ("Lotte", "Noord", "teamleader"),
                     ("Kees", "Krap", "nurse"), ("Kim", "Krap", "nurse"), ("Koen", "Krap", "nurse"), ("Kai", "Krap", "nurse"),
                 })
            await Server.Admin("admin", "user", "add", "--team", team, "--name", name, "--role", role);
        await Server.Admin("admin", "budget", "set", "--team", "Noord", "--year", BudgetRows.Year.ToString(), "--amount", "100000");
        await Server.Admin("admin", "budget", "set", "--team", "Krap", "--year", BudgetRows.Year.ToString(), "--amount", "300");
        var devices = await Task.WhenAll(
            Server.NewDevice("Dirk"), Server.NewDevice("Eva"), Server.NewDevice("Lotte"), Server.NewDevice("Kees"),
            Server.NewDevice("Kim"), Server.NewDevice("Koen"), Server.NewDevice("Kai"));
        (Dirk, Eva, Lotte, Kees) = (devices[0], devices[1], devices[2], devices[3]);
        KrapApprovers = devices[4..];
    }

    public Task DisposeAsync() => Server.DisposeAsync();

    /// <summary>A new client on the caseload of the device's team (a new client joins the pushing worker's teams).</summary>
    public async Task<Guid> NewClient(SyncClient device)
    {
        var id = Guid.NewGuid();
        var result = await device.PushOne("clients", id, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns());
        Assert.Equal(SyncProtocol.Results.Accepted, result.Status);
        return id;
    }
}
