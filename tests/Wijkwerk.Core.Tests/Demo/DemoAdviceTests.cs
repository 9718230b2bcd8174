using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Tests.Support;
using Wijkwerk.Demo;

namespace Wijkwerk.Core.Tests.Demo;

/// <summary>The demo's indication advice: every state, two teams, months of decisions, and only what the rules allow.</summary>
public class DemoAdviceTests
{
    [Fact]
    public void Fill_HoldsAnAdviceInEveryState_AcrossTwoTeamsAndSeveralMonths()
    {
        using var temp = new TempStore();

        var summary = DemoData.Fill(temp.Store, 20);
        var advices = temp.Store.Advices.All();

        Assert.Equal(summary.Advices, advices.Count);
        Assert.Equal(Enum.GetValues<AdviceStatus>(), advices.Select(a => a.Status).Distinct().Order());
        Assert.Equal(["Wijkteam Noord", "Wijkteam Zuid"], advices.Select(a => a.Team).Distinct().Order());
        var decidedMonths = advices.Where(a => a.Decision is not null).Select(a => AmsterdamTime.ToLocal(a.Decision!.At).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Distinct();
        Assert.True(decidedMonths.Count() >= 5);
        Assert.Equal(2, advices.Where(a => a.Decision is not null).Select(a => a.Team).Distinct().Count());
    }

    [Fact]
    public void Fill_DecisionsCarryWhatTheRulesAsk_AdjustedChangedVolumeAndReason_RejectedReason()
    {
        using var temp = new TempStore();
        DemoData.Fill(temp.Store, 20);
        var advices = temp.Store.Advices.All();

        Assert.All(advices.Where(a => a.Status == AdviceStatus.Adjusted), a =>
        {
            Assert.Equal([ProvisionPart.Volume], a.Decision!.Decided!.ChangesFrom(a.Content.Provision));
            Assert.NotEqual("", a.Decision.Reason);
        });
        Assert.All(advices.Where(a => a.Status == AdviceStatus.Rejected), a => Assert.NotEqual("", a.Decision!.Reason));
        Assert.All(advices.Where(a => a.Status.IsDecision()), a => Assert.Equal(DemoData.DemoConsultant.WorkerId, a.Decision!.By));
        Assert.All(advices.Where(a => a.Status == AdviceStatus.Concept), a => Assert.Null(a.SubmittedAt));
    }

    [Fact]
    public void Fill_ClocksAndThreads_SomeOverdue_OneExtended_SomeDecidedLate_AnsweredHaveQuestionThenAnswer()
    {
        using var temp = new TempStore();
        DemoData.Fill(temp.Store, 20);
        var advices = temp.Store.Advices.All();
        var today = temp.Store.Advices.Today;

        Assert.True(advices.Count(a => !a.Status.IsFinal() && a.Clocks.Current(today).State == ClockState.Overdue) >= 2);
        var extended = Assert.Single(advices, a => a.Extension is not null);
        Assert.True(extended.Clocks.Current(today).Extended);
        Assert.Equal(ClockState.Running, extended.Clocks.Current(today).State);
        Assert.Contains(advices, a => a.Status.IsDecision() && a.Clocks.Current(today).State == ClockState.MetLate);
        Assert.Contains(advices, a => a.Status.IsDecision() && a.Clocks.Current(today).State == ClockState.MetInTime);

        var answered = advices.Where(a => a.Status == AdviceStatus.Answered).ToList();
        Assert.NotEmpty(answered);
        Assert.All(answered, a =>
        {
            var thread = temp.Store.Advices.Thread(a.Id);
            Assert.True(thread.Count >= 2);
            Assert.Equal(AdviceMessageKind.Question, thread[0].Kind);
            Assert.Equal(AdviceMessageKind.Answer, thread[^1].Kind);
            Assert.Equal(DemoData.DemoConsultant.WorkerId, thread[0].Author);
            Assert.Equal(a.Author, thread[^1].Author);
        });
        Assert.Contains(answered, a => temp.Store.Advices.Thread(a.Id).Count == 4);
    }

    [Fact]
    public void Fill_InAConsultantsStore_SameAdvices_TheStoreWorksAsTheConsultant()
    {
        using var nurse = new TempStore();
        using var folder = new TempStore();
        using var consultant = LocalStore.Create(Path.Combine(folder.Folder, "consultant.db"), TempStore.Passphrase, DemoData.DemoConsultant, folder.Clock);

        DemoData.Fill(nurse.Store, 12);
        DemoData.Fill(consultant, 12);

        Assert.Equal(nurse.Store.Advices.All().OrderBy(a => a.Id.Value), consultant.Advices.All().OrderBy(a => a.Id.Value));
        Assert.Equal(Role.WmoConsultant, consultant.Advices.Me.Role);
        Assert.Equal("Wijkteam Noord", consultant.Advices.Team);
    }

    [Fact]
    public void Fill_OneClient_EveryAdviceOnThatClient()
    {
        using var temp = new TempStore();

        DemoData.Fill(temp.Store, 1);

        var client = Assert.Single(temp.Store.Clients.Search());
        Assert.All(temp.Store.Advices.All(), a => Assert.Equal(client.Id, a.ClientId));
    }
}
