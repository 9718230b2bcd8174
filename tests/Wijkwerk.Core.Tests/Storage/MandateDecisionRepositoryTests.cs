using System.Text;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>The laptop keeps mandate decisions under the same rules as the server, sealed, queued and logged.</summary>
public class MandateDecisionRepositoryTests
{
    private static readonly StoreIdentity Leader = new(new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-0000000000c1")), "Test Teamleider", Role.TeamLeader, Guid.Parse("0193a000-0000-7000-8000-0000000000d1"));

    private static (TempStore Temp, Mandate Mandate) LeaderStore(Func<Mandate, Mandate>? change = null)
    {
        var temp = new TempStore(Leader);
        var mandate = MandateSamples.MandateOf(Leader.WorkerId, "Opvang", "Wonen");
        mandate = change?.Invoke(mandate) ?? mandate;
        temp.Store.Reference.Replace(new ReferenceData(4)
        {
            Departments = ["Opvang", "Wonen", "Werk en Inkomen"],
            Mandates = [MandateInfo.From(mandate)],
            CostTables = [new CostTableInfo(1, temp.Clock.UtcNow, [CostEntryInfo.From(MandateSamples.Eviction())])],
        });
        return (temp, mandate);
    }

    private static MandateDecision NewDecision(TempStore temp, Mandate mandate, string department = "Opvang") =>
        MandateSamples.Decision(Leader.WorkerId, mandate, temp.Clock.UtcNow, department);

    [Fact]
    public void Record_ByTheTeamLeader_StoresSealedWithOutboxAndAudit()
    {
        var (temp, mandate) = LeaderStore();
        using var _ = temp;
        var decision = NewDecision(temp, mandate);
        var (outbox, audit) = (temp.OutboxRows(), temp.AuditEvents());

        temp.Store.MandateDecisions.Record(decision);

        Assert.Equal(outbox + 1, temp.OutboxRows());
        Assert.Equal(audit + 1, temp.AuditEvents());
        Assert.Equal(1, temp.Count($"SELECT count(*) FROM audit_events WHERE event_type = 'Create' AND client_id = '{decision.ClientId}'"));
        var stored = Assert.Single(temp.Store.MandateDecisions.ForClient(decision.ClientId));
        Assert.True(stored.SameRecordAs(decision));
        Assert.Equal(Money.FromEuros(47_000), stored.Triangle.SocialReturn!.NetReturn);
        temp.Close();
        var bytes = File.ReadAllBytes(temp.PathToStore).Concat(File.Exists(temp.PathToStore + "-wal") ? File.ReadAllBytes(temp.PathToStore + "-wal") : []).ToArray();
        Assert.DoesNotContain("De vader mag bij zijn gezin", Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain("Locatiemanager", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Record_DepartmentOutsideTheMandate_WritesNothingAndSaysWhy()
    {
        var (temp, mandate) = LeaderStore();
        using var _ = temp;
        var (outbox, audit) = (temp.OutboxRows(), temp.AuditEvents());

        var e = Assert.Throws<DomainException>(() => temp.Store.MandateDecisions.Record(NewDecision(temp, mandate, "Werk en Inkomen")));

        Assert.Equal(TextId.MandateDepartmentNotCovered, e.Problem.Text);
        Assert.Equal((outbox, audit), (temp.OutboxRows(), temp.AuditEvents()));
        Assert.Equal(0, temp.Count("SELECT count(*) FROM mandate_decisions"));
    }

    [Fact]
    public void Record_ExpiredMandate_IsRefusedOnTheLaptop()
    {
        var (temp, mandate) = LeaderStore(m => m with { ValidUntil = new DateOnly(2026, 3, 13) });
        using var _ = temp;

        var e = Assert.Throws<DomainException>(() => temp.Store.MandateDecisions.Record(NewDecision(temp, mandate)));

        Assert.Equal(TextId.MandateExpired, e.Problem.Text);
    }

    [Fact]
    public void Record_ByANurse_IsRefused()
    {
        using var temp = new TempStore();
        var mandate = MandateSamples.MandateOf(TempStore.Identity.WorkerId);

        var e = Assert.Throws<DomainException>(() => temp.Store.MandateDecisions.Record(MandateSamples.Decision(TempStore.Identity.WorkerId, mandate, temp.Clock.UtcNow)));

        Assert.Equal(TextId.MandateRoleNotAllowed, e.Problem.Text);
    }

    [Fact]
    public void RecordFollowUp_Once_QueuesOnlyTheFollowUpColumns_ASecondIsRefused()
    {
        var (temp, mandate) = LeaderStore();
        using var _ = temp;
        var decision = NewDecision(temp, mandate);
        temp.Store.MandateDecisions.Record(decision);
        var sync = new LocalSync(temp.Store);
        var inserted = sync.Pending(10);
        sync.Record(inserted, new PushResponse(inserted.Select(p => new MutationResult(p.Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, [])).ToList()));
        temp.Clock.Advance(TimeSpan.FromDays(30));

        temp.Store.MandateDecisions.RecordFollowUp(decision.Id, new DecisionFollowUp(FollowUpResult.CarriedOut, "Het gezin woont samen in de opvang", temp.Clock.UtcNow, Leader.WorkerId));

        Assert.Equal(FollowUpResult.CarriedOut, temp.Store.MandateDecisions.Get(decision.Id)!.FollowUp!.Result);
        var pending = Assert.Single(sync.Pending(10));
        Assert.Equal(MandateColumns.FollowUpColumns.Order(), pending.Mutation.Columns.Keys.Order());
        var again = Assert.Throws<DomainException>(() => temp.Store.MandateDecisions.RecordFollowUp(
            decision.Id, new DecisionFollowUp(FollowUpResult.NotCarriedOut, "toch niet", temp.Clock.UtcNow, Leader.WorkerId)));
        Assert.Equal(TextId.MandateFollowUpDone, again.Problem.Text);
    }

    [Fact]
    public void FollowUpsDue_ListsOnlyOpenDecisionsDueByTheDay()
    {
        var (temp, mandate) = LeaderStore();
        using var _ = temp;
        var soon = NewDecision(temp, mandate) with { FollowUpOn = new DateOnly(2026, 4, 1) };
        var later = NewDecision(temp, mandate) with { Id = new Id<MandateDecision>(Guid.CreateVersion7()), FollowUpOn = new DateOnly(2026, 9, 1) };
        var done = NewDecision(temp, mandate) with { Id = new Id<MandateDecision>(Guid.CreateVersion7()), FollowUpOn = new DateOnly(2026, 3, 20) };
        foreach (var d in new[] { soon, later, done })
            temp.Store.MandateDecisions.Record(d);
        temp.Store.MandateDecisions.RecordFollowUp(done.Id, new DecisionFollowUp(FollowUpResult.Partly, "deels", temp.Clock.UtcNow, Leader.WorkerId));

        Assert.Equal([soon.Id], temp.Store.MandateDecisions.FollowUpsDue(new DateOnly(2026, 4, 1)).Select(d => d.Id));
        Assert.Equal([soon.Id, later.Id], temp.Store.MandateDecisions.FollowUpsDue(new DateOnly(2026, 12, 31)).Select(d => d.Id));
        Assert.Equal(3, temp.Store.MandateDecisions.All().Count);
    }

    [Fact]
    public void AddAddendum_KeepsTheDecisionAsRecorded()
    {
        var (temp, mandate) = LeaderStore();
        using var _ = temp;
        var decision = NewDecision(temp, mandate);
        temp.Store.MandateDecisions.Record(decision);

        temp.Store.MandateDecisions.AddAddendum(new DecisionAddendum(new Id<DecisionAddendum>(Guid.CreateVersion7()), decision.Id, "Correctie: contact is de teamleider", temp.Clock.UtcNow, Leader.WorkerId));

        Assert.Equal("Correctie: contact is de teamleider", Assert.Single(temp.Store.MandateDecisions.Addenda(decision.Id)).Text);
        Assert.True(temp.Store.MandateDecisions.Get(decision.Id)!.SameRecordAs(decision));
        Assert.Equal(1, temp.Count($"SELECT count(*) FROM audit_events WHERE event_type = 'Create' AND detail = 'table=mandate_addenda' AND client_id = '{decision.ClientId}'"));
    }

    [Fact]
    public void Reference_PulledPageWithReferenceData_IsStoredWithThePageAndReadBack()
    {
        using var temp = new TempStore(Leader);
        var mandate = MandateSamples.MandateOf(Leader.WorkerId);
        var sync = new LocalSync(temp.Store);
        Assert.Equal(0, temp.Store.Reference.Version);

        sync.Apply(new PullResponse([], 0, false, 0, 0)
        {
            Reference = new ReferenceData(7)
            {
                Departments = ["Opvang", "Wonen"],
                Mandates = [MandateInfo.From(mandate)],
                CostTables =
                [
                    new CostTableInfo(1, temp.Clock.UtcNow, [CostEntryInfo.From(MandateSamples.Eviction())]),
                    new CostTableInfo(2, temp.Clock.UtcNow, [CostEntryInfo.From(MandateSamples.Eviction(8_000))]),
                ],
            },
        });

        Assert.Equal(7, temp.Store.Reference.Version);
        Assert.Equal(["Opvang", "Wonen"], temp.Store.Reference.Departments().Select(d => d.Name));
        Assert.Equal(mandate, temp.Store.Reference.MyMandates().Single() with { Departments = mandate.Departments });
        Assert.Equal(mandate.Departments, temp.Store.Reference.MyMandates().Single().Departments);
        var table = temp.Store.Reference.CostTable();
        Assert.Equal([1, 2], table.Versions.Select(v => v.Version));
        Assert.Equal(Money.FromEuros(8_000), table.Find("uithuiszetting", new DateOnly(2026, 3, 1))!.Amount);
        Assert.Equal(Money.FromEuros(6_000), table.Find("uithuiszetting", new DateOnly(2026, 3, 1), version: 1)!.Amount);
    }

    [Fact]
    public void Reference_PageWithoutReferenceData_AsFromAnOlderServer_KeepsWhatTheLaptopHolds()
    {
        var (temp, _) = LeaderStore();
        using var _ = temp;

        new LocalSync(temp.Store).Apply(new PullResponse([], 5, false, 0, 0));

        Assert.Equal(4, temp.Store.Reference.Version);
        Assert.Single(temp.Store.Reference.MyMandates());
    }

    [Fact]
    public void Migration_OpensAnEarlierStoreAndAddsTheMandateAndBudgetTables()
    {
        using var temp = new TempStore();
        temp.Close();
        // Version 8 is the last step before issue 11's tables (step 9), issue 12's (step 10), home's indexes (step 11),
        // issue 13's tables (step 12), issue 14's pauses and escalations (step 13) its tag columns (step 14), its pattern steps (step 15)
        // and issue 15's scope shares (step 16).
        temp.Execute("DROP TABLE mandate_decisions; DROP TABLE mandate_addenda; DROP TABLE reference_data; DROP TABLE budget_requests; DROP TABLE budget_votes; "
            + "DROP INDEX signals_open; DROP INDEX signals_by_reported; DROP INDEX home_visits_by_date; "
            + "DROP TABLE fund_requests; DROP TABLE fund_repayments; DROP TABLE pauses; DROP TABLE pause_steps; DROP TABLE escalations; DROP TABLE pattern_steps; DROP TABLE scope_rows; "
            + "ALTER TABLE signals DROP COLUMN bottleneck_tag; ALTER TABLE indication_advices DROP COLUMN bottleneck_tag; PRAGMA user_version = 8;");

        temp.Reopen();

        Assert.Equal(0, temp.Count("SELECT count(*) FROM mandate_decisions"));
        Assert.Equal(0, temp.Count("SELECT count(*) FROM budget_requests") + temp.Count("SELECT count(*) FROM budget_votes"));
        Assert.Equal(0, temp.Count("SELECT count(*) FROM reference_data"));
        Assert.Equal(0, temp.Count("SELECT count(*) FROM fund_requests") + temp.Count("SELECT count(*) FROM fund_repayments"));
        Assert.Equal(0, temp.Count("SELECT count(*) FROM pauses") + temp.Count("SELECT count(*) FROM pause_steps") + temp.Count("SELECT count(*) FROM escalations")
            + temp.Count("SELECT count(*) FROM pattern_steps") + temp.Count("SELECT count(*) FROM scope_rows"));
        Assert.Equal(Migrations.LatestVersion, temp.Count("PRAGMA user_version"));
    }
}
