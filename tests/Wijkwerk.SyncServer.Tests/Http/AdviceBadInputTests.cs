using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>Advice rows that break a rule are refused one by one with a reason a person can act on; the rest of the batch proceeds.</summary>
public sealed class AdviceBadInputTests(AdviceServerFixture server) : IClassFixture<AdviceServerFixture>
{
    private SyncClient Nurse => server.Device(Role.Nurse);

    private SyncClient Consultant => server.Device(Role.WmoConsultant);

    private Mutation Insert(SyncClient device, Guid id, Dictionary<string, string?> columns, string table = AdviceColumns.AdviceTable) =>
        new(device.NextMutationId(), table, id, SyncProtocol.Operations.Insert, 0, columns);

    /// <summary>A new advice by the nurse, one of its columns spoilt the way a faulty laptop might send it.</summary>
    private Mutation NewAdvice(Action<Dictionary<string, string?>> spoil)
    {
        var draft = server.Draft(server.Worker(Role.Nurse));
        var columns = AdviceColumns.ToColumns(draft);
        spoil(columns);
        return Insert(Nurse, draft.Id.Value, columns);
    }

    [Fact]
    public async Task BadRowsInOneBatch_AreRefusedEachWithItsReason_TheOthersAreAccepted()
    {
        var nurse = server.Worker(Role.Nurse);
        var submitted = server.Draft(nurse).Submit(nurse, AdviceServerFixture.Now, AdviceServerFixture.Today).Value;
        Assert.Equal(SyncProtocol.Results.Accepted, (await AdviceServerFixture.Push(Nurse, null, submitted, 0)).Status);
        var (_, head) = await Nurse.PullAll(0);
        var advised = AdviceColumns.ToColumns(submitted);
        var decision = new Dictionary<string, string?>
        {
            ["status"] = "Granted", ["decided_category"] = advised["category"], ["decided_product_code"] = advised["product_code"],
            ["decided_amount"] = advised["amount"], ["decided_unit"] = advised["unit"], ["decided_frequency"] = advised["frequency"],
            ["decided_start"] = advised["start_date"], ["decided_duration_months"] = advised["duration_months"],
            ["decided_at"] = AdviceServerFixture.Now.UtcDateTime.ToString("O"), ["decided_by"] = nurse.Id.ToString(),
        };
        var good = server.Draft(nurse);
        var goodClient = Guid.NewGuid();

        var results = (await Nurse.Push(
            Insert(Nurse, goodClient, ServerFixture.ClientColumns("Mies"), "clients"),
            new Mutation(Nurse.NextMutationId(), AdviceColumns.AdviceTable, submitted.Id.Value, SyncProtocol.Operations.Update, 1, decision),
            NewAdvice(c => (c["amount"], c["unit"], c["frequency"]) = ("2", "Etmaal", "PerDay")),
            NewAdvice(c => (c["amount"], c["unit"], c["frequency"]) = ("30", "Hour", "PerDay")),
            NewAdvice(c => (c["category"], c["unit"]) = ("Wheelchairs", "Hour")),
            NewAdvice(c => c["product_code"] = "01A012"),
            NewAdvice(c => c["aanvraag_date"] = DateOnly.Parse(c["melding_date"]!).AddDays(-1).ToString("yyyy-MM-dd")),
            NewAdvice(c => c["start_date"] = DateOnly.Parse(c["melding_date"]!).AddDays(-1).ToString("yyyy-MM-dd")),
            NewAdvice(c => c["frequency"] = "PerFortnight"),
            Insert(Nurse, good.Id.Value, AdviceColumns.ToColumns(good)))).Results;

        Assert.Equal(SyncProtocol.Results.Accepted, results[0].Status);
        Assert.Equal(SyncProtocol.Results.Accepted, results[^1].Status);
        var expected = new[]
        {
            "Indicatieadvies: status een wijkverpleegkundige kan een advies niet van ingediend naar toegekend zetten",
            "Indicatieadvies: frequentie past niet: 2 etmalen per dag is meer tijd dan die periode heeft",
            "Indicatieadvies: frequentie past niet: 30 uur per dag is meer tijd dan die periode heeft",
            "Indicatieadvies: eenheid past niet bij 11 Rolstoelen",
            "Indicatieadvies: productcode mag alleen letters en cijfers bevatten, maximaal 5 tekens",
            "Indicatieadvies: aanvraagdatum ligt voor de meldingsdatum",
            "Indicatieadvies: startdatum ligt voor de meldingsdatum",
            "Indicatieadvies: kolom 'frequency' heeft een ongeldige waarde",
        };
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(SyncProtocol.Results.Refused, results[i + 1].Status);
            Assert.StartsWith(expected[i], results[i + 1].Reason, StringComparison.Ordinal);
        }

