using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Indications.Reports;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Exchange;

/// <summary>The indication export: iWmo codes, the decision and its clocks, and no free text unless asked.</summary>
public class IndicationExportTests
{
    [Fact]
    public void Advices_AdjustedAdvice_IwmoCodesDecisionAndWhatChanged_NoFreeText()
    {
        using var temp = new TempStore();
        var advice = AdjustedToTwoHours(temp);

        var table = IndicationExports.Advices(temp.Store, withText: false);
        var row = Assert.Single(table.Rows);
        string? Cell(string column) => row[table.Columns.ToList().IndexOf(column)];

        Assert.Equal(IndicationExports.AdvicesTable, table.Table);
        Assert.Equal([advice.ClientId.Value], table.ClientIds);
        Assert.Equal(advice.Id.ToString(), row[0]);
        Assert.Equal(("01", "01A01", "3", "04", "2", "12"), (Cell("productcategorie"), Cell("productcode"), Cell("omvang"), Cell("eenheid"), Cell("frequentie"), Cell("duur_maanden")));
        Assert.Equal(("aangepast", "aangepast", "2", "04", "2"), (Cell("status"), Cell("besluit"), Cell("besluit_omvang"), Cell("besluit_eenheid"), Cell("besluit_frequentie")));
        Assert.Equal("omvang", Cell("gewijzigd"));
        Assert.Equal(AdviceSamples.Consultant.Id.ToString(), Cell("besloten_door"));
        Assert.Equal("2026-03-14T11:00:00.0000000Z", Cell("besloten_op"));
        // Melding 4 March, no aanvraag: the investigation term counted, due 15 April, met by the decision.
        Assert.Equal(("2026-03-04", null, "2026-04-15", "op tijd", null), (Cell("meldingsdatum"), Cell("aanvraagdatum"), Cell("onderzoek_uiterlijk"), Cell("onderzoek_termijn"), Cell("beslissing_uiterlijk")));
        Assert.DoesNotContain("onderbouwing", table.Columns);
        Assert.DoesNotContain("besluit_reden", table.Columns);
        Assert.DoesNotContain(row, v => v is not null && (v.Contains("artrose", StringComparison.Ordinal) || v.Contains("boodschappendienst", StringComparison.Ordinal)));
    }

    [Fact]
    public void AdvicesAndSignals_CarryTheirKnelpunt_AnUntaggedRowAnEmptyCell_UnderAnEnglishHeaderWithLangEn()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        var tagged = AdviceSamples.Draft() with { BottleneckTag = "Wachtlijst huishoudelijke hulp" };
        temp.Store.Advices.Add(tagged);
        temp.Store.Advices.Add(AdviceSamples.Draft());
        var signal = Signal.Report(Id<Signal>.New(temp.Clock), client.Id, SignalSource.Neighbours, null, "Post stapelt zich op", [LifeDomain.SafeHome], Urgency.Normal, ConsentBasis.WithResident, null, temp.Clock.GetUtcNow()).Value;
        temp.Store.Signals.Add(signal with { BottleneckTag = "Schuldhulp te traag" });

        var advices = IndicationExports.Advices(temp.Store, withText: false);
        var signals = Exports.Signals(temp.Store, Lang.En);

