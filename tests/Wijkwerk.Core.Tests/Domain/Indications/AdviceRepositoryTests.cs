using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Core.Tests.Storage;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Indications;

/// <summary>The laptop's store applies the advice rules as its own worker before anything is written, and writes a step as one change.</summary>
public class AdviceRepositoryTests
{
    /// <summary>The advice as a consultant's laptop receives it from the server, changed by its author, at feed position <paramref name="version"/>.</summary>
    private static void Receive(TempStore temp, IndicationAdvice advice, long version = 1) =>
        ServerRows.Receive(temp, advice, advice.Author.Value, version, anchor: version);

    /// <summary>The server took everything this laptop pushed.</summary>
    private static void Accept(TempStore temp)
    {
        var sync = new LocalSync(temp.Store);
        var pending = sync.Pending(100);
        sync.Record(pending, new PushResponse(pending.Select(p => new MutationResult(p.Mutation.MutationId, SyncProtocol.Results.Accepted, 2, null, [])).ToList()));
    }

    [Fact]
    public void AVolumeTypedAsPartOfAnHour_IsStoredInWholeMinutes_AndReadsBackAsTyped_AfterReopening()
    {
        using var temp = new TempStore();
        var volume = ParsedAssert.Valid(Volume.Parse("0,5", VolumeUnit.Hour, VolumeFrequency.PerWeek));
        var draft = AdviceSamples.Draft();
        var edited = ParsedAssert.Valid(draft.Edit(AdviceSamples.Nurse, draft.Content with { Provision = draft.Content.Provision with { Volume = volume } }, AdviceSamples.Today));
        temp.Store.Advices.Add(edited);

        var stored = temp.Reopen().Advices.Find(edited.Id)!;

        Assert.Equal(("0,5", VolumeUnit.Hour), stored.Content.Provision.Volume.AsTyped());
        Assert.Equal("0,5 uur (30 minuten) per week", stored.Content.Provision.Volume.Show(Lang.Nl));
        Assert.Equal(1, temp.Count("SELECT count(*) FROM indication_advices WHERE amount = '30' AND unit = 'Minute' AND entered_unit = 'Hour'"));
    }

    [Fact]
    public void NursesStore_RefusesADecision_WritesNothing()
    {
        using var temp = new TempStore();
        var draft = AdviceSamples.Draft();
        temp.Store.Advices.Add(draft);
        var submitted = draft.Submit(AdviceSamples.Nurse, AdviceStates.StepTime, AdviceSamples.Today).Value;
        temp.Store.Advices.Save(submitted);
        var (outbox, audit) = (temp.OutboxRows(), temp.AuditEvents());

        foreach (var decision in new[]
                 {
                     submitted.Grant(AdviceSamples.Consultant, "", AdviceStates.LaterTime, AdviceSamples.Today).Value,
                     AdviceStates.Move(submitted, AdviceStatus.Granted, AdviceSamples.Nurse),
                     AdviceStates.Move(submitted, AdviceStatus.Rejected, AdviceSamples.Nurse),
                 })
        {
            var refused = Assert.Throws<DomainException>(() => temp.Store.Advices.Save(decision));
            Assert.Equal(TextId.AdviceTransitionNotAllowed, refused.Problem.Text);
        }

        Assert.Equal((outbox, audit), (temp.OutboxRows(), temp.AuditEvents()));
        var stored = temp.Reopen().Advices.Find(submitted.Id)!;
        Assert.Equal((AdviceStatus.Submitted, null), (stored.Status, stored.Decision));
        Assert.Equal(0, temp.Count("SELECT count(*) FROM indication_advices WHERE decided_at IS NOT NULL OR decided_category IS NOT NULL"));
    }

