using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// Random work on three laptops with random sync orders against the real server. Afterwards every laptop
/// holds exactly the server's rows (count and checksum), all three agree, and every edit is either the
/// final value, in a conflict record, or knowingly overwritten by a later edit from someone who had seen it.
/// </summary>
public class ConvergenceTests
{
    private const int Operations = 2000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RandomWorkAndSyncOrders_EveryLaptopConvergesAndNoEditIsLost(int seed)
    {
        using var team = await Team.Noord("Anna", "Bram", "Cor");
        var laptops = team.Laptops;

        var random = new Random(seed);
        var edits = new List<Edit>();
        var counter = 0;
        // Which clients each laptop holds, refreshed after each of its syncs: cheaper than reading them all every step.
        var known = laptops.ToDictionary(l => l, _ => new List<Id<Client>>());
        for (var step = 0; step < Operations; step++)
        {
            var laptop = laptops[random.Next(laptops.Count)];
            var ids = known[laptop];
            var roll = random.Next(100);
            if (roll < 15 || ids.Count == 0)
            {
                ids.Add(laptop.NewClient("Naam" + counter++, "Achternaam" + random.Next(1000)).Id);
            }
            else if (roll < 75)
            {
                var client = laptop.Store.Dossiers.Open(ids[random.Next(ids.Count)])?.Client;
                if (client is null)
                    continue;
                var notes = random.Next(2) == 0;
                var value = notes ? $"notitie {seed}-{counter++}" : "06" + (10_000_000 + counter++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var column = notes ? "notes" : "phone";
                var before = notes ? client.Notes : client.Phone?.Value ?? "";
                // What this laptop shows now is what its worker saw: edits holding that value are knowingly replaced.
                foreach (var seen in edits.Where(e => e.Row == client.Id && e.Column == column && (e.Value == before || e.Laptop == laptop)))
                    seen.Superseded = true;
                laptop.Store.Clients.Update(notes ? client with { Notes = value } : client with { Phone = PhoneNumber.Parse(value).Value });
                edits.Add(new Edit(laptop, client.Id, column, value));
            }
            else if (roll < 78)
            {
                var id = ids[random.Next(ids.Count)];
                laptop.Store.Clients.Delete(id);
                ids.Remove(id);
            }
            else
            {
                await laptop.Sync();
                known[laptop] = laptop.Clients().Select(c => c.Id).ToList();
            }
        }

        // Quiescence: everyone syncs until nothing is left to send; two rounds carry every change everywhere.
        for (var round = 0; round < 2; round++)
        {
            foreach (var laptop in laptops)
                await laptop.Sync();
        }

        var reports = new List<Core.Sync.Laptop.SyncReport>();
        foreach (var laptop in laptops)
            reports.Add(await laptop.Sync());
        Assert.All(reports, r => Assert.True(r.Converged, $"a laptop holds {r.ScopeCount} rows and does not match the server"));
        Assert.Single(reports.Select(r => r.ScopeCount).Distinct());
        var states = laptops.Select(l => string.Join('\n', l.Clients().OrderBy(c => c.Id.Value).Select(c => c.ToString()))).ToList();
        Assert.Single(states.Distinct());

        var final = laptops[0].Clients().ToDictionary(c => c.Id);
        var conflicts = laptops.SelectMany(l => l.Store.Conflicts.All()).ToList();
        var lost = edits.Where(e => !e.Superseded && final.ContainsKey(e.Row))
            .Where(e => (e.Column == "notes" ? final[e.Row].Notes : final[e.Row].Phone?.Value) != e.Value)
            .Where(e => !conflicts.Any(c => c.RowId == e.Row.Value && c.Column == e.Column && (c.KeptValue == e.Value || c.OtherValue == e.Value)))
            .ToList();
        Assert.True(edits.Count > 500, $"only {edits.Count} edits were made");
        Assert.True(lost.Count == 0, $"{lost.Count} of {edits.Count} edits neither stand nor sit in a conflict, e.g. {lost.FirstOrDefault()}");
    }

    private sealed record Edit(Laptop Laptop, Id<Client> Row, string Column, string Value)
    {
        public bool Superseded { get; set; }
    }
}
