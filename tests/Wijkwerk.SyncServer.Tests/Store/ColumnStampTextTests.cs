using System.Text.Json;
using Wijkwerk.SyncServer.Sync;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>Both formats of a row's column stamps read back as written; text that is neither is refused, never misread.</summary>
public sealed class ColumnStampTextTests
{
    private static readonly Guid Laptop = Guid.NewGuid(), OtherLaptop = Guid.NewGuid(), Nurse = Guid.NewGuid(), OtherNurse = Guid.NewGuid();

    private static Dictionary<string, ColumnStamp> Mixed() => new(StringComparer.Ordinal)
    {
        ["first_name"] = new(1, Laptop, Nurse),
        ["surname"] = new(1, Laptop, Nurse),
        ["phone"] = new(3, OtherLaptop, OtherNurse),
        ["notes"] = new(2, Laptop, Nurse),
        ["postcode"] = new(3, OtherLaptop, Nurse),
    };

    [Theory]
    [InlineData(StampFormat.Grouped)]
    [InlineData(StampFormat.PerColumn)]
    public void Stamps_ReadBackAsWritten_InEitherFormat(StampFormat format)
    {
        var stamps = Mixed();

        var read = ColumnStampText.Read(ColumnStampText.Write(stamps, format));

        Assert.Equal(stamps.OrderBy(s => s.Key), read.OrderBy(s => s.Key));
    }

    [Fact]
    public void Grouped_NamesEachStampOnce_WithItsColumns_InOneOrder()
    {
        var created = new[] { "a", "c", "b" }.ToDictionary(c => c, _ => new ColumnStamp(1, Laptop, Nurse));
        var reversed = created.Reverse().ToDictionary();

        var text = ColumnStampText.Write(created, StampFormat.Grouped);

        Assert.Equal($"""[[1,"{Laptop:D}","{Nurse:D}","a","b","c"]]""", text);
        Assert.Equal(text, ColumnStampText.Write(reversed, StampFormat.Grouped));
        // Four different stamps: four groups in the list.
        Assert.Equal(4, ColumnStampText.Write(Mixed(), StampFormat.Grouped).Count(c => c == '[') - 1);
    }

    public static TheoryData<string[]> ColumnSets() => new()
    {
        Array.Empty<string>(),
        new[] { "naam" },
        new[] { "telefoon", "naam", "Naam", "adres_2", "adres_10", "adres", "é_kolom", "z" },
        Enumerable.Range(0, 13).Select(i => "column_" + (13 - i)).ToArray(),
        // One name the direct text cannot hold among plain ones, wherever it stands: the JSON writer escapes it.
        new[] { "naam", "met \"aanhalingsteken\"", "z" },
        new[] { "schuine\\streep", "naam" },
        new[] { "naam", "adres", "regel\neinde" },
        new[] { "naam", "streepje-kolom" },
        new[] { "naam", "", "z" },
        new[] { "a<b", "c&d", "e+f", "g'h" },
    };

    [Theory]
    [MemberData(nameof(ColumnSets))]
    public void UniformStamps_WriteTheSameText_AsTheSameStampsInADictionary(string[] columns)
    {
        var values = columns.ToDictionary(c => c, c => (string?)("waarde van " + c), StringComparer.Ordinal);
        var stamp = new ColumnStamp(1, Laptop, Nurse);
        var uniform = new UniformStamps(values, stamp);
        var dictionary = columns.ToDictionary(c => c, _ => stamp, StringComparer.Ordinal);

        foreach (var format in new[] { StampFormat.Grouped, StampFormat.PerColumn })
            Assert.Equal(ColumnStampText.Write(dictionary, format), ColumnStampText.Write(uniform, format));
        Assert.Equal(dictionary.OrderBy(s => s.Key, StringComparer.Ordinal), uniform.OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.Equal(columns.Length, uniform.Count);
        Assert.All(columns, c => Assert.Equal(stamp, uniform[c]));
        Assert.False(uniform.TryGetValue("geen_kolom", out _));
        Assert.Throws<KeyNotFoundException>(() => uniform["geen_kolom"]);
    }

    [Fact]
    public void Grouped_IsAQuarterOfPerColumn_ForARowWrittenWhole()
    {
        var row = Enumerable.Range(0, 13).ToDictionary(i => "column_" + i, _ => new ColumnStamp(1, Laptop, Nurse));

        var grouped = ColumnStampText.Write(row, StampFormat.Grouped).Length;
        var perColumn = ColumnStampText.Write(row, StampFormat.PerColumn).Length;

        Assert.True(grouped * 4 < perColumn, $"grouped {grouped}, per column {perColumn}");
    }

    [Fact]
    public void PerColumn_IsTheFirstFormat_ThatOlderServersWroteAndRead()
    {
        var text = $$$"""{"naam":{"v":4,"d":"{{{Laptop:D}}}","w":"{{{Nurse:D}}}"}}""";

        Assert.Equal(new ColumnStamp(4, Laptop, Nurse), ColumnStampText.Read(text)["naam"]);
        Assert.Equal(text, ColumnStampText.Write(ColumnStampText.Read(text), StampFormat.PerColumn));
        Assert.Empty(ColumnStampText.Read("{}"));
        Assert.Empty(ColumnStampText.Read("[]"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[")]
    [InlineData("[[1]]")]
    [InlineData("[[1,\"not a guid\",\"not a guid\",\"naam\"]]")]
    [InlineData("[[\"1\",\"00000000-0000-0000-0000-000000000001\",\"00000000-0000-0000-0000-000000000002\"]]")]
    [InlineData("[[1,\"00000000-0000-0000-0000-000000000001\",\"00000000-0000-0000-0000-000000000002\",7]]")]
    [InlineData("[[1,\"00000000-0000-0000-0000-000000000001\",\"00000000-0000-0000-0000-000000000002\"]] extra")]
    [InlineData("[{}]")]
    [InlineData("[[1.5,\"00000000-0000-0000-0000-000000000001\",\"00000000-0000-0000-0000-000000000002\",\"naam\"]]")]
    [InlineData("[[0,\"00000000-0000-0000-0000-000000000001\",\"00000000-0000-0000-0000-000000000002\",\"naam\"]]")]
    [InlineData("[[1,\"00000000-0000-0000-0000-000000000000\",\"00000000-0000-0000-0000-000000000002\",\"naam\"]]")]
    [InlineData("null")]
    [InlineData("{\"naam\":null}")]
    [InlineData("{\"naam\":{}}")]
    [InlineData("{\"naam\":{\"v\":2,\"d\":\"00000000-0000-0000-0000-000000000001\"}}")]
    public void TextThatIsNeitherFormat_IsRefused_AsAPushRefusesOneMutation(string text)
    {
        var thrown = Record.Exception(() => ColumnStampText.Read(text));

        // The two exceptions a push turns into the refusal of that one mutation (SqlSyncStore.Push, PushScope.Prefetch).
        Assert.True(thrown is JsonException or FormatException, thrown?.GetType().Name ?? "nothing thrown");
    }
}
