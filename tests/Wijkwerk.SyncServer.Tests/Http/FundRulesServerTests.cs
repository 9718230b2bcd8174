using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>
/// The shared real server with a revolving fund set up through the real admin commands: three partners (€ 10.000 in
/// all), nurses Anna (Noord) and Zora (Zuid) members, Bram (Noord) not; Sanne is the fund secretariat (team Fonds).
/// </summary>
public sealed class FundServerFixture : IAsyncLifetime
{
    public ServerFixture Server { get; } = new();
    public SyncClient Sanne { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Server.Admin("admin", "team", "add", "Fonds");
        await Server.Admin("admin", "user", "add", "--team", "Fonds", "--name", "Sanne", "--role", "fundsecretary");
        foreach (var (partner, euros) in FundRows.Deposits)
        {
            await Server.Admin("admin", "fund", "partner", "add", partner);
            await Server.Admin("admin", "fund", "deposit", "--partner", partner, "--amount", euros, "--date", "2026-01-05");
        }

        await Server.Admin("admin", "fund", "members", "add", "--user", "Anna");
        await Server.Admin("admin", "fund", "members", "add", "--user", "Zora");
        Sanne = await Server.NewDevice("Sanne");
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}

/// <summary>
/// Every refusal of the revolving fund through the real server process — a resident-facing role or a non-member
/// requesting, a nurse taking the secretariat's step, a refusal without a reason, a settlement before the
/// evaluation, a payout over the balance — each with its Dutch reason and nothing stored; and the secretariat's
/// pull holds every team's fund rows and nothing else.
/// </summary>
public class FundRulesServerTests(FundServerFixture fixture) : IClassFixture<FundServerFixture>
{
    private ServerFixture Server => fixture.Server;

    private static Task<MutationResult> Push(SyncClient device, FundRequest request, string operation = SyncProtocol.Operations.Insert, long version = 0) =>
        device.PushOne(FundColumns.RequestTable, request.Id.Value, operation, version, FundColumns.ToColumns(request));

    private static void AssertAccepted(MutationResult result) => Assert.True(result.Status == SyncProtocol.Results.Accepted, result.Reason);

    private static void AssertRefused(MutationResult result, string reasonPart)
    {
        Assert.Equal(SyncProtocol.Results.Refused, result.Status);
        Assert.Contains(reasonPart, result.Reason);
    }

    private async Task<Guid> NewClient(SyncClient device)
    {
        var id = Guid.NewGuid();
        AssertAccepted(await device.PushOne("clients", id, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns()));
        return id;
    }

    private async Task<FundRequest> Made(SyncClient requester, string team = "Noord", long cents = 120_000)
    {
        var request = FundRows.Request(await NewClient(requester), requester.WorkerId, team, cents);
        AssertAccepted(await Push(requester, request));
        return request;
    }

    /// <summary>The request as the device receives it; null when it does not.</summary>
    private static async Task<FundRequest?> AsPulledBy(SyncClient device, FundRequest request)
    {
        var (changes, _) = await device.PullAll(0);
        return changes.SingleOrDefault(c => c.RowId == request.Id.Value) is { } row ? FundColumns.FromColumns(row.RowId, row.Columns!).Value : null;
    }

    /// <summary>Pushes the secretariat's next step on the request as the server holds it.</summary>
    private async Task<MutationResult> Step(FundRequest after)
    {
        var (changes, _) = await fixture.Sanne.PullAll(0);
        var version = changes.Single(c => c.RowId == after.Id.Value).Version;
        return await Push(fixture.Sanne, after, SyncProtocol.Operations.Update, version);
    }

