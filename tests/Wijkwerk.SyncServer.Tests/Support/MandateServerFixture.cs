using System.Net.Http.Json;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// The shared real server (<see cref="ServerFixture"/>) with team leaders on Noord set up through the real admin
/// commands: Tessa with a valid mandate for Opvang and Wonen, Vera whose mandate expired yesterday, Rik whose
/// mandate was revoked, Nora whose mandate starts tomorrow; and Zeger, a team leader on Zuid with a valid one.
/// </summary>
public sealed class MandateServerFixture : IAsyncLifetime
{
    public ServerFixture Server { get; } = new();
    public SyncClient Tessa { get; private set; } = null!;
    public SyncClient Vera { get; private set; } = null!;
    public SyncClient Rik { get; private set; } = null!;
    public SyncClient Nora { get; private set; } = null!;
    public SyncClient Zeger { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        foreach (var (name, team) in new[] { ("Tessa", "Noord"), ("Vera", "Noord"), ("Rik", "Noord"), ("Nora", "Noord"), ("Zeger", "Zuid") })
            await Server.Admin("admin", "user", "add", "--team", team, "--name", name, "--role", "teamleader");
        foreach (var department in new[] { "Opvang", "Wonen", "Werk en Inkomen" })
            await Server.Admin("admin", "department", "add", department);
        await Grant("Tessa", "Opvang,Wonen", -30, 300);
        await Grant("Vera", "Opvang,Wonen", -60, -1);
        var rik = await Grant("Rik", "Opvang,Wonen", -30, 300);
        await Server.Admin("admin", "mandate", "revoke", rik);
        await Grant("Nora", "Opvang,Wonen", 1, 300);
        await Grant("Zeger", "Opvang", -30, 300);
        var devices = await Task.WhenAll(Server.NewDevice("Tessa"), Server.NewDevice("Vera"), Server.NewDevice("Rik"), Server.NewDevice("Nora"), Server.NewDevice("Zeger"));
        (Tessa, Vera, Rik, Nora, Zeger) = (devices[0], devices[1], devices[2], devices[3], devices[4]);
    }

    public Task DisposeAsync() => Server.DisposeAsync();

    /// <summary>The id of the new mandate, from the admin command's answer.</summary>
    private async Task<string> Grant(string user, string departments, int fromDays, int untilDays)
    {
        var outcome = await Server.Admin("admin", "mandate", "grant", "--user", user, "--departments", departments, "--from", MandateRows.Day(fromDays), "--until", MandateRows.Day(untilDays));
        return outcome.Out.Split(' ')[1];
    }

    /// <summary>A pull that says which reference version the device holds, as a current laptop sends it.</summary>
    public async Task<PullResponse> PullWithReference(SyncClient device, long known)
    {
        using var response = await Server.Http.SendAsync(SyncClient.Request(
            HttpMethod.Get, $"{SyncProtocol.PullPath}?after=0&limit=500&{SyncProtocol.ReferenceQuery}={known}", device.Token));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PullResponse>(SyncClient.Json))!;
    }

    /// <summary>The device's own mandate as the server sends it to that device's laptop.</summary>
    public async Task<Guid> MandateOf(SyncClient device) => Assert.Single((await PullWithReference(device, 0)).Reference!.Mandates!).Id;
}
