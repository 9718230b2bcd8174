using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Tui.Screens.Indications;

/// <summary>Which advices the queue shows; the key cycles through them in this order.</summary>
public enum QueueView
{
    /// <summary>Waiting for the consultant, and below them those waiting for the author's answer.</summary>
    Open,
    Awaiting,
    QuestionOpen,
    Decided,
    All,
}

/// <summary>One advice in the queue with what its line needs: whose it is and the clock that counts today.</summary>
public sealed record QueueRow(IndicationAdvice Advice, string ClientName, ClockReading Clock, string SearchText);

/// <summary>
/// The consultant's work list: what a view holds and in which order. Deadlines come first: an overdue
/// advice on top, then the nearest legal date, so the list reads as "what must be done first".
/// </summary>
public static class ReviewQueue
{
    public static IReadOnlyList<QueueRow> Rows(IEnumerable<IndicationAdvice> advices, IReadOnlyDictionary<Id<Client>, Client> clients, DateOnly today, Lang lang, string unknownClient) =>
        advices.Select(a =>
        {
            var name = clients.TryGetValue(a.ClientId, out var client) ? client.Name.SortForm : unknownClient;
            var category = (a.Decision?.Decided ?? a.Content.Provision).Category;
            var search = ClientSearch.Fold(string.Join(' ', name, client?.Name.Full ?? "", category.Code(), EnumTexts.Name(category, lang), EnumTexts.Name(a.Status, lang), a.Team));
            return new QueueRow(a, name, a.Clocks.Current(today), search);
        }).ToList();

    public static bool Shows(QueueView view, AdviceStatus status) => view switch
    {
        QueueView.Open => status.AwaitsConsultant() || status == AdviceStatus.QuestionAsked,
        QueueView.Awaiting => status.AwaitsConsultant(),
        QueueView.QuestionOpen => status == AdviceStatus.QuestionAsked,
        QueueView.Decided => status.IsDecision(),
        _ => true,
    };

    /// <summary>The rows of a view: in the open view the consultant's own work first, each group by deadline.</summary>
    public static IReadOnlyList<QueueRow> View(IEnumerable<QueueRow> rows, QueueView view) =>
        rows.Where(r => Shows(view, r.Advice.Status))
            .OrderBy(r => view == QueueView.Open && !r.Advice.Status.AwaitsConsultant())
            .ThenByDescending(r => r.Clock.State == ClockState.Overdue)
            .ThenBy(r => r.Clock.Due)
            .ThenBy(r => r.ClientName, PersonName.DutchOrder)
            .ThenBy(r => r.Advice.Id.Value)
            .ToList();

    /// <summary>Every word typed must occur in the client's name, the category (code or name), the status or the team.</summary>
    public static Func<QueueRow, bool>? Matching(string query)
    {
        var words = ClientSearch.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : row => words.All(w => row.SearchText.Contains(w, StringComparison.Ordinal));
    }

    public static QueueView Next(QueueView view) => (QueueView)(((int)view + 1) % Enum.GetValues<QueueView>().Length);
}
