using System.Text;
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
        var stored = new StoredColumns(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(values, ProtocolJson.Default.DictionaryStringString).Replace(",", " ,\n  ")));

        var sentStored = JsonSerializer.Serialize(Page(stored), ProtocolJson.Default.PullResponse);
        var sentFromDictionary = JsonSerializer.Serialize(Page(values), ProtocolJson.Default.PullResponse);
        var read = JsonSerializer.Deserialize(sentStored, ProtocolJson.Default.PullResponse)!;

        Assert.Contains(Encoding.UTF8.GetString(stored.Utf8), sentStored);
        Assert.Equal(values, Assert.Single(read.Changes).Columns.ToDictionary());
        Assert.Equal(sentFromDictionary, JsonSerializer.Serialize(read, ProtocolJson.Default.PullResponse));
        Assert.Equal(values, stored.ToDictionary());
        Assert.True(stored.TryGetValue("notes", out var notes) && notes is null);
    }

    [Fact]
    public void AStoredValueThatIsNotJson_FailsThePageOnTheServer_NotOnTheLaptop()
    {
        var damaged = new StoredColumns(Encoding.UTF8.GetBytes("{\"first_name\": \"Zo"));

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Serialize(Page(damaged), ProtocolJson.Default.PullResponse));
    }

    [Fact]
    public void StoredValuesThatAreJsonButNotUtf8_FailThePageOnTheServer_AndUtf8ValuesGoAsTheirBytes()
    {
        var text = Encoding.UTF8.GetBytes("{\"first_name\": \"Zoë\"}");
        var damaged = (byte[])text.Clone();
        damaged[^4] = 0xFF;

        var sent = JsonSerializer.SerializeToUtf8Bytes(Page(new StoredColumns(text)), ProtocolJson.Default.PullResponse);

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Serialize(Page(new StoredColumns(damaged)), ProtocolJson.Default.PullResponse));
        Assert.True(sent.AsSpan().IndexOf(text) >= 0);
        Assert.Equal("Zoë", Assert.Single(JsonSerializer.Deserialize(sent, ProtocolJson.Default.PullResponse)!.Changes).Columns["first_name"]);
    }

    [Fact]
    public void RowsValues_ReadAsAJsonObjectOfTexts_WithALaterDuplicateWinning_AndEscapedOrUnknownNamesReadExactly()
    {
        const string json = """
            {"changes":[
              {"seq":1,"table":"clients","rowId":"0190a1b2-0000-7000-8000-000000000002","version":1,"deleted":false,"removed":false,"updatedAt":"2026-03-01T09:30:00+00:00","updatedBy":"0190a1b2-0000-7000-8000-000000000002",
               "columns":{"first_name":"Jan","first_name":"Piet","notes":null,"first\u005fname_x":"a","onbekend":"b"}},
              {"seq":2,"table":"clients","rowId":"0190a1b2-0000-7000-8000-000000000003","version":1,"deleted":false,"removed":false,"updatedAt":"2026-03-01T09:30:00+00:00","updatedBy":"0190a1b2-0000-7000-8000-000000000002",
               "columns":{"first_name":"Zoë"}}],
             "nextAnchor":2,"hasMore":false,"scopeCount":2,"scopeChecksum":0}
            """;

        var page = JsonSerializer.Deserialize(json, ProtocolJson.Default.PullResponse)!;

        var first = page.Changes[0].Columns;
        Assert.Equal(new Dictionary<string, string?> { ["first_name"] = "Piet", ["notes"] = null, ["first_name_x"] = "a", ["onbekend"] = "b" }, first.ToDictionary());
        Assert.Equal("Zoë", page.Changes[1].Columns["first_name"]);
        // A known column's name is one string for every row of the page.
        Assert.Same(first.Keys.First(), page.Changes[1].Columns.Keys.Single());
    }

    [Theory]
    [InlineData("""{"first_name":12}""")]
    [InlineData("""{"first_name":true}""")]
    [InlineData("""{"first_name":{"a":"b"}}""")]
    [InlineData("""["first_name"]""")]
    public void RowsValuesThatAreNotAnObjectOfTexts_FailThePage(string columns)
    {
        var json = """{"changes":[{"seq":1,"table":"clients","rowId":"0190a1b2-0000-7000-8000-000000000002","version":1,"columns":""" + columns + """}],"nextAnchor":1}""";

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, ProtocolJson.Default.PullResponse));
    }

    private static PullResponse Page(IReadOnlyDictionary<string, string?> columns) =>
        new([new RowChange(9, "clients", Row, 4, false, false, At, Row, columns)], 9, false, 1, 7);
}
