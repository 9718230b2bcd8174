using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Cli;

/// <summary><c>wijkwerk export indications</c> on a demo store, run as the real program.</summary>
public class ExportIndicationsCommandTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    private static readonly string[] EveryStatus = ["concept", "ingediend", "vraag gesteld", "beantwoord", "toegekend", "aangepast", "afgewezen", "ingetrokken"];

    [Fact]
    public void Csv_OneRowPerAdviceInIwmoCodes_NoNamesNoFreeText_LoggedPerClient()
    {
        using var temp = new TempFolder();
        var data = demo.CopyTo(temp);

        var result = WijkwerkProcess.Run(data, "export", "indications");
        var rows = ReadCsv(result.Out);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(AdvicesBuilt(), rows.Count);
        Assert.Equal(EveryStatus.Order(), rows.Select(r => r["status"]).Distinct().Order());
        Assert.Equal(2, rows.Select(r => r["team"]).Distinct().Count());
        Assert.All(rows, r =>
        {
            Assert.Matches("^(0[1-9]|1[0-8])$", r["productcategorie"]);
            Assert.Matches("^(01|04|14|16|82|83)$", r["eenheid"]);
            Assert.Matches("^[1-6]$", r["frequentie"]);
            Assert.Matches("^[0-9]+$", r["omvang"]);
        });
        var householdHelp = rows.First(r => r["productcategorie"] == "01");
        Assert.Equal(("04", "2", "3"), (householdHelp["eenheid"], householdHelp["frequentie"], householdHelp["omvang"]));
        var euros = rows.First(r => r["eenheid"] == "83");
        Assert.Equal("250000", euros["omvang"]);

        var adjusted = rows.Where(r => r["status"] == "aangepast").ToList();
        Assert.NotEmpty(adjusted);
        Assert.All(adjusted, r =>
        {
            Assert.Equal("omvang", r["gewijzigd"]);
            Assert.NotEqual(r["omvang"], r["besluit_omvang"]);
        });
        Assert.All(rows.Where(r => r["status"] == "afgewezen"), r => Assert.Equal("", r["besluit_omvang"]));
        Assert.Contains(rows, r => r["verlengd_tot"] != "");
        Assert.Contains(rows, r => r["onderzoek_termijn"] == "termijn verstreken" || r["beslissing_termijn"] == "termijn verstreken");
        Assert.Contains(rows, r => r["beslissing_termijn"] == "te laat");

        Assert.DoesNotContain("onderbouwing", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("artrose", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ergotherapeut", result.Out, StringComparison.Ordinal);
        var surnames = ReadCsv(WijkwerkProcess.Run(data, "export", "clients").Out).Select(c => c["achternaam"]).ToList();
        Assert.All(surnames, s => Assert.DoesNotContain("," + s + ",", result.Out, StringComparison.Ordinal));

        var exported = ExportEvents(data, "table=indication_advices");
        Assert.Equal(rows.Select(r => r["client_id"]).Distinct().Order(), exported.Select(e => e["client_id"]).Order());
    }

    [Fact]
    public void JsonWithText_ToAFile_CarriesTheFreeText_LoggedAsSuch()
    {
        using var temp = new TempFolder();
        var data = demo.CopyTo(temp);
        var file = temp.File("adviezen.json");

        var result = WijkwerkProcess.Run(data, "export", "indications", "--format", "json", "--with-text", "--out", file);
        var rows = JsonDocument.Parse(File.ReadAllText(file)).RootElement.EnumerateArray().ToList();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains($"{rows.Count} regels geschreven naar", result.Error, StringComparison.Ordinal);
        Assert.Equal(AdvicesBuilt(), rows.Count);
        Assert.All(rows, r => Assert.NotEqual("", r.GetProperty("onderbouwing").GetString()));
        Assert.Contains(rows, r => r.GetProperty("status").GetString() == "afgewezen" && r.GetProperty("besluit_reden").GetString()!.Length > 0);
        Assert.All(rows.Where(r => r.GetProperty("besluit").ValueKind == JsonValueKind.Null), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("besloten_op").ValueKind));
        Assert.False(File.Exists(file + ".partial"));
        Assert.Equal(rows.Select(r => r.GetProperty("client_id").GetString()).Distinct().Count(), ExportEvents(data, "table=indication_advices_with_text").Count);
    }

    [Fact]
    public void Summary_PerMonthCsvAndPerQuarterJson_AddUpToTheDecidedAdvices_LoggedOnceWithoutClient()
    {
        using var temp = new TempFolder();
        var data = demo.CopyTo(temp);
        var decided = ReadCsv(WijkwerkProcess.Run(data, "export", "indications").Out).Count(r => r["besluit"] != "");

        var months = WijkwerkProcess.Run(data, "export", "indications", "--summary");
        var quarters = WijkwerkProcess.Run(data, "export", "indications", "--summary", "--period", "quarter", "--format", "json");
        var monthRows = ReadCsv(months.Out);
        var quarterRows = JsonDocument.Parse(quarters.Out).RootElement.EnumerateArray().ToList();

        Assert.Equal((0, 0), (months.ExitCode, quarters.ExitCode));
        Assert.StartsWith("team,periode,van,tot,zoals_geadviseerd,aangepast,afgewezen,besloten,pct_zoals_geadviseerd,op_tijd,te_laat", months.Out, StringComparison.Ordinal);
        Assert.Equal(2, monthRows.Select(r => r["team"]).Distinct().Count());
        Assert.All(monthRows, r =>
        {
            Assert.Matches(@"^\d{4}-(0[1-9]|1[0-2])$", r["periode"]);
            Assert.Equal(int.Parse(r["besloten"], CultureInfo.InvariantCulture), Sum(r["zoals_geadviseerd"], r["aangepast"], r["afgewezen"]));
            Assert.Equal(int.Parse(r["besloten"], CultureInfo.InvariantCulture), Sum(r["op_tijd"], r["te_laat"]));
        });
        Assert.Equal(decided, monthRows.Sum(r => int.Parse(r["besloten"], CultureInfo.InvariantCulture)));
        Assert.All(quarterRows, r => Assert.Matches(@"^\d{4}-Q[1-4]$", r.GetProperty("periode").GetString()));
        Assert.Equal(decided, quarterRows.Sum(r => int.Parse(r.GetProperty("besloten").GetString()!, CultureInfo.InvariantCulture)));
        Assert.True(quarterRows.Count < monthRows.Count);

        var logged = ExportEvents(data, "table=indication_agreement");
        Assert.Equal(2, logged.Count);
        Assert.All(logged, e => Assert.Equal("", e["client_id"]));
    }

    [Theory]
    [InlineData(new[] { "--format", "xml" }, "'xml'")]
    [InlineData(new[] { "--period", "quarter" }, "--period hoort bij --summary")]
    [InlineData(new[] { "--summary", "--with-text" }, "--with-text kan niet samen met --summary")]
    public void BadOptions_SayWhy_ExitNonZero_NothingExportedOrLogged(string[] options, string expected)
    {
        using var temp = new TempFolder();
        var data = demo.CopyTo(temp);
        var store = Path.Combine(data, "wijkwerk.db");
        var before = File.ReadAllBytes(store);

        var result = WijkwerkProcess.Run(data, ["export", "indications", .. options]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("productcategorie", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(store));
    }

    private int AdvicesBuilt() =>
        int.Parse(Regex.Match(demo.Build.Error, @"(\d+) indicatieadviezen").Groups[1].Value, CultureInfo.InvariantCulture);

    private static int Sum(params string[] counts) => counts.Sum(c => int.Parse(c, CultureInfo.InvariantCulture));

    /// <summary>The store's own access log, as the audit export gives it: the export events with this detail.</summary>
    private static List<Dictionary<string, string>> ExportEvents(string data, string detail) =>
        ReadCsv(WijkwerkProcess.Run(data, "export", "audit").Out).Where(e => e["gebeurtenis"] == "geëxporteerd" && e["details"].StartsWith(detail, StringComparison.Ordinal)
            && (e["details"].Length == detail.Length || e["details"][detail.Length] == ';')).ToList();

    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        using var csv = CsvReader.Create(new StringReader(text), new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        var header = csv.Headers!.ToList();
        while (csv.Read())
            rows.Add(header.Select((h, i) => (h, Value: csv.GetString(i) ?? "")).ToDictionary(x => x.h, x => x.Value));
        return rows;
    }
}