    [Fact]
    public void NursesStore_RefusesANewAdviceThatIsNotTheirsOrAlreadyDecided()
    {
        using var temp = new TempStore();
        var concept = AdviceSamples.Draft();

        Assert.Equal(TextId.AdviceNotInOwnName, Assert.Throws<DomainException>(() => temp.Store.Advices.Add(AdviceSamples.Draft(AdviceSamples.OtherNurse))).Problem.Text);
        Assert.Equal(TextId.AdviceNewStatus, Assert.Throws<DomainException>(() => temp.Store.Advices.Add(AdviceStates.Move(concept, AdviceStatus.Granted, AdviceSamples.Nurse))).Problem.Text);
        Assert.Equal(0, temp.Count("SELECT count(*) FROM indication_advices"));
        Assert.Equal(0, temp.OutboxRows());
    }

    [Fact]
    public void ConsultantsStore_RefusesToAddOrRewriteTheAdvice()
    {
        using var temp = new TempStore(AdviceSamples.ConsultantIdentity);
        var submitted = AdviceStates.In(AdviceStatus.Submitted);
        Receive(temp, submitted);

        Assert.Equal(TextId.AdviceOnlyAuthorWrites, Assert.Throws<DomainException>(() => temp.Store.Advices.Add(AdviceSamples.Draft() with { Author = AdviceSamples.Consultant.Id })).Problem.Text);
        var rewritten = submitted with { Content = submitted.Content with { Rationale = "Door de consulent." } };
        Assert.Equal(TextId.AdviceOnlyAuthorWrites, Assert.Throws<DomainException>(() => temp.Store.Advices.Save(rewritten)).Problem.Text);
        Assert.Equal(0, temp.OutboxRows());
        Assert.Equal(submitted, temp.Store.Advices.Find(submitted.Id));
    }

    [Fact]
    public void Save_StepWithItsQuestion_WritesAdviceMessageOutboxAndAuditTogether()
    {
        using var temp = new TempStore(AdviceSamples.ConsultantIdentity);
        var submitted = AdviceStates.In(AdviceStatus.Submitted);
        Receive(temp, submitted);
        var audit = temp.AuditEvents();
        var asked = submitted.AskQuestion(AdviceSamples.Consultant, AdviceSamples.Today).Value;
        var question = AdviceMessage.Write(new Id<AdviceMessage>(Guid.CreateVersion7()), submitted.Id, AdviceMessageKind.Question, "Hoe vaak helpt de dochter?", AdviceSamples.Consultant, AdviceStates.LaterTime).Value;

        Assert.True(temp.Store.Advices.Save(asked, question));

        Assert.Equal(AdviceStatus.QuestionAsked, temp.Store.Advices.Find(submitted.Id)!.Status);
        Assert.Equal([question], temp.Store.Advices.Thread(submitted.Id));
        Assert.Equal(1, temp.Count($"SELECT count(*) FROM outbox WHERE table_name = 'indication_advices' AND row_id = '{submitted.Id}' AND operation = 'update' AND columns = '[\"status\"]'"));
        Assert.Equal(1, temp.Count($"SELECT count(*) FROM outbox WHERE table_name = 'advice_messages' AND row_id = '{question.Id}' AND operation = 'insert'"));
        Assert.True(temp.AuditEvents() > audit);
        Assert.True(temp.Count($"SELECT count(*) FROM audit_events WHERE client_id = '{submitted.ClientId}' AND event_type = 'Change'") >= 1);
        Assert.Equal(2, temp.Store.PendingChanges());
    }

    [Fact]
    public void Save_CrashBeforeTheAdvicesOutboxEntry_LeavesNeitherTheStepNorTheQuestion()
    {
        using var temp = new TempStore(AdviceSamples.ConsultantIdentity);
        var submitted = AdviceStates.In(AdviceStatus.Submitted);
        Receive(temp, submitted);
        temp.Execute("CREATE TRIGGER crash BEFORE INSERT ON outbox WHEN NEW.table_name = 'indication_advices' BEGIN SELECT RAISE(ABORT, 'simulated crash'); END");
        var asked = submitted.AskQuestion(AdviceSamples.Consultant, AdviceSamples.Today).Value;
        var question = AdviceMessage.Write(new Id<AdviceMessage>(Guid.CreateVersion7()), submitted.Id, AdviceMessageKind.Question, "Vraag?", AdviceSamples.Consultant, AdviceStates.LaterTime).Value;

        Assert.Throws<SqliteException>(() => temp.Store.Advices.Save(asked, question));

        Assert.Equal(0, temp.Count("SELECT count(*) FROM advice_messages"));
        Assert.Equal(0, temp.OutboxRows());
        Assert.Equal(AdviceStatus.Submitted, temp.Store.Advices.Find(submitted.Id)!.Status);
    }

