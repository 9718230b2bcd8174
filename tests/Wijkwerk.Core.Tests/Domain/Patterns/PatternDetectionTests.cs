using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Patterns;

namespace Wijkwerk.Core.Tests.Domain.Patterns;

/// <summary>Pattern detection on its boundaries: distinct clients, the window, tags typed differently, merges.</summary>
public class PatternDetectionTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly PatternSettings Four = PatternSettings.Default;

    [Fact]
    public void OneClientShortOfTheMinimum_RaisesNothing()
    {
        var cases = Clients(3).Select(c => Case("spookbewoning", c)).ToList();
        Assert.Empty(PatternDetection.Detect(cases, TagMerges.None, Four, Today));
    }

    [Fact]
    public void TheMinimumOfDistinctClients_RaisesThePattern_WithCountsAndMoneyBySource()
    {
        var clients = Clients(4);
        var cases = new[]
        {
            Case("Spookbewoning", clients[0], spentEuros: 120, source: "minimaatwerk", department: "Toeslagen"),
            Case("spookbewoning ", clients[1], spentEuros: 300, source: "fonds", department: "BRP"),
            Case("  SPOOKBEWONING", clients[2], spentEuros: 0, source: "mandaat", department: "Toeslagen"),
            Case("Spookbewoning\t", clients[3], spentEuros: 80, source: "minimaatwerk"),
            Case("spookbewoning", clients[3], spentEuros: 0, source: "mandaat"),
            Case("spook  bewoning", clients[0], spentEuros: 999, source: "fonds"),
        };

        var pattern = Assert.Single(PatternDetection.Detect(cases, TagMerges.None, Four, Today));

        Assert.Equal("spookbewoning", pattern.TagKey);
        Assert.Equal(5, pattern.Cases);
        Assert.Equal(4, pattern.Clients);
        Assert.Equal(Money.FromEuros(500), pattern.Spent);
        Assert.Equal(Money.FromEuros(200), pattern.SpentBySource["minimaatwerk"]);
        Assert.Equal(Money.FromEuros(300), pattern.SpentBySource["fonds"]);
        Assert.Equal(["BRP", "Toeslagen"], pattern.Departments);
    }

    [Fact]
    public void ManyCasesOfFewerClients_RaiseNothing()
    {
        var clients = Clients(3);
        var cases = clients.SelectMany(c => Enumerable.Range(0, 4).Select(i => Case("tandarts", c, daysAgo: i * 10))).ToList();
        Assert.Equal(12, cases.Count);
        Assert.Empty(PatternDetection.Detect(cases, TagMerges.None, Four, Today));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    public void ACaseOnTheWindowsEdge_CountsOnlyInsideIt(int daysInsideTheEdge, bool raised)
    {
        var clients = Clients(4);
        var windowStart = Today.AddMonths(-12);
        var edge = windowStart.AddDays(1 + daysInsideTheEdge);
        var cases = clients.Take(3).Select(c => Case("schuldhulp", c)).Append(Case("schuldhulp", clients[3]) with { On = edge }).ToList();

        Assert.Equal(raised, PatternDetection.Detect(cases, TagMerges.None, Four, Today).Count == 1);
    }

    [Fact]
    public void CasesAfterToday_AndWithoutATag_DoNotCount()
    {
        var clients = Clients(4);
        var cases = clients.Take(3).Select(c => Case("huur", c)).Append(Case("huur", clients[3]) with { On = Today.AddDays(1) })
            .Concat(clients.Select(c => Case("   ", c))).ToList();
        Assert.Empty(PatternDetection.Detect(cases, TagMerges.None, Four, Today));
    }

    [Fact]
    public void AMergeOfTwoTags_MakesAPatternNeitherMadeAlone()
    {
        var clients = Clients(4);
        var cases = new[]
        {
            Case("spookbewoning", clients[0]), Case("spookbewoning", clients[1]),
            Case("oude bewoner ingeschreven", clients[2]), Case("oude bewoner ingeschreven", clients[3]),
        };
        Assert.Empty(PatternDetection.Detect(cases, TagMerges.None, Four, Today));

        var merges = TagMerges.None.With("Oude bewoner ingeschreven", "Spookbewoning")!;
        var pattern = Assert.Single(PatternDetection.Detect(cases, merges, Four, Today));

        Assert.Equal("spookbewoning", pattern.TagKey);
        Assert.Equal(4, pattern.Clients);
    }

    [Fact]
    public void MergesFollowChains_AndAMergeThatWouldCloseACircleIsRefused()
    {
        var merges = TagMerges.None.With("a", "b")!.With("b", "c")!;

        Assert.Equal("c", merges.Resolve("A"));
        Assert.Equal("c", merges.Resolve("b"));
        Assert.Null(merges.With("c", "a"));
        Assert.Null(merges.With("c", "c"));
        Assert.Null(merges.With(" ", "c"));
        Assert.Equal("d", merges.With("c", "d")!.Resolve("a"));
    }

    [Theory]
    [InlineData(2, 1, 0)]
    [InlineData(2, 2, 1)]
    [InlineData(1, 1, 1)]
    public void TheAdminsMinimum_IsTheBoundary(int minimum, int clientCount, int patterns)
    {
        var cases = Clients(clientCount).Select(c => Case("vervoer", c)).ToList();
        Assert.Equal(patterns, PatternDetection.Detect(cases, TagMerges.None, new PatternSettings(minimum, 12), Today).Count);
    }

    private static List<Id<Client>> Clients(int count) => Enumerable.Range(0, count).Select(_ => new Id<Client>(Guid.NewGuid())).ToList();

    private static TaggedCase Case(string tag, Id<Client> client, int daysAgo = 3, long spentEuros = 100, string source = "minimaatwerk", string? department = null) =>
        new(tag, client, Today.AddDays(-daysAgo), Money.FromEuros(spentEuros), source, department);
}
