using System.Text.Json;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Tests.Sync;

/// <summary>A pull sends a row's values as the server stored them; the laptop must read exactly what a dictionary would have sent.</summary>
public class StoredColumnsTests
{
    private static readonly Guid Row = Guid.Parse("0190a1b2-0000-7000-8000-000000000002");
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void APageOfStoredValues_ReadsOnTheLaptopAsThoseValues_AndAsTheSamePageFromADictionary()
    {
        var values = new Dictionary<string, string?> { ["first_name"] = "Zoë \"Zus\" <b>&'\n", ["notes"] = null, ["amount_cents"] = "1250", ["leeg"] = "" };
        var stored = new StoredColumns(JsonSerializer.Serialize(values, ProtocolJson.Default.DictionaryStringString).Replace(",", " ,\n  "));

        var sentStored = JsonSerializer.Serialize(Page(stored), ProtocolJson.Default.PullResponse);
        var sentFromDictionary = JsonSerializer.Serialize(Page(values), ProtocolJson.Default.PullResponse);
        var read = JsonSerializer.Deserialize(sentStored, ProtocolJson.Default.PullResponse)!;

        Assert.Contains(stored.Json, sentStored);
        Assert.Equal(values, Assert.Single(read.Changes).Columns.ToDictionary());
        Assert.Equal(sentFromDictionary, JsonSerializer.Serialize(read, ProtocolJson.Default.PullResponse));
        Assert.Equal(values, stored.ToDictionary());
        Assert.True(stored.TryGetValue("notes", out var notes) && notes is null);
    }

    [Fact]
    public void AStoredValueThatIsNotJson_FailsThePageOnTheServer_NotOnTheLaptop()
    {
        var damaged = new StoredColumns("{\"first_name\": \"Zo");

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Serialize(Page(damaged), ProtocolJson.Default.PullResponse));
    }

    private static PullResponse Page(IReadOnlyDictionary<string, string?> columns) =>
        new([new RowChange(9, "clients", Row, 4, false, false, At, Row, columns)], 9, false, 1, 7);
}