    [Fact]
    public void Save_WithAMessageFromTheWrongSide_WritesNothing()
    {
        using var temp = new TempStore();
        var draft = AdviceSamples.Draft();
        temp.Store.Advices.Add(draft);
        var outbox = temp.OutboxRows();
        var submitted = draft.Submit(AdviceSamples.Nurse, AdviceStates.StepTime, AdviceSamples.Today).Value;
        var question = new AdviceMessage(new Id<AdviceMessage>(Guid.CreateVersion7()), draft.Id, AdviceMessageKind.Question, "Zelf een vraag?", AdviceSamples.Nurse.Id, AdviceStates.LaterTime);

        var refused = Assert.Throws<DomainException>(() => temp.Store.Advices.Save(submitted, question));

        Assert.Equal(TextId.AdviceMessageWrongRole, refused.Problem.Text);
        Assert.Equal(outbox, temp.OutboxRows());
        Assert.Equal(AdviceStatus.Concept, temp.Store.Advices.Find(draft.Id)!.Status);
        Assert.Empty(temp.Store.Advices.Thread(draft.Id));
    }

    [Fact]
    public void AdviceAndThreadText_AreSealedInTheStoreFiles()
    {
        string[] secrets = ["Zeldzame traplift Quokka", "Buurtkamer Okapi geprobeerd", "Wil Narwal blijven", "Toestemming Axolotl", "Vraag over Pangolin", "Reden Tapir aangepast"];
        using var nurse = new TempStore();
        var content = AdviceSamples.Content() with
        {
            Rationale = secrets[0], AlternativesConsidered = secrets[1], ClientWishes = secrets[2], Consent = Wijkwerk.Core.Domain.Clients.ConsentStatus.Declined, ConsentNote = secrets[3],
        };
        var draft = AdviceSamples.Draft() with { Content = content };
        nurse.Store.Advices.Add(draft);
        var submitted = draft.Submit(AdviceSamples.Nurse, AdviceStates.StepTime, AdviceSamples.Today).Value;
        nurse.Store.Advices.Save(submitted);

        using var consultant = new TempStore(AdviceSamples.ConsultantIdentity);
        Receive(consultant, submitted);
        var asked = submitted.AskQuestion(AdviceSamples.Consultant, AdviceSamples.Today).Value;
        consultant.Store.Advices.Save(asked, AdviceMessage.Write(new Id<AdviceMessage>(Guid.CreateVersion7()), submitted.Id, AdviceMessageKind.Question, secrets[4], AdviceSamples.Consultant, AdviceStates.LaterTime).Value);
        Accept(consultant);
        Receive(consultant, asked with { Status = AdviceStatus.Answered }, version: 3);
        var answered = consultant.Store.Advices.Find(submitted.Id)!;
        consultant.Store.Advices.Save(answered.Adjust(AdviceSamples.Consultant, AdviceSamples.Provision(hoursPerWeek: 2), secrets[5], AdviceStates.LaterTime, AdviceSamples.Today).Value);

        Assert.Equal(secrets[5], consultant.Store.Advices.Find(submitted.Id)!.Decision!.Reason);
        Assert.Equal(secrets[0], nurse.Store.Advices.Find(submitted.Id)!.Content.Rationale);
        EncryptionAtRestTests.AssertNoPlaintext(nurse.Folder, secrets);
        EncryptionAtRestTests.AssertNoPlaintext(consultant.Folder, secrets);
        nurse.Close();
        consultant.Close();
        EncryptionAtRestTests.AssertNoPlaintext(nurse.Folder, secrets);
        EncryptionAtRestTests.AssertNoPlaintext(consultant.Folder, secrets);
        nurse.Reopen();
        consultant.Reopen();
    }
}
