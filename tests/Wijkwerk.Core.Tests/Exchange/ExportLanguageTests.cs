using Wijkwerk.Core.Domain.Indications.Reports;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Tests.Support;
using Wijkwerk.Demo;

namespace Wijkwerk.Core.Tests.Exchange;

/// <summary>
/// Export files speak the reader's language: Dutch headers and values by default, English with <c>--lang en</c>,
/// iWmo codes where the nation has a code, and never a name from the code ("Granted", "MetInTime", "Export").
/// </summary>
public class ExportLanguageTests : IClassFixture<ExportLanguageTests.DemoStore>
{
    private readonly DemoStore _demo;

    public ExportLanguageTests(DemoStore demo) => _demo = demo;

    public static TheoryData<string> Tables() => new() { "clients", "signals", "visits", "audit", "advices", "advices_with_text", "agreement" };

    /// <summary>Every name of every enum in Core: none may stand in a cell, in either language.</summary>
    private static readonly HashSet<string> CodeNames = typeof(LocalStore).Assembly.GetTypes()
        .Where(t => t.IsEnum).SelectMany(Enum.GetNames).ToHashSet(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryTable_BothLanguages_NoCodeNameAsValue(string table)
    {
        foreach (var lang in new[] { Lang.Nl, Lang.En })
        {
            var export = Build(table, lang);

            Assert.NotEmpty(export.Rows);
            var leaked = export.Rows.SelectMany(r => r).Where(v => v is not null && CodeNames.Contains(v)).Distinct().ToList();
            Assert.True(leaked.Count == 0, $"{table} ({lang}): {string.Join(", ", leaked)}");
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryTable_English_EveryHeaderTranslatedUnlessTheSame(string table)
    {
        var dutch = Build(table, Lang.Nl);
        var english = Build(table, Lang.En);

        Assert.Equal(dutch.Columns.Count, english.Columns.Count);
        Assert.Equal(dutch.Rows.Count, english.Rows.Count);
        Assert.All(dutch.Columns.Zip(english.Columns), pair =>
        {
            if (!ExportColumns.SameInEnglish.Contains(pair.First))
                Assert.NotEqual(pair.First, pair.Second);
        });
        Assert.Equal(english.Columns.Count, english.Columns.Distinct().Count());
    }

    [Fact]
    public void Signals_ValuesAsTheScreensNameThem()
    {
        var dutch = Build("signals", Lang.Nl);
        var english = Build("signals", Lang.En);

        Assert.Equal(["bron", "urgentie", "status"], new[] { dutch.Columns[2], dutch.Columns[6], dutch.Columns[8] });
        Assert.Equal(["source", "urgency", "status"], new[] { english.Columns[2], english.Columns[6], english.Columns[8] });
        Assert.Contains(dutch.Rows, r => r[8] == "nieuw");
        Assert.Contains(english.Rows, r => r[8] == "new");
        Assert.All(dutch.Rows, r => Assert.Contains(r[6], new[] { "normaal", "eropaf (binnen 4 uur)" }));
    }

    [Fact]
    public void Audit_EventOutcomeAndRoleInWords()
    {
        var dutch = Build("audit", Lang.Nl);
        var english = Build("audit", Lang.En);

        Assert.Contains(dutch.Rows, r => r[1] == "aangemaakt" && r[5] == "wijkverpleegkundige" && r[7] == "gelukt");
        Assert.Contains(english.Rows, r => r[1] == "created" && r[5] == "district nurse" && r[7] == "succeeded");
    }

    [Fact]
    public void Advices_CodesStayCodes_WordsFollowTheLanguage()
    {
        var dutch = Build("advices", Lang.Nl);
        var english = Build("advices", Lang.En);
        string? Cell(ExportTable table, int row, string column) => table.Rows[row][table.Columns.ToList().IndexOf(column)];

        Assert.All(Enumerable.Range(0, dutch.Rows.Count), i =>
        {
            Assert.Equal(Cell(dutch, i, "productcategorie"), Cell(english, i, "product_category"));
            Assert.Equal(Cell(dutch, i, "eenheid"), Cell(english, i, "unit"));
            Assert.Contains(Cell(dutch, i, "clientondersteuning_aangeboden"), new[] { "ja", "nee" });
            Assert.Contains(Cell(english, i, "client_support_offered"), new[] { "yes", "no" });
        });
        Assert.Contains(dutch.Rows, r => r.Contains("toegekend"));
        Assert.Contains(english.Rows, r => r.Contains("granted"));
        Assert.Contains(dutch.Rows, r => r.Contains("wettelijke taak (Wmo-onderzoek)"));
    }

    private ExportTable Build(string table, Lang lang) => table switch
    {
        "clients" => Exports.Clients(_demo.Store.Store, lang),
        "signals" => Exports.Signals(_demo.Store.Store, lang),
        "visits" => Exports.Visits(_demo.Store.Store, lang),
        "audit" => Exports.Audit(_demo.Store.Store, null, lang),
        "advices" => IndicationExports.Advices(_demo.Store.Store, withText: false, lang),
        "advices_with_text" => IndicationExports.Advices(_demo.Store.Store, withText: true, lang),
        _ => IndicationExports.Agreement(_demo.Store.Store, PeriodKind.Month, lang),
    };

    /// <summary>One demo store for the class: residents, signals, visits and an advice in every state.</summary>
    public sealed class DemoStore : IDisposable
    {
        public DemoStore() => DemoData.Fill(Store.Store, 20);

        public TempStore Store { get; } = new();

        public void Dispose() => Store.Dispose();
    }
}
