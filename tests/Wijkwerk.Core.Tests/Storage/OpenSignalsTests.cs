using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>Home reads its open signals in two steps (a screenful, then the rest); together they are the one list.</summary>
public class OpenSignalsTests
{
    private static readonly Id<Worker> Me = TempStore.Identity.WorkerId;
    private static readonly Id<Worker> Colleague = new(Guid.Parse("0193a000-0000-7000-8000-00000000bbbb"));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(1000)]
    public void FirstPartAndRest_AreTheWholeListInOrder_WithEveryEropafSignalInTheFirst(int othersFirst)
    {
        using var temp = new TempStore();
        var expected = Fill(temp, seed: othersFirst);

        foreach (var worker in new Id<Worker>?[] { null, Me })
        {
            var wanted = expected.Where(s => worker is null || s.Assignee is null || s.Assignee == worker).Select(s => s.Header).ToList();
            var first = temp.Store.Signals.OpenHeaders(worker, othersFirst);
            var rest = first.Complete ? [] : temp.Store.Signals.OpenHeadersAfter(first.Headers[^1], worker);

            Assert.Equal(wanted, [.. first.Headers, .. rest]);
            Assert.Equal(wanted.Count, first.Count);
            Assert.All(wanted.Where(s => s.Urgency == Urgency.Eropaf), s => Assert.Contains(s, first.Headers));
            Assert.Equal(Math.Min(othersFirst, wanted.Count(s => s.Urgency != Urgency.Eropaf)), first.Headers.Count(s => s.Urgency != Urgency.Eropaf));
        }
    }

    [Fact]
    public void OneSearchIsLogged_WithTheWholeCount_AndTheRestIsNotLoggedAgain()
    {
        using var temp = new TempStore();
        var expected = Fill(temp, seed: 11);
        var before = temp.AuditEvents();

        var first = temp.Store.Signals.OpenHeaders(othersFirst: 2);
        Assert.False(first.Complete);
        temp.Store.Signals.OpenHeadersAfter(first.Headers[^1]);

        Assert.Equal(before + 1, temp.AuditEvents());
        Assert.Equal(1, temp.Count($"SELECT count(*) FROM audit_events WHERE event_type = 'Search' AND detail = 'table=signals;results={expected.Count}'"));
    }

    [Fact]
    public void AFirstPartOfNothing_IsRefused()
    {
        using var temp = new TempStore();
        Assert.Throws<ArgumentOutOfRangeException>(() => temp.Store.Signals.OpenHeaders(othersFirst: 0));
    }

    // Open and closed signals of live and deleted clients, eropaf and normal, several reported at the same moment
    // (the order then falls back on the id); returns the open ones of live clients in home's order.
    private static List<Signal> Fill(TempStore temp, int seed)
    {
        var random = new Random(seed);
        var live = Enumerable.Range(0, 4).Select(i => temp.NewClient("Anna", "Berg" + i)).ToList();
        var gone = temp.NewClient("Bram", "Dijk");
        foreach (var client in live.Append(gone))
            temp.Store.Clients.Add(client);
        var start = temp.Clock.GetUtcNow().AddDays(-3);
        var all = new List<Signal>();
        for (var i = 0; i < 45; i++)
        {
            var client = i % 9 == 0 ? gone : live[random.Next(live.Count)];
            var status = (SignalStatus)random.Next(Enum.GetValues<SignalStatus>().Length);
            var reported = start.AddMinutes(random.Next(0, 30) * 10);
            var signal = new Signal(
                new Id<Signal>(Guid.NewGuid()), client.Id, SignalSource.Pharmacy, "", "Synthetische observatie " + i,
                new HashSet<LifeDomain> { LifeDomain.SafeHome }, random.Next(3) == 0 ? Urgency.Eropaf : Urgency.Normal,
                ConsentBasis.WithResident, random.Next(3) switch { 0 => null, 1 => Me, _ => Colleague },
                status, reported, status == SignalStatus.New ? null : reported.AddHours(random.Next(1, 6)));
            temp.Store.Signals.Add(signal);
            all.Add(signal);
        }

        temp.Store.Clients.Delete(gone.Id);
        return all
            .Where(s => s.ClientId != gone.Id && s.Status is SignalStatus.New or SignalStatus.PickedUp)
            .OrderByDescending(s => s.Urgency == Urgency.Eropaf).ThenBy(s => s.ReportedAt).ThenBy(s => s.Id.ToString(), StringComparer.Ordinal)
            .ToList();
    }
}
