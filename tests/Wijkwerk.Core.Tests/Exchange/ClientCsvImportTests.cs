using System.Security.Cryptography;
using System.Text;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Exchange;

public class ClientCsvImportTests
{
    private const string Header = "voornaam,achternaam,geboortedatum,postcode,huisnummer,toevoeging,telefoon,bsn";
    private readonly FakeClock _clock = new();

    [Fact]
    public void Read_ValidFile_ReturnsEveryClientWithBothDateForms()
    {
        var result = Read(Header, "Anna,van der Berg,1950-03-04,1234 AB,12,,0612345678,111222333", "Piet,Jansen,31-12-1940,1234ab,3,a,,");

        Assert.True(result.IsValid);
        Assert.Equal(2, result.Clients.Count);
        Assert.Equal("van der", result.Clients[0].Name.Prefix);
        Assert.Equal(new DateOnly(1940, 12, 31), result.Clients[1].BirthDate);
        Assert.Null(result.Clients[1].Bsn);
    }

    [Fact]
    public void Read_SemicolonSeparated_IsAccepted()
    {
        var result = Read(Header.Replace(',', ';'), "Anna;Berg;1950-03-04;1234 AB;12;;;");
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
    }

    [Theory]
    [InlineData("voornaam,achternaam,geboortedatum")]
    [InlineData("naam,achternaam,geboortedatum,postcode,huisnummer,toevoeging,telefoon,bsn")]
    [InlineData("")]
    public void Read_WrongHeader_OneProblemOnLineOneAndNoClients(string header)
    {
        var result = Read(header, "Anna,Berg,1950-03-04,1234 AB,12,,,");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains(Header, problem.Message);
        Assert.Empty(result.Clients);
    }

    [Fact]
    public void Read_BadLines_EveryProblemWithLineAndColumn_AndNothingReturned()
    {
        var result = Read(
            Header,
            "Anna,Berg,1950-03-04,1234 AB,12,,,",
            "Kees,Smit,30-02-1999,1234 AB,1,,,",
            "Joke,,1950-01-01,0123 AB,1,,,",
            "Jan,Vos,1950-01-01,1234 AB,1,,,123456789",
            "Truus,Kok,1950-01-01,1234 AB,1");

        Assert.Empty(result.Clients);
        Assert.Contains(result.Problems, p => p is { Line: 3, Column: "geboortedatum" });
        Assert.Contains(result.Problems, p => p is { Line: 4, Column: "achternaam" });
        Assert.Contains(result.Problems, p => p is { Line: 4, Column: "postcode" });
        Assert.Contains(result.Problems, p => p is { Line: 5, Column: "bsn" } && p.Message.Contains("elfproef"));
        Assert.Contains(result.Problems, p => p.Line == 6 && p.Message.Contains("8 kolommen"));
        Assert.DoesNotContain(result.Problems, p => p.Line == 2);
    }

    [Fact]
    public void Read_SameClientTwice_SecondLineNamesTheFirst()
    {
        var line = "Anna,Berg,1950-03-04,1234 AB,12,,,";
        var result = Read(Header, line, line);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("regel 2", problem.Message);
    }

    [Fact]
    public void Import_ClientAlreadyInStore_RefusedWithLineAndNothingWritten()
    {
        using var temp = new TempStore();
        var file = Read(Header, "Anna,Berg,1950-03-04,1234 AB,12,,,", "Piet,Vos,1950-03-04,1234 AB,14,,,");
        Assert.Empty(temp.Store.Clients.Import(file, Lang.Nl));
        var events = temp.Count("SELECT count(*) FROM audit_events");

        var again = Read(Header, "Kees,Smit,1950-03-04,1234 AB,1,,,", "Anna,Berg,1950-03-04,1234 AB,12,,,");
        var problem = Assert.Single(temp.Store.Clients.Import(again, Lang.Nl));

        Assert.Equal(3, problem.Line);
        Assert.Equal(2, temp.Count("SELECT count(*) FROM clients"));
        Assert.Equal(events, temp.Count("SELECT count(*) FROM audit_events"));
    }

    [Fact]
    public void Decode_Windows1252File_KeepsDutchLetters()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes("José,Müller,Ëlla");
        Assert.Equal("José,Müller,Ëlla", ClientCsvImport.Decode(bytes));
        Assert.Equal("José", ClientCsvImport.Decode(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes("José")).ToArray()));
    }

    [Fact]
    public void Read_HeaderOnly_ReportsAnEmptyFile()
    {
        var result = Read(Header);
        Assert.Single(result.Problems);
        Assert.Empty(result.Clients);
    }

    [Fact]
    public void Read_TenMegabytesOfGarbage_ReportsTheHeaderQuickly()
    {
        var garbage = Encoding.Latin1.GetString(RandomNumberGenerator.GetBytes(10 * 1024 * 1024));
        var result = ClientCsvImport.Read(new StringReader(garbage), _clock, Lang.Nl);

        Assert.False(result.IsValid);
        Assert.Empty(result.Clients);
        Assert.Equal(1, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void Read_InEnglish_ProblemsAreEnglish()
    {
        var result = ClientCsvImport.Read(new StringReader(Header + "\nAnna,Berg,1950-03-04,9999 SS,12,,,"), _clock, Lang.En);
        Assert.Contains("never issued", Assert.Single(result.Problems).Message);
    }

    private ClientCsvImport.Result Read(params string[] lines) =>
        ClientCsvImport.Read(new StringReader(string.Join('\n', lines) + "\n"), _clock, Lang.Nl);
}
