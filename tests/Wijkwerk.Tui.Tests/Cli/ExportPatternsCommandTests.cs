using System.Text.Json;
using CsvHelper;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Cli;

/// <summary>
/// <c>wijkwerk export patterns</c> as the real program on the team leader's demo laptop: one row per pattern in Dutch
/// headers and words (English with --lang en, JSON with --format json), counts and money, never a client.
/// </summary>
public class ExportPatternsCommandTests
{
    [Fact]
    public void TeamLeaderDemo_CsvInDutch_AndJsonInEnglish_NoClient()
    {
        using var temp = new TempFolder();
        var root = temp.File("root");
        Assert.Equal(0, WijkwerkProcess.Run(root, "demo", "--no-ui", "--role", "teamleader", "--clients", "12").ExitCode);
        var data = Path.Combine(root, "demo-teamleader");

        var csv = WijkwerkProcess.Run(data, "export", "patterns");
        var json = WijkwerkProcess.Run(data, "export", "patterns", "--format", "json", "--lang", "en");

        Assert.True(csv.ExitCode == 0, csv.Error);
        var rows = ReadCsv(csv.Out);
        var ghosts = rows.Single(r => r["knelpunt"] == "spookbewoning");
        Assert.Equal(("gesignaleerd", "5", "5"), (ghosts["stand"], ghosts["zaken"], ghosts["clienten"]));
        Assert.Equal("besproken aan de werktafel", rows.Single(r => r["knelpunt"] == "tandartskosten")["stand"]);
        Assert.True(json.ExitCode == 0, json.Error);
        using var document = JsonDocument.Parse(json.Out);
        var dental = document.RootElement.EnumerateArray().Single(e => e.GetProperty("bottleneck").GetString() == "tandartskosten");
        Assert.Equal("discussed at the werktafel", dental.GetProperty("state").GetString());
        using var store = Core.Storage.LocalStore.Open(Path.Combine(data, "wijkwerk.db"), WijkwerkProcess.Passphrase, TimeProvider.System);
        Assert.All(store.Clients.Search(), c =>
        {
            Assert.DoesNotContain(c.Id.ToString(), csv.Out + json.Out, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(c.Name.Surname, csv.Out + json.Out, StringComparison.Ordinal);
        });
    }

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
