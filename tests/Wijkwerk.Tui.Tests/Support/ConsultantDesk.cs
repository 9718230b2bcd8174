using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// A Wmo consultant's laptop on Monday 16 March 2026 with five made-up clients and an advice each, in
/// the states a queue has to tell apart. Deadlines (decision two weeks after the aanvraag, investigation
/// six weeks after the melding): overdue since 06-03, due 24-03, due 13-04, question open due 19-03, granted.
/// </summary>
public sealed class ConsultantDesk : IDisposable
{
    public ConsultantDesk(int width = 80, int height = 24, StoreIdentity? identity = null)
    {
        App = new AppHarness(width, height, clients: 0, identity: identity ?? AdviceFeed.ConsultantIdentity);
        Clients = AdviceFeed.AddClients(App.Store, 5);
        var today = AmsterdamTime.Today(App.Clock);
        Overdue = AdviceFeed.Advice(Clients[0], AdviceStatus.Submitted, new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 20), today);
        Answered = AdviceFeed.Advice(Clients[1], AdviceStatus.Answered, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10), today);
        Investigating = AdviceFeed.Advice(Clients[2], AdviceStatus.Submitted, new DateOnly(2026, 3, 2), null, today, team: "Wijkteam Zuid");
        QuestionOpen = AdviceFeed.Advice(Clients[3], AdviceStatus.QuestionAsked, new DateOnly(2026, 2, 25), new DateOnly(2026, 3, 5), today);
        Granted = AdviceFeed.Advice(Clients[4], AdviceStatus.Granted, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 10), today);
        AdviceFeed.Deliver(App.Store, Overdue, Answered, Investigating, QuestionOpen, Granted);
    }

    public AppHarness App { get; }

    public IReadOnlyList<Client> Clients { get; }

    public IndicationAdvice Overdue { get; }

    public IndicationAdvice Answered { get; }

    public IndicationAdvice Investigating { get; }

    public IndicationAdvice QuestionOpen { get; }

    public IndicationAdvice Granted { get; }

    public string Name(IndicationAdvice advice) => Clients.Single(c => c.Id == advice.ClientId).Name.SortForm;

    public IndicationAdvice Stored(IndicationAdvice advice) => App.Store.Advices.Find(advice.Id)!;

    public void Dispose() => App.Dispose();
}