        var column = advices.Columns.ToList().IndexOf("knelpunt");
        Assert.Equal(["Wachtlijst huishoudelijke hulp", null], advices.Rows.OrderBy(r => r[0] == tagged.Id.ToString() ? 0 : 1).Select(r => r[column]));
        Assert.Equal("Schuldhulp te traag", Assert.Single(signals.Rows)[signals.Columns.ToList().IndexOf("bottleneck")]);
    }

    [Fact]
    public void Advices_EuroAmount_InCents_WithUnit83()
    {
        using var temp = new TempStore();
        var provision = new Provision(ProductCategory.HousingAids, "", new Volume(125_050, VolumeUnit.Euro, VolumeFrequency.TotalWithinValidity), AdviceSamples.Today.AddDays(7), 12);
        temp.Store.Advices.Add(AdviceSamples.Draft() with { Content = AdviceSamples.Content(provision) });

        var table = IndicationExports.Advices(temp.Store, withText: false);
        var row = Assert.Single(table.Rows);
        string? Cell(string column) => row[table.Columns.ToList().IndexOf(column)];

        Assert.Equal(("13", null, "125050", "83", "6"), (Cell("productcategorie"), Cell("productcode"), Cell("omvang"), Cell("eenheid"), Cell("frequentie")));
        Assert.Equal(("concept", null, null), (Cell("status"), Cell("besluit"), Cell("besluit_omvang")));
    }

    [Fact]
    public void Advices_WithText_AddsTheWrittenParts_CsvNeutralisesAFormula()
    {
        using var temp = new TempStore();
        var content = AdviceSamples.Content() with { Rationale = "=HYPERLINK(\"http://x\";\"klik\")" };
        temp.Store.Advices.Add(AdviceSamples.Draft() with { Content = content });

        var table = IndicationExports.Advices(temp.Store, withText: true);
        var csv = Write(table, ExportFormat.Csv);

        Assert.Equal(IndicationExports.AdvicesWithTextTable, table.Table);
        Assert.Equal(["onderbouwing", "voorliggende_voorzieningen", "wens_client", "toelichting_toestemming", "besluit_reden", "verlenging_reden"], table.Columns.TakeLast(6));
        Assert.Contains("HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Agreement_RowsPerTeamAndPeriod_HoldNoClient_DeliveryLoggedOnceWithoutClient()
    {
        using var temp = new TempStore();
        AdjustedToTwoHours(temp);

        var table = IndicationExports.Agreement(temp.Store, PeriodKind.Quarter);
        Exports.RecordDelivery(temp.Store, table);

        var row = Assert.Single(table.Rows);
        Assert.Equal(["Wijkteam Test", "2026-Q1", "2026-01-01", "2026-03-31", "0", "1", "0", "1", "0.0", "1", "0"], row.Select(v => v ?? "-"));
        Assert.Empty(table.ClientIds);
        var last = AuditLog.Read(temp.Store)[^1];
        Assert.Equal((AuditEventType.Export, null, "table=indication_agreement;rows=1"), (last.Type, last.ClientId, last.Detail));
    }

    [Fact]
    public void Advices_Delivered_LoggedOncePerClient()
    {
        using var temp = new TempStore();
        var first = AdviceSamples.Draft(clientId: Guid.Parse("0193a000-0000-7000-8000-000000000c01"));
        var second = AdviceSamples.Draft(clientId: Guid.Parse("0193a000-0000-7000-8000-000000000c02"));
        temp.Store.Advices.Add(first);
        temp.Store.Advices.Add(second);
        temp.Store.Advices.Add(AdviceSamples.Draft(clientId: Guid.Parse("0193a000-0000-7000-8000-000000000c01")));

        Exports.RecordDelivery(temp.Store, IndicationExports.Advices(temp.Store, withText: false));

        var logged = AuditLog.Read(temp.Store).Where(e => e.Type == AuditEventType.Export).ToList();
        Assert.Equal([first.ClientId.Value, second.ClientId.Value], logged.Select(e => e.ClientId!.Value).Order());
        Assert.All(logged, e => Assert.Equal("table=indication_advices", e.Detail));
    }

    /// <summary>The nurse drafts and submits in her own store; the consultant's decision is written as the consultant.</summary>
    private static IndicationAdvice AdjustedToTwoHours(TempStore temp)
    {
        var draft = AdviceSamples.Draft();
        temp.Store.Advices.Add(draft);
        var submitted = draft.Submit(AdviceSamples.Nurse, temp.Clock.UtcNow, AdviceSamples.Today).Value;
        temp.Store.Advices.Save(submitted);
        var adjusted = submitted.Adjust(AdviceSamples.Consultant, AdviceSamples.Provision(2), "Twee uur volstaat naast de boodschappendienst.", temp.Clock.UtcNow.AddMinutes(90), AdviceSamples.Today).Value;
        temp.Store.Advices.SaveAs(AdviceSamples.Consultant, adjusted);
        return adjusted;
    }

    private static string Write(ExportTable table, ExportFormat format)
    {
        var writer = new StringWriter();
        table.Write(writer, format);
        return writer.ToString();
    }
}
