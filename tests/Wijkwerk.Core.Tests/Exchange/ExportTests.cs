using System.Text.Json;
using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Tests.Support;
using Wijkwerk.Demo;

namespace Wijkwerk.Core.Tests.Exchange;

public class ExportTests
{
    [Fact]
    public void Clients_AsJson_EveryRowCarriesItsId()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);

        var json = Write(Exports.Clients(temp.Store), ExportFormat.Json);

        var row = Assert.Single(JsonDocument.Parse(json).RootElement.EnumerateArray());
        Assert.Equal(client.Id.ToString(), row.GetProperty("id").GetString());
        Assert.Equal("Berg", row.GetProperty("achternaam").GetString());
        Assert.Equal("1950-03-04", row.GetProperty("geboortedatum").GetString());
    }

    [Fact]
    public void Clients_AsCsv_HeaderThenRowsAndFormulaInjectionEscaped()
    {
        using var temp = new TempStore();
        var client = temp.NewClient() with { Notes = "=HYPERLINK(\"x\")" };
        temp.Store.Clients.Add(client);

        var lines = Write(Exports.Clients(temp.Store), ExportFormat.Csv).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("id,voornaam,tussenvoegsel,achternaam", lines[0]);
        Assert.StartsWith(client.Id.ToString(), lines[1]);
        Assert.DoesNotContain(",=HYPERLINK", lines[1]);
    }

    [Fact]
    public void Export_LogsOneExportEventPerClientContained_OnlyOnceDelivered()
    {
        using var temp = new TempStore();
        DemoData.Fill(temp.Store, 10);
        int Exported() => AuditLog.Read(temp.Store).Count(e => e.Type == AuditEventType.Export);
        var before = Exported();

        var table = Exports.Signals(temp.Store);
        Assert.Equal(before, Exported());
        Exports.RecordDelivery(temp.Store, table);

        var clientsInExport = table.Rows.Select(r => r[1]).Distinct().Count();
        Assert.True(clientsInExport > 1);
        Assert.Equal(before + clientsInExport, Exported());
    }

    [Fact]
    public void Export_WholeAuditLog_LoggedOnceWithoutClient()
    {
        using var temp = new TempStore();
        temp.Store.Clients.Add(temp.NewClient());

        Exports.RecordDelivery(temp.Store, Exports.Audit(temp.Store, null));

        var last = AuditLog.Read(temp.Store)[^1];
        Assert.Equal(AuditEventType.Export, last.Type);
        Assert.Null(last.ClientId);
        Assert.Contains("table=audit_events", last.Detail);
    }

    [Fact]
    public void Visits_HaveOneColumnPerZrmDomain_EmptyWhenNotAsked()
    {
        using var temp = new TempStore();
        DemoData.Fill(temp.Store, 20);

        var table = Exports.Visits(temp.Store);

        Assert.Equal(6 + 13, table.Columns.Count);
        Assert.Contains(table.Rows, r => r[6..].Any(v => v is null));
    }

    [Fact]
    public void Demo_SameDaySameSeed_BuildsIdenticalStores()
    {
        using var first = new TempStore();
        using var second = new TempStore();
        DemoData.Fill(first.Store, 25);
        DemoData.Fill(second.Store, 25);

        Assert.Equal(Write(Exports.Clients(first.Store), ExportFormat.Csv), Write(Exports.Clients(second.Store), ExportFormat.Csv));
        Assert.Equal(Write(Exports.Signals(first.Store), ExportFormat.Csv), Write(Exports.Signals(second.Store), ExportFormat.Csv));
        Assert.Equal(Write(Exports.Visits(first.Store), ExportFormat.Csv), Write(Exports.Visits(second.Store), ExportFormat.Csv));
        Assert.Equal(Write(IndicationExports.Advices(first.Store, withText: true), ExportFormat.Csv), Write(IndicationExports.Advices(second.Store, withText: true), ExportFormat.Csv));
    }

    private static string Write(ExportTable table, ExportFormat format)
    {
        var writer = new StringWriter();
        table.Write(writer, format);
        return writer.ToString();
    }
}
