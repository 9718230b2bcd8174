using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>A pulled page's secret values sealed ahead of the write (<see cref="PageSealer"/>) are the values stored.</summary>
public class PageSealerTests
{
    [Fact]
    public void APageSealedAhead_IsStoredWithThoseSeals_AndAValueTheSealerLacks_IsSealedAsItIsWritten()
    {
        using var temp = new TempStore();
        var id = Guid.Parse("0193a000-0000-7000-8000-0000000000d1");
        var columns = new Dictionary<string, string?>
        {
            ["first_name"] = "Wilhelmina", ["surname_prefix"] = "van", ["surname"] = "Zwartjes", ["birth_date"] = "1950-01-02",
            ["postcode"] = "1234AB", ["house_number"] = "5", ["addition"] = "", ["phone"] = "0687123456", ["bsn"] = "111222333",
            ["notes"] = "Kwetsbare buurvrouw",
        };
        var page = new PullResponse([new RowChange(1, ClientRows.Table, id, 1, false, false, DateTimeOffset.UnixEpoch, Guid.Empty, columns)], 1, false, 1, 0);
        using var sealer = new PageSealer(temp.Store);
        var seals = sealer.Seal(page);
        var sealedRow = seals.Of(0)!;
        sealedRow[SecretColumns.PlaceOf(ClientRows.Table, "notes")] = null;

        new LocalSync(temp.Store).Apply(page, seals);

        var client = Assert.Single(temp.Store.Clients.Search());
        Assert.Equal(("Wilhelmina", "Zwartjes", "Kwetsbare buurvrouw"), (client.Name.FirstName, client.Name.Surname, client.Notes));
        using var command = temp.Store.Command("SELECT first_name, bsn FROM clients WHERE id = $id");
        command.Parameters.AddWithValue("$id", id.ToString());
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(sealedRow[SecretColumns.PlaceOf(ClientRows.Table, "first_name")], (byte[])reader.GetValue(0));
        Assert.Equal(sealedRow[SecretColumns.PlaceOf(ClientRows.Table, "bsn")], (byte[])reader.GetValue(1));
    }
}
