using System.Text.Json;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Tests.Sync;

/// <summary>A pulled row is read and written by hand; it must travel exactly as the protocol's web options had it.</summary>
public class RowChangeConverterTests
{
    private const string Row = "0190a1b2-0000-7000-8000-000000000002";
    private const string Worker = "0190a1b2-0000-7000-8000-0000000000aa";

    [Fact]
    public void AChange_IsWrittenWithTheProtocolsNames_AndReadsBackAsItWas()
    {
        var change = new RowChange(9, "clients", Guid.Parse(Row), 4, false, true, new DateTimeOffset(2026, 3, 1, 9, 30, 0, 125, TimeSpan.Zero), Guid.Parse(Worker),
            new Dictionary<string, string?> { ["first_name"] = "Zoë", ["notes"] = null });

        var json = JsonSerializer.Serialize(new PullResponse([change], 9, false, 1, 7), ProtocolJson.Default.PullResponse);
        var read = Assert.Single(JsonSerializer.Deserialize(json, ProtocolJson.Default.PullResponse)!.Changes);

        Assert.Contains($$$"""{"seq":9,"table":"clients","rowId":"{{{Row}}}","version":4,"deleted":false,"removed":true,"updatedAt":"2026-03-01T09:30:00.125+00:00","updatedBy":"{{{Worker}}}","columns":{"first_name":"Zo\u00EB","notes":null}}""", json);
        Assert.Equal(change with { Columns = read.Columns }, read);
        Assert.Equal(change.Columns, read.Columns.ToDictionary());
    }

    [Theory]
    [InlineData($$$"""{"SEQ":9,"Table":"clients","ROWID":"{{{Row}}}","Version":4,"DELETED":true,"Removed":false,"UPDATEDAT":"2026-03-01T09:30:00+00:00","UpdatedBy":"{{{Worker}}}","Columns":{"notes":"x"}}""")]
    [InlineData($$$"""{"seq":"9","table":"clients","rowId":"{{{Row}}}","version":"4","deleted":true,"updatedAt":"2026-03-01T09:30:00+00:00","updatedBy":"{{{Worker}}}","columns":{"notes":"x"}}""")]
    [InlineData($$$"""{"columns":{"notes":"x"},"updatedBy":"{{{Worker}}}","extra":{"a":[1,{"b":null}]},"updatedAt":"2026-03-01T10:30:00+01:00","deleted":true,"version":4,"rowId":"{{{Row}}}","table":"clients","seq":9,"more":[true]}""")]
    [InlineData($$$"""{"seq":9,"table":"clients","rowId":"{{{Row}}}","version":4,"deleted":true,"\u0075\u0070\u0064\u0061\u0074\u0065\u0064\u0041\u0074":"2026-03-01T09:30:00Z","\u0055\u0050\u0044\u0041\u0054\u0045\u0044\u0042\u0059":"{{{Worker}}}","columns":{"notes":"x"}}""")]
    [InlineData($$$"""{"se\u0071":9,"table":"clients","rowId":"{{{Row}}}","version":4,"deleted":true,"removed":false,"updatedAt":"2026-03-01T09:30:00Z","updatedBy":"{{{Worker}}}","columns":{"notes":"x"},"eenveelteLangeNaamDieGeenVeldIs":1}""")]
    public void ARowWrittenInAnyWayTheWebOptionsRead_ReadsAsTheSameChange(string row)
    {
        var read = Assert.Single(Page(row).Changes);

        Assert.Equal((9L, "clients", Guid.Parse(Row), 4L, true, false), (read.Seq, read.Table, read.RowId, read.Version, read.Deleted, read.Removed));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero), read.UpdatedAt);
        Assert.Equal(Guid.Parse(Worker), read.UpdatedBy);
        Assert.Equal("x", read.Columns["notes"]);
    }

    [Fact]
    public void ARowWithoutTheOptionalParts_ReadsWithTheirDefaults()
    {
        var read = Assert.Single(Page("""{"seq":3,"table":"clients"}""").Changes);

        Assert.Equal((3L, "clients", Guid.Empty, 0L, false, false, default(DateTimeOffset), Guid.Empty), (read.Seq, read.Table, read.RowId, read.Version, read.Deleted, read.Removed, read.UpdatedAt, read.UpdatedBy));
        Assert.Null(read.Columns);
    }

    [Theory]
    [InlineData("""{"seq":"negen"}""")]
    [InlineData("""{"seq":1.5}""")]
    [InlineData("""{"seq":" 9"}""")]
    [InlineData("""{"seq":"9\u0000"}""")]
    [InlineData("""{"version":"9.0"}""")]
    [InlineData("""{"seq":null}""")]
    [InlineData("""{"version":true}""")]
    [InlineData("""{"deleted":"true"}""")]
    [InlineData("""{"rowId":"geen id"}""")]
    [InlineData("""{"rowId":12}""")]
    [InlineData("""{"updatedAt":"gisteren"}""")]
    [InlineData("""{"table":5}""")]
    [InlineData("""{"table":{"naam":"clients"}}""")]
    [InlineData("""{"table":["clients"]}""")]
    [InlineData("""[1]""")]
    [InlineData("""17""")]
    public void ARowWithAValueOfTheWrongKind_FailsThePage(string row)
    {
        Assert.ThrowsAny<JsonException>(() => Page(row));
    }

    [Fact]
    public void RowsSentWithTheSameNames_ShareThem_AndAreFoundByAnyEqualName()
    {
        var page = Page(
            """{"seq":1,"columns":{"first_name":"Jan","notes":"a"}}""",
            """{"seq":2,"columns":{"first_name":"Piet","notes":null}}""",
            """{"seq":3,"columns":{"notes":"b","first_name":"Klaas"}}""");

        var (first, second, third) = (page.Changes[0].Columns, page.Changes[1].Columns, page.Changes[2].Columns);

        Assert.Same(first.Keys, second.Keys);
        Assert.NotSame(first.Keys, third.Keys);
        Assert.Equal(["notes", "first_name"], third.Keys);
        Assert.Equal("Piet", second[new string("first_name".AsSpan())]);
        Assert.True(second.TryGetValue("notes", out var notes) && notes is null);
        Assert.False(second.TryGetValue("surname", out _));
        Assert.False(second.ContainsKey("surname"));
        Assert.Throws<KeyNotFoundException>(() => second["surname"]);
        Assert.Equal(new Dictionary<string, string?> { ["notes"] = "b", ["first_name"] = "Klaas" }, third.ToDictionary());
    }

    [Fact]
    public void ARowOfMoreValuesThanAnyTableHas_ReadsAsThoseValues()
    {
        var many = Enumerable.Range(0, 300).ToDictionary(i => $"kolom_{i}", i => (string?)i.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var page = Page(
            """{"seq":1,"columns":""" + JsonSerializer.Serialize(many, ProtocolJson.Default.DictionaryStringString) + "}",
            """{"seq":2,"columns":{"first_name":"Jan"}}""");

        Assert.Equal(many, page.Changes[0].Columns.ToDictionary());
        Assert.Equal("Jan", page.Changes[1].Columns["first_name"]);
    }

    private static PullResponse Page(params string[] rows) =>
        JsonSerializer.Deserialize("""{"changes":[""" + string.Join(",", rows) + """],"nextAnchor":1}""", ProtocolJson.Default.PullResponse)!;
}
