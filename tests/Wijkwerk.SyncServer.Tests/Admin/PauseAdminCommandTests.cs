using System.Net.Http.Json;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Admin;

/// <summary>
/// Issue 14: the administrator's maximum length of a pause, through the real admin command: it reaches the laptops as
/// reference data, and the server judges pushed pauses by it. Its own server, as it changes what every test would see.
/// </summary>
public sealed class PauseAdminCommandTests : IAsyncLifetime
{
    private readonly ServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    private async Task<ReferenceData> ReferenceOf(SyncClient device)
    {
        using var response = await _server.Http.SendAsync(SyncClient.Request(
            HttpMethod.Get, $"{SyncProtocol.PullPath}?after=0&limit=500&{SyncProtocol.ReferenceQuery}=0", device.Token));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PullResponse>(SyncClient.Json))!.Reference!;
    }

    private Task<ServerProgram.Outcome> Run(params string[] args) => ServerProgram.Run([.. args, "--db", _server.Db]);

    [Fact]
    public async Task TheMaximum_DefaultsToEightWeeks_IsSetByTheAdmin_ReachesLaptops_AndJudgesPushes()
    {
        Assert.Contains("hoogstens 8 weken", (await _server.Admin("admin", "pause", "settings")).LastLine);

        var set = await _server.Admin("admin", "pause", "settings", "--max-weeks", "2");
        var shown = await _server.Admin("admin", "pause", "settings");

        Assert.Equal(0, set.ExitCode);
        Assert.Contains("hoogstens 2 weken", shown.LastLine);
        Assert.Equal(2, (await ReferenceOf(_server.Anna)).PauseMaxWeeks);
        var client = await _server.NewNoordClient("Maximum");
        var threeWeeks = PauseSamples.Pause(client, _server.Anna.WorkerId, PauseSamples.Today.AddDays(21));
        var refused = await _server.Anna.PushOne(PauseColumns.PauseTable, threeWeeks.Id.Value, SyncProtocol.Operations.Insert, 0, PauseColumns.ToColumns(threeWeeks));
        Assert.Equal(SyncProtocol.Results.Refused, refused.Status);
        Assert.Contains("ligt na het maximum van 2 weken", refused.Reason);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("53")]
    [InlineData("acht")]
    public async Task AMaximumOutsideOneToFiftyTwoWeeks_IsRefused_NamingTheOption(string weeks)
    {
        var outcome = await Run("admin", "pause", "settings", "--max-weeks", weeks);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"--max-weeks: '{weeks}' is geen geldig aantal weken; geef een geheel getal van 1 tot en met 52", outcome.Error);
        Assert.Contains("hoogstens 8 weken", (await _server.Admin("admin", "pause", "settings")).LastLine);
    }
}