    /// <summary>
    /// A request's social return travels whole (sums, horizon, cost-table version and each route with the amount used)
    /// to the secretariat; figures its routes do not add up to, or counted on another amount than the request asks, are
    /// refused as a mandate decision's are, nothing stored.
    /// </summary>
    [Fact]
    public async Task SocialReturn_ReachesTheSecretariatWhole_FiguresThatDoNotAddUp_AreRefusedInDutch_NothingStored()
    {
        var client = await NewClient(Server.Anna);
        var eviction = new CostEntry("uithuiszetting", "Gedwongen uithuiszetting", Money.FromEuros(6_000), CostPeriod.PerOccurrence, new DateOnly(2026, 1, 1), "synthetisch");
        var shelter = new CostEntry("opvang", "Maatschappelijke opvang", Money.FromEuros(30_000), CostPeriod.PerYear, new DateOnly(2026, 1, 1), "synthetisch");
        var plain = FundRows.Request(client, Server.Anna.WorkerId, "Noord");
        var figures = SocialReturnCalculator.Calculate(plain.Amount, [new AvoidedRoute(eviction, 1), new AvoidedRoute(shelter, 3)], 2).Value;
        var counted = plain with { Triangle = plain.Triangle with { SocialReturn = figures } };
        var inflated = FundRows.Request(client, Server.Anna.WorkerId, "Noord") with
        {
            Triangle = plain.Triangle with { SocialReturn = figures with { NetReturn = figures.NetReturn + Money.FromEuros(1_000) } },
        };

        var onLess = FundRows.Request(client, Server.Anna.WorkerId, "Noord") with
        {
            Triangle = plain.Triangle with { SocialReturn = SocialReturnCalculator.Calculate(new Money(7_500), [new AvoidedRoute(eviction, 1)], 2).Value },
        };

        AssertAccepted(await Push(Server.Anna, counted));
        AssertRefused(await Push(Server.Anna, inflated), "maatschappelijk rendement klopt niet met de vermeden routes; bereken het opnieuw met de rekenhulp");
        AssertRefused(await Push(Server.Anna, onLess), "maatschappelijk rendement telt eigen kosten van € 75,00, maar het verzoek vraagt € 1.200,00");

        var seen = (await AsPulledBy(fixture.Sanne, counted))!.Triangle.SocialReturn!;
        Assert.Equal((figures.OwnCost, figures.AvoidedCost, figures.NetReturn, figures.Ratio, figures.HorizonMonths, figures.CostTableVersion),
            (seen.OwnCost, seen.AvoidedCost, seen.NetReturn, seen.Ratio, seen.HorizonMonths, seen.CostTableVersion));
        Assert.Equal(figures.Routes, seen.Routes);
        Assert.Null(await AsPulledBy(fixture.Sanne, inflated));
        Assert.Null(await AsPulledBy(fixture.Sanne, onLess));
    }

    [Fact]
    public async Task ConsultantOrNonMemberRequesting_IsRefusedInDutch_NothingStored()
    {
        var client = await NewClient(Server.Anna);
        var byConsultant = FundRows.Request(client, Server.Carla.WorkerId, "Noord");
        var byNonMember = FundRows.Request(client, Server.Bram.WorkerId, "Noord");
        var bySecretariat = FundRows.Request(client, fixture.Sanne.WorkerId, "Fonds");

        AssertRefused(await Push(Server.Carla, byConsultant), "Fondsverzoek: uw rol (consultant) vraagt geen geld aan bij het revolverend fonds; dat doen alleen lid-professionals");
        AssertRefused(await Push(Server.Bram, byNonMember), "Fondsverzoek: lidmaatschap u bent geen lid van het revolverend fonds");
        AssertRefused(await Push(fixture.Sanne, bySecretariat), "alleen lid-professionals");
        foreach (var refused in new[] { byConsultant, byNonMember, bySecretariat })
            Assert.Null(await AsPulledBy(Server.Anna, refused));
    }

