using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Sqlite;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>The server judges an advice's dates by the same Dutch calendar day as the laptop that wrote it.</summary>
public sealed class AdviceDayTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wijkwerk-advice-day-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Theory]
    [InlineData("2026-11-22T23:30:00Z", "2026-11-23", true)] // 00:30 in Amsterdam: the melding of that night is today
    [InlineData("2026-07-01T22:15:00Z", "2026-07-02", true)] // summer time, 00:15
    [InlineData("2026-11-22T22:30:00Z", "2026-11-23", false)] // still 23:30 in Amsterdam: tomorrow is in the future
    public async Task AMeldingOnTheDutchDay_IsAccepted_ANextDayIsNot(string serverTime, string melding, bool accepted)
    {
        Directory.CreateDirectory(_folder);
        var now = DateTimeOffset.Parse(serverTime, System.Globalization.CultureInfo.InvariantCulture);
        var store = new SqliteSyncStore(Path.Combine(_folder, "server.db"));
        await store.MigrateAsync();
        var device = await store.EnrolNoordNurse(now);
        var client = Guid.NewGuid();
        var day = DateOnly.Parse(melding, System.Globalization.CultureInfo.InvariantCulture);
        var content = AdviceServerFixture.Content() with { MeldingDate = day, AanvraagDate = day };
        var advice = new IndicationAdvice(
            new Id<IndicationAdvice>(Guid.CreateVersion7()), new Id<Client>(client), new Id<Worker>(device.WorkerId), "Noord", AdviceStatus.Concept,
            content with { Provision = content.Provision with { Start = day } }, now, null, null, null);

        var results = await store.PushAsync(device,
        [
            new Mutation(1, "clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns()),
            new Mutation(2, AdviceColumns.AdviceTable, advice.Id.Value, SyncProtocol.Operations.Insert, 0, AdviceColumns.ToColumns(advice)),
        ], now);

        Assert.Equal(SyncProtocol.Results.Accepted, results[0].Status);
        Assert.True(accepted == (results[1].Status == SyncProtocol.Results.Accepted), results[1].Reason);
        if (!accepted)
            Assert.Contains("meldingsdatum", results[1].Reason);
    }
}
