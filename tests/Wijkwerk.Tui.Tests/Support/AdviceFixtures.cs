using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Demo;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// Advice as it reaches a laptop from the server: every step taken through the domain by the worker
/// whose step it is, then written into the store by the same code a pull uses.
/// </summary>
public static class AdviceFixtures
{
    public static readonly Worker Nurse = new(DemoData.DemoWorker.WorkerId, DemoData.DemoWorker.WorkerName, Role.Nurse, []);

    public static readonly Worker Consultant = new(new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-00000000c0c0")), "Consulent Demo", Role.WmoConsultant, []);

    private static long _anchor;

    public static AdviceContent Content(DateOnly today, int meldingDaysAgo = 3) => new(
        new Provision(ProductCategory.HouseholdHelp, "01A01", new Volume(3, VolumeUnit.Hour, VolumeFrequency.PerWeek), today.AddDays(14), 12),
        "Mevrouw kan door artrose het huis niet meer schoonhouden.",
        ZrmAssessment.Create(ZrmVersion.Zrm2017, new Dictionary<ZrmDomain, int> { [ZrmDomain.InstrumentalAdl] = 2, [ZrmDomain.Housing] = 4 }).Value,
        "Dochter helpt één keer per week; boodschappendienst loopt al.",
        "Zo lang mogelijk thuis blijven wonen.",
        today.AddDays(-meldingDaysAgo),
        null,
        LegalBasis.WmoTask,
        ConsentStatus.Given,
        "",
        true,
        true);

    /// <summary>The demo nurse's advice for a client, submitted, as the server holds it.</summary>
    public static IndicationAdvice Submitted(LocalStore store, Id<Client> client, int meldingDaysAgo = 3)
    {
        var now = store.Clock.GetUtcNow();
        var today = AmsterdamTime.Today(store.Clock);
        var draft = IndicationAdvice.Draft(Id<IndicationAdvice>.New(store.Clock), client, Nurse, "Wijkteam Demo", Content(today, meldingDaysAgo), now, today).Value;
        return draft.Submit(Nurse, now, today).Value;
    }

    /// <summary>The consultant asks: the advice at "vraag gesteld" and the question itself.</summary>
    public static (IndicationAdvice Advice, AdviceMessage Question) Ask(LocalStore store, IndicationAdvice advice, string text)
    {
        var today = AmsterdamTime.Today(store.Clock);
        var question = AdviceMessage.Write(Id<AdviceMessage>.New(store.Clock), advice.Id, AdviceMessageKind.Question, text, Consultant, store.Clock.GetUtcNow()).Value;
        return (advice.AskQuestion(Consultant, today).Value, question);
    }

    /// <summary>Writes the rows into the laptop's store as a pull from the server would.</summary>
    public static void Arrive(LocalStore store, IndicationAdvice advice, params AdviceMessage[] messages)
    {
        var changes = new List<RowChange> { Change(store, AdviceColumns.AdviceTable, advice.Id.Value, AdviceColumns.ToColumns(advice)) };
        changes.AddRange(messages.Select(m => Change(store, AdviceColumns.MessageTable, m.Id.Value, AdviceColumns.ToColumns(m))));
        new LocalSync(store).Apply(new PullResponse(changes, Interlocked.Increment(ref _anchor) + 1_000_000, false, 0, 0));
    }

    private static RowChange Change(LocalStore store, string table, Guid id, IReadOnlyDictionary<string, string?> columns) =>
        new(0, table, id, 1, false, false, store.Clock.GetUtcNow(), Consultant.Id.Value, columns);
}