        var (changes, _) = await Nurse.PullAll(head.NextAnchor);
        Assert.Equal(new[] { goodClient, good.Id.Value }.Order(), changes.Select(c => c.RowId).Order());
        await AssertHealthy();
    }

    [Fact]
    public async Task ADecisionInTheNursesOwnName_OrOnANewRow_IsRefused()
    {
        var nurse = server.Worker(Role.Nurse);
        var submitted = server.Draft(nurse).Submit(nurse, AdviceServerFixture.Now, AdviceServerFixture.Today).Value;
        var grantedOnArrival = submitted with
        {
            Id = new(Guid.CreateVersion7()), Status = AdviceStatus.Granted, Decision = new AdviceDecision(submitted.Content.Provision, "", AdviceServerFixture.Now, nurse.Id),
        };
        var consultantsDecision = grantedOnArrival with { Id = new(Guid.CreateVersion7()), Decision = grantedOnArrival.Decision! with { By = server.Worker(Role.WmoConsultant).Id } };

        var own = await AdviceServerFixture.Push(Nurse, null, grantedOnArrival, 0);
        var forged = await AdviceServerFixture.Push(Nurse, null, consultantsDecision, 0);

        Assert.Equal((SyncProtocol.Results.Refused, SyncProtocol.Results.Refused), (own.Status, forged.Status));
        Assert.Contains("een nieuw advies begint als concept of ingediend", own.Reason);
        Assert.Contains("een nieuw advies begint als concept of ingediend", forged.Reason);
    }

    [Fact]
    public async Task TheConsultant_CannotRewriteTheAdvice_ButRecordsTheAanvraag()
    {
        var nurse = server.Worker(Role.Nurse);
        var consultant = server.Device(Role.WmoConsultant);
        var submitted = server.Draft(nurse).Submit(nurse, AdviceServerFixture.Now, AdviceServerFixture.Today).Value;
        Assert.Equal(SyncProtocol.Results.Accepted, (await AdviceServerFixture.Push(Nurse, null, submitted, 0)).Status);

        var rewrite = await consultant.PushOne(AdviceColumns.AdviceTable, submitted.Id.Value, SyncProtocol.Operations.Update, 1, new() { ["amount"] = "1" });
        var aanvraag = await consultant.PushOne(AdviceColumns.AdviceTable, submitted.Id.Value, SyncProtocol.Operations.Update, 1, new() { ["aanvraag_date"] = AdviceServerFixture.Today.ToString("yyyy-MM-dd") });

        Assert.Equal(SyncProtocol.Results.Refused, rewrite.Status);
        Assert.Contains("alleen de opsteller", rewrite.Reason);
        Assert.Equal((SyncProtocol.Results.Accepted, 2L), (aanvraag.Status, aanvraag.Version));
    }

    [Theory]
    [InlineData(AdviceStatus.Submitted, Role.Nurse)]
    [InlineData(AdviceStatus.Granted, Role.Nurse)]
    [InlineData(AdviceStatus.Granted, Role.WmoConsultant)]
    public async Task DeletingAnAdviceOrItsMessage_IsRefused_TheRowStays(AdviceStatus status, Role role)
    {
        var nurse = server.Worker(Role.Nurse);
        var advice = server.Draft(nurse).Submit(nurse, AdviceServerFixture.Now, AdviceServerFixture.Today).Value;
        Assert.Equal(SyncProtocol.Results.Accepted, (await AdviceServerFixture.Push(Nurse, null, advice, 0)).Status);
        var question = new AdviceMessage(new(Guid.CreateVersion7()), advice.Id, AdviceMessageKind.Question, "Wie helpt er nog meer?", server.Worker(Role.WmoConsultant).Id, AdviceServerFixture.Now);
        var consultant = server.Device(Role.WmoConsultant);
        Assert.Equal(SyncProtocol.Results.Accepted, (await consultant.PushOne(AdviceColumns.MessageTable, question.Id.Value, SyncProtocol.Operations.Insert, 0, AdviceColumns.ToColumns(question))).Status);
        var version = 1L;
        if (status == AdviceStatus.Granted)
        {
            var granted = advice.Grant(server.Worker(Role.WmoConsultant), "", AdviceServerFixture.Now, AdviceServerFixture.Today).Value;
            Assert.Equal(SyncProtocol.Results.Accepted, (await AdviceServerFixture.Push(consultant, advice, granted, 1)).Status);
            version = 2;
        }

        var (_, head) = await Nurse.PullAll(0);
        var device = server.Device(role);
        var results = (await device.Push(
            new Mutation(device.NextMutationId(), AdviceColumns.AdviceTable, advice.Id.Value, SyncProtocol.Operations.Delete, version, new Dictionary<string, string?>()),
            new Mutation(device.NextMutationId(), AdviceColumns.MessageTable, question.Id.Value, SyncProtocol.Operations.Delete, 1, new Dictionary<string, string?>()))).Results;

        Assert.All(results, r => Assert.Equal(SyncProtocol.Results.Refused, r.Status));
        Assert.All(results, r => Assert.Contains("niet verwijderd", r.Reason));
        var (changes, _) = await Nurse.PullAll(head.NextAnchor);
        Assert.Empty(changes);
    }

    [Fact]
    public async Task AMessage_FromTheWrongSide_OutOfTurn_OrRewritten_IsRefused()
    {
        var nurse = server.Worker(Role.Nurse);
        var consultant = server.Worker(Role.WmoConsultant);
        var concept = server.Draft(nurse);
        Assert.Equal(SyncProtocol.Results.Accepted, (await AdviceServerFixture.Push(Nurse, null, concept, 0)).Status);
        var onConcept = new AdviceMessage(new(Guid.CreateVersion7()), concept.Id, AdviceMessageKind.Question, "Vraag over een concept?", consultant.Id, AdviceServerFixture.Now);
        var advice = server.Draft(nurse).Submit(nurse, AdviceServerFixture.Now, AdviceServerFixture.Today).Value;
        Assert.Equal(SyncProtocol.Results.Accepted, (await AdviceServerFixture.Push(Nurse, null, advice, 0)).Status);
        var fromNurse = new AdviceMessage(new(Guid.CreateVersion7()), advice.Id, AdviceMessageKind.Question, "Eigen vraag?", nurse.Id, AdviceServerFixture.Now);
        var early = new AdviceMessage(new(Guid.CreateVersion7()), advice.Id, AdviceMessageKind.Answer, "Antwoord zonder vraag.", nurse.Id, AdviceServerFixture.Now);
        var asked = new AdviceMessage(new(Guid.CreateVersion7()), advice.Id, AdviceMessageKind.Question, "Hoe vaak helpt de dochter?", consultant.Id, AdviceServerFixture.Now);
        var answer = new AdviceMessage(new(Guid.CreateVersion7()), advice.Id, AdviceMessageKind.Answer, "Antwoord.", nurse.Id, AdviceServerFixture.Now);

        var conceptQuestion = await Consultant.PushOne(AdviceColumns.MessageTable, onConcept.Id.Value, SyncProtocol.Operations.Insert, 0, AdviceColumns.ToColumns(onConcept));
        var question = await Nurse.PushOne(AdviceColumns.MessageTable, fromNurse.Id.Value, SyncProtocol.Operations.Insert, 0, AdviceColumns.ToColumns(fromNurse));
        var answeredEarly = await Nurse.PushOne(AdviceColumns.MessageTable, early.Id.Value, SyncProtocol.Operations.Insert, 0, AdviceColumns.ToColumns(early));
        var consultantAsks = await Consultant.PushOne(AdviceColumns.MessageTable, asked.Id.Value, SyncProtocol.Operations.Insert, 0, AdviceColumns.ToColumns(asked));
        var statusAsked = await AdviceServerFixture.Push(Consultant, advice, advice.AskQuestion(consultant, AdviceServerFixture.Today).Value, 1);
        var answered = await Nurse.PushOne(AdviceColumns.MessageTable, answer.Id.Value, SyncProtocol.Operations.Insert, 0, AdviceColumns.ToColumns(answer));
        var rewritten = await Nurse.PushOne(AdviceColumns.MessageTable, answer.Id.Value, SyncProtocol.Operations.Update, 1, new() { ["text"] = "Ander antwoord." });

        Assert.Equal(SyncProtocol.Results.Refused, conceptQuestion.Status);
        Assert.Contains("vragen gaan over een ingediend advies", conceptQuestion.Reason);
        Assert.Equal(SyncProtocol.Results.Refused, question.Status);
        Assert.Contains("de consulent vraagt, de opsteller antwoordt", question.Reason);
        Assert.Equal(SyncProtocol.Results.Refused, answeredEarly.Status);
        Assert.Contains("antwoorden over een gestelde vraag", answeredEarly.Reason);
        Assert.Equal(SyncProtocol.Results.Accepted, consultantAsks.Status);
        Assert.Equal(SyncProtocol.Results.Accepted, statusAsked.Status);
        Assert.Equal(SyncProtocol.Results.Accepted, answered.Status);
        Assert.Equal(SyncProtocol.Results.Refused, rewritten.Status);
        Assert.Contains("een verstuurd bericht wordt niet meer gewijzigd", rewritten.Reason);
    }

    [Fact]
    public async Task AColleagueOfTheAuthor_CannotWithdrawOrAnswer_TheAuthorCan()
    {
        var nurse = server.Worker(Role.Nurse);
        var advice = server.Draft(nurse).Submit(nurse, AdviceServerFixture.Now, AdviceServerFixture.Today).Value;
        Assert.Equal(SyncProtocol.Results.Accepted, (await AdviceServerFixture.Push(Nurse, null, advice, 0)).Status);
        var byLeader = advice with { Status = AdviceStatus.Withdrawn };

        var refused = await AdviceServerFixture.Push(server.Device(Role.TeamLeader), advice, byLeader, 1);
        var accepted = await AdviceServerFixture.Push(Nurse, advice, advice.Withdraw(nurse, AdviceServerFixture.Today).Value, 1);

        Assert.Equal(SyncProtocol.Results.Refused, refused.Status);
        Assert.Contains("opsteller is van de opsteller", refused.Reason);
        Assert.Equal(SyncProtocol.Results.Accepted, accepted.Status);
    }

    private async Task AssertHealthy()
    {
        Assert.False(server.Server.HasExited, server.Server.Log);
        using var response = await server.Http.GetAsync("/healthz");
        Assert.True(response.IsSuccessStatusCode);
    }
}
