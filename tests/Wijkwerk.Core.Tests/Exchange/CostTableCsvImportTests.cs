using System.Text;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Tests.Exchange;

public class CostTableCsvImportTests
{
    [Fact]
    public void Read_SemicolonsAndDutchDatesAndAccents_GivesTheEntries()
    {
        var bytes = Encoding.Latin1.GetBytes("routecode;naam;bedrag_centen;per;geldig_vanaf;bron\nbeschermd-wonen;Beschermd wonen (cliënt);250000;maand;01-07-2026;Gemeente\n");

        var result = CostTableCsvImport.Read(new StringReader(ClientCsvImport.Decode(bytes)), Lang.Nl);

        Assert.True(result.IsValid, string.Join("; ", result.Problems.Select(p => p.Message)));
        var entry = Assert.Single(result.Entries);
        Assert.Equal(new CostEntry("beschermd-wonen", "Beschermd wonen (cliënt)", new Money(250_000), CostPeriod.PerMonth, new DateOnly(2026, 7, 1), "Gemeente"), entry);
    }

    [Fact]
    public void Read_TheLargestCentValue_IsTakenExactly_OneMoreIsNamed()
    {
        var header = "routecode,naam,bedrag_centen,per,geldig_vanaf,bron\n";

        var max = CostTableCsvImport.Read(new StringReader(header + $"a,A,{long.MaxValue},keer,2026-01-01,x\n"), Lang.Nl);
        var over = CostTableCsvImport.Read(new StringReader(header + "a,A,9223372036854775808,keer,2026-01-01,x\n"), Lang.En);

        Assert.Equal(long.MaxValue, Assert.Single(max.Entries).Amount.Cents);
        var problem = Assert.Single(over.Problems);
        Assert.Equal((2L, "bedrag_centen"), (problem.Line, problem.Column));
        Assert.Contains("is not an amount in cents", problem.Message);
    }

    [Fact]
    public void Read_SameRouteAndDayTwice_NamesTheFirstLine_SameRouteLaterDayIsFine()
    {
        var text = "routecode,naam,bedrag_centen,per,geldig_vanaf,bron\nopvang,Opvang,1,jaar,2026-01-01,x\nopvang,Opvang,2,jaar,2026-07-01,x\nOPVANG,Opvang,3,jaar,2026-01-01,x\n";

        var result = CostTableCsvImport.Read(new StringReader(text), Lang.Nl);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((4L, "routecode"), (problem.Line, problem.Column));
        Assert.Contains("regel 2", problem.Message);
        Assert.Empty(result.Entries);
    }

    [Theory]
    [InlineData("routecode,naam,bedrag,per,geldig_vanaf,bron\n", 1L)]
    [InlineData("routecode,naam,bedrag_centen,per,geldig_vanaf,bron\n", 2L)]
    public void Read_WrongHeaderOrNoLines_IsOneProblemAndNothingImported(string text, long line)
    {
        var result = CostTableCsvImport.Read(new StringReader(text), Lang.Nl);

        Assert.Equal(line, Assert.Single(result.Problems).Line);
        Assert.Empty(result.Entries);
    }
}