    [Fact]
    public async Task NurseTakingTheSecretariatsStep_OrRefusalWithoutReason_IsRefused_TheRequestStaysRequested()
    {
        var request = await Made(Server.Anna);
        var approvedByNurse = request with { Status = FundRequestStatus.Approved, Decision = FundRows.StepBy(Server.Anna.WorkerId) };
        AssertRefused(await Push(Server.Anna, approvedByNurse, SyncProtocol.Operations.Update, 1), "alleen het fondssecretariaat kent toe");

        var refusedWithoutReason = request with { Status = FundRequestStatus.Refused, Decision = FundRows.StepBy(fixture.Sanne.WorkerId, " ") };
        AssertRefused(await Step(refusedWithoutReason), "reden van weigering een verzoek wordt toegekend tenzij er een reden is om te weigeren");
        Assert.Equal(FundRequestStatus.Requested, (await AsPulledBy(Server.Anna, request))!.Status);

        AssertAccepted(await Step(refusedWithoutReason with { Decision = refusedWithoutReason.Decision! with { Note = "geen duurzaam perspectief" } }));
        Assert.Equal(FundRequestStatus.Refused, (await AsPulledBy(Server.Anna, request))!.Status);
    }

    [Fact]
    public async Task SettlementBeforeEvaluation_AndPayoutOverTheBalance_AreRefused_NothingStored()
    {
        var sanne = fixture.Sanne.WorkerId;
        var small = await Made(Server.Anna, cents: 10_000);
        var approved = small with { Status = FundRequestStatus.Approved, Decision = FundRows.StepBy(sanne, "", 60) };
        var paid = approved with { Status = FundRequestStatus.PaidOut, Payout = FundRows.StepBy(sanne, "betaling 1", 50) };
        AssertAccepted(await Step(paid));
        var settledEarly = paid with
        {
            Status = FundRequestStatus.Settled, Settlement = new FundSettlement(DateTimeOffset.UtcNow.AddSeconds(-10), new Id<Core.Domain.Teams.Worker>(sanne), [new FundShare(FundRows.Housing, small.Amount)]),
        };
        AssertRefused(await Step(settledEarly), "verrekenen kan pas na de evaluatie; het verzoek is nu uitbetaald");
        Assert.Equal(FundRequestStatus.PaidOut, (await AsPulledBy(fixture.Sanne, small))!.Status);

        // Over the balance: what is left of the € 10.000 plus one cent; the request waits, approved.
        var balance = Money.Parse((await Server.Admin("admin", "fund", "partner", "list")).LastLine.Split("saldo ")[1].TrimEnd('.')).Value;
        var large = await Made(Server.Zora, "Zuid", balance.Cents + 1);
        var largeApproved = large with { Status = FundRequestStatus.Approved, Decision = FundRows.StepBy(sanne, "", 60) };
        AssertAccepted(await Step(largeApproved));
        AssertRefused(await Step(largeApproved with { Status = FundRequestStatus.PaidOut, Payout = FundRows.StepBy(sanne, "betaling 2", 50) }),
            $"het saldo van het fonds ({balance}) dekt deze uitbetaling van {new Money(balance.Cents + 1)} niet");
        Assert.Equal(FundRequestStatus.Approved, (await AsPulledBy(Server.Zora, large))!.Status);
    }

    [Fact]
    public async Task Secretariat_ReceivesEveryTeamsFundRows_AndNothingElse_ATeamOnlyItsOwn()
    {
        var noord = await Made(Server.Anna);
        var zuid = await Made(Server.Zora, "Zuid", 7_500);
        AssertAccepted(await Server.Anna.PushOne("signals", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.SignalColumns(noord.ClientId.Value)));

        var (changes, last) = await fixture.Sanne.PullAll(0);

        Assert.All(changes, c => Assert.Contains(c.Table, FundColumns.Tables));
        Assert.Contains(changes, c => c.RowId == noord.Id.Value);
        Assert.Contains(changes, c => c.RowId == zuid.Id.Value);
        Assert.Equal(changes.Count(c => !c.Deleted && !c.Removed), last.ScopeCount);
        Assert.Null(await AsPulledBy(Server.Zora, noord));
        Assert.NotNull(await AsPulledBy(Server.Bram, noord));
    }
}
