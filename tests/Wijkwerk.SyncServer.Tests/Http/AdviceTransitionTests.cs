using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Core.Tests.Support;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>
/// Every status move of an advice, pushed by a device of every role to the real server: accepted exactly
/// when the workflow allows it; refused with a Dutch reason and nothing changed otherwise.
/// </summary>
public sealed class AdviceTransitionTests(AdviceServerFixture server) : IClassFixture<AdviceServerFixture>
{
    // After the draft was made, and never ahead of the server's clock when pushed: half an hour ahead fell on the next day
    // from 23:30 in Amsterdam, and the server rightly refused a submission or decision on a day that had not begun.
    private static readonly DateTimeOffset Later = AdviceServerFixture.Now.AddMilliseconds(1);
    private long _anchor;

    public static TheoryData<AdviceStatus, Role> EveryStartAndRole()
    {
        var data = new TheoryData<AdviceStatus, Role>();
        foreach (var from in Enum.GetValues<AdviceStatus>())
        {
            foreach (var role in Enum.GetValues<Role>())
                data.Add(from, role);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStartAndRole))]
    public async Task EveryMove_FromThisStatus_ByThisRole_IsAcceptedExactlyWhenAllowed(AdviceStatus from, Role role)
    {
        var actor = server.Worker(role);
        var author = role == Role.TeamLeader ? Role.TeamLeader : Role.Nurse;
        foreach (var to in Enum.GetValues<AdviceStatus>())
        {
            var (before, version) = await BringTo(from, author);
            var after = Move(before, to, actor);
            await NewChanges();

            var result = await AdviceServerFixture.Push(server.Device(role), before, after, version);

            var changes = await NewChanges();
            var what = $"{from} → {to} by {role}";
            if (AdviceWorkflowOracle.Allowed(from, to, role))
            {
                Assert.True(result.Status == SyncProtocol.Results.Accepted, $"{what}: {result.Reason}");
                var row = changes.LastOrDefault(c => c.RowId == before.Id.Value);
                if (before == after)
                    continue;
                Assert.NotNull(row);
                Assert.Equal((to.ToString(), version + 1), (row.Columns["status"], row.Version));
                Assert.Equal(after, AdviceColumns.FromColumns(row.RowId, row.Columns).Value);
            }
            else
            {
                Assert.True(result.Status == SyncProtocol.Results.Refused, $"{what}: expected a refusal, got {result.Status}");
                Assert.False(string.IsNullOrWhiteSpace(result.Reason));
                Assert.Matches("(Indicatieadvies|Uw rol)", result.Reason);
                Assert.DoesNotContain(changes, c => c.RowId == before.Id.Value);
            }
        }
    }

    [Theory]
    [InlineData(Role.FundSecretary)]
    [InlineData(Role.Admin)]
    public async Task FundSecretaryOrAdmin_CannotWriteAdviceOrMessages(Role role)
    {
        var device = server.Device(role);
        var worker = server.Worker(role);
        var (submitted, _) = await BringTo(AdviceStatus.Submitted, Role.Nurse);
        await NewChanges();
        var own = server.Draft(server.Worker(Role.Nurse)) with { Author = worker.Id };
        var message = new AdviceMessage(new(Guid.CreateVersion7()), submitted.Id, AdviceMessageKind.Question, "Mag ik iets vragen?", worker.Id, Later);

        var results = (await device.Push(
            new Mutation(device.NextMutationId(), AdviceColumns.AdviceTable, own.Id.Value, SyncProtocol.Operations.Insert, 0, AdviceColumns.ToColumns(own)),
            new Mutation(device.NextMutationId(), AdviceColumns.MessageTable, message.Id.Value, SyncProtocol.Operations.Insert, 0, AdviceColumns.ToColumns(message)),
            new Mutation(device.NextMutationId(), AdviceColumns.AdviceTable, submitted.Id.Value, SyncProtocol.Operations.Update, 1, new Dictionary<string, string?> { ["status"] = "Withdrawn" }),
            new Mutation(device.NextMutationId(), AdviceColumns.AdviceTable, submitted.Id.Value, SyncProtocol.Operations.Delete, 1, new Dictionary<string, string?>()))).Results;

        Assert.All(results, r => Assert.Equal(SyncProtocol.Results.Refused, r.Status));
        Assert.All(results, r => Assert.Equal($"Uw rol ({role.Code()}) werkt niet met indicatieadviezen; dat doen wijkverpleegkundigen, teamleiders en Wmo-consulenten.", r.Reason));
        Assert.Empty(await NewChanges());
    }

    /// <summary>What the nurse's device pulls that it has not pulled before in this test.</summary>
    private async Task<List<RowChange>> NewChanges()
    {
        var (changes, last) = await server.Device(Role.Nurse).PullAll(_anchor);
        _anchor = last.NextAnchor;
        return changes;
    }

    private static IndicationAdvice Move(IndicationAdvice before, AdviceStatus to, Core.Domain.Teams.Worker by)
    {
        var advised = before.Content.Provision;
        return to switch
        {
            AdviceStatus.Submitted => before with { Status = to, SubmittedAt = Later },
            AdviceStatus.Granted => before with { Status = to, Decision = new AdviceDecision(advised, "", Later, by.Id) },
            AdviceStatus.Adjusted => before with { Status = to, Decision = new AdviceDecision(advised with { Volume = advised.Volume with { Amount = 2 } }, "Twee uur volstaat.", Later, by.Id) },
            AdviceStatus.Rejected => before with { Status = to, Decision = new AdviceDecision(null, "Algemene voorziening volstaat.", Later, by.Id) },
            _ => before with { Status = to },
        };
    }

    /// <summary>A new advice on the server in the given status, every step pushed by the device whose step it is.</summary>
    private async Task<(IndicationAdvice Advice, long Version)> BringTo(AdviceStatus status, Role authorRole)
    {
        var (author, authorDevice) = (server.Worker(authorRole), server.Device(authorRole));
        var (consultant, consultantDevice) = (server.Worker(Role.WmoConsultant), server.Device(Role.WmoConsultant));
        var today = AdviceServerFixture.Today;
        var advice = server.Draft(author);
        var version = 1L;
        Accepted(await AdviceServerFixture.Push(authorDevice, null, advice, 0));

        async Task Step(Core.Domain.Common.Parsed<IndicationAdvice> next, SyncClient device)
        {
            var after = next.Value;
            Accepted(await AdviceServerFixture.Push(device, advice, after, version));
            (advice, version) = (after, version + 1);
        }

        if (status == AdviceStatus.Concept)
            return (advice, version);
        if (status == AdviceStatus.Withdrawn)
        {
            await Step(advice.Withdraw(author, today), authorDevice);
            return (advice, version);
        }

        await Step(advice.Submit(author, AdviceServerFixture.Now, today), authorDevice);
        switch (status)
        {
            case AdviceStatus.QuestionAsked or AdviceStatus.Answered:
                await Step(advice.AskQuestion(consultant, today), consultantDevice);
                if (status == AdviceStatus.Answered)
                    await Step(advice.Answer(author, advice.Content with { ClientWishes = "Thuis blijven, met hulp bij de was." }, today), authorDevice);
                break;
            case AdviceStatus.Granted:
                await Step(advice.Grant(consultant, "", AdviceServerFixture.Now, today), consultantDevice);
                break;
            case AdviceStatus.Adjusted:
                await Step(advice.Adjust(consultant, advice.Content.Provision with { DurationMonths = 6 }, "Eerst een half jaar.", AdviceServerFixture.Now, today), consultantDevice);
                break;
            case AdviceStatus.Rejected:
                await Step(advice.Reject(consultant, "Voorliggende voorziening volstaat.", AdviceServerFixture.Now, today), consultantDevice);
                break;
        }

        return (advice, version);
    }

    private static void Accepted(MutationResult result) =>
        Assert.True(result.Status == SyncProtocol.Results.Accepted, $"setting up: {result.Status} {result.Reason}");
}
