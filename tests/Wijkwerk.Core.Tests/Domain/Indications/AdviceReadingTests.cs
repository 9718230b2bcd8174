using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Storage.Repositories;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Indications;

/// <summary>
/// Reading advice back from the laptop's store: a row this version cannot read (pulled from a newer
/// server, or damaged) is left out and counted, never the end of every read; and the home screen's
/// counts open nothing and log nothing.
/// </summary>
public class AdviceReadingTests
{
    [Fact]
    public void UnreadableAdviceRows_AreLeftOutAndCounted_TheOthersStillRead_NothingIsLost()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        var good = AdviceSamples.Draft(clientId: client.Id.Value);
        var parked = AdviceSamples.Draft(clientId: client.Id.Value);
        var badAmount = AdviceSamples.Draft(clientId: client.Id.Value);
        foreach (var advice in new[] { good, parked, badAmount })
            temp.Store.Advices.Add(advice);
        temp.Execute($"UPDATE indication_advices SET status = 'Parked' WHERE id = '{parked.Id}'");
        temp.Execute($"UPDATE indication_advices SET amount = 'veel' WHERE id = '{badAmount.Id}'");

        var all = temp.Store.Advices.All();
        var ofClient = temp.Store.Advices.ForClient(client.Id);
        var dossier = temp.Store.Dossiers.Open(client.Id)!;

        Assert.Equal([good], all);
        Assert.Equal(2, all.Unreadable);
        Assert.Equal([good], ofClient);
        Assert.Equal(2, ofClient.Unreadable);
        Assert.Equal([good], dossier.Advices);
        Assert.Equal(2, dossier.UnreadableAdvices);
        Assert.Equal(good, temp.Store.Advices.Find(good.Id));
        Assert.Null(temp.Store.Advices.Find(parked.Id));
        Assert.Equal(0, temp.Store.Advices.ForClient(new Id<Client>(Guid.NewGuid())).Unreadable);
        // Left out of the reads, not out of the store: a newer version reads them again.
        Assert.Equal(3, temp.Count("SELECT count(*) FROM indication_advices WHERE deleted = 0"));
        Assert.Equal(2, temp.Reopen().Advices.All().Unreadable);
    }

    [Fact]
    public void UnreadableMessage_IsLeftOutOfTheThreadAndCounted()
    {
        using var temp = new TempStore(AdviceSamples.ConsultantIdentity);
        var asked = AdviceStates.In(AdviceStatus.QuestionAsked);
        ServerRows.Receive(temp, asked);
        var question = AdviceMessage.Write(new Id<AdviceMessage>(Guid.CreateVersion7()), asked.Id, AdviceMessageKind.Question, "Hoe vaak helpt de dochter?", AdviceSamples.Consultant, AdviceStates.StepTime).Value;
        ServerRows.Receive(temp, AdviceColumns.MessageTable, question.Id.Value, AdviceColumns.ToColumns(question));
        var reminder = new Dictionary<string, string?>(AdviceColumns.ToColumns(question)) { ["kind"] = "Reminder" };
        ServerRows.Receive(temp, AdviceColumns.MessageTable, Guid.CreateVersion7(), reminder);

        var thread = temp.Store.Advices.Thread(asked.Id);

        Assert.Equal([question], thread);
        Assert.Equal(1, thread.Unreadable);
        Assert.Equal(asked, temp.Store.Advices.Find(asked.Id));
    }

    [Fact]
    public void CountAwaitingReview_CountsFromThePlainColumns_AsTheClocksDo_AndLogsNothing()
    {
        using var temp = new TempStore(AdviceSamples.ConsultantIdentity);
        var aanvraag = AdviceSamples.Today.AddDays(-1);
        var advices = new[]
        {
            AdviceStates.In(AdviceStatus.Submitted, aanvraag: aanvraag),
            AdviceStates.In(AdviceStatus.Answered, aanvraag: aanvraag),
            AdviceStates.In(AdviceStatus.Submitted),
            AdviceStates.In(AdviceStatus.QuestionAsked, aanvraag: aanvraag),
            AdviceStates.In(AdviceStatus.Granted, aanvraag: aanvraag),
            AdviceStates.In(AdviceStatus.Withdrawn),
        };
        foreach (var advice in advices)
            ServerRows.Receive(temp, advice);
        var parked = AdviceStates.In(AdviceStatus.Submitted, aanvraag: aanvraag);
        ServerRows.Receive(temp, AdviceColumns.AdviceTable, parked.Id.Value, new Dictionary<string, string?>(AdviceColumns.ToColumns(parked)) { ["status"] = "Parked" });
        // A month on: the decision terms (two weeks from the aanvraag) have passed, the investigation (six weeks from the melding) not yet.
        temp.Clock.Advance(TimeSpan.FromDays(30));
        var today = temp.Store.Advices.Today;
        var audit = temp.AuditEvents();

        var counts = temp.Store.Advices.CountAwaitingReview(today);

        Assert.Equal(audit, temp.AuditEvents());
        Assert.Equal(new ReviewCounts(3, 2), counts);
        var awaiting = temp.Store.Advices.All().Where(a => a.Status.AwaitsConsultant()).ToList();
        Assert.Equal(new ReviewCounts(awaiting.Count, awaiting.Count(a => a.Clocks.Current(today).State == ClockState.Overdue)), counts);
    }
}
