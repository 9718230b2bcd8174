using System.Globalization;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// One kind of stored row that carries a bottleneck tag, and how its values (as synced) become a tagged case: the
/// day it happened, the money it spent, the department it reached. Null when the row has no tag or cannot be read.
/// </summary>
public sealed record PatternSource(string Table, TextId Label, Func<Guid, IReadOnlyDictionary<string, string?>, TaggedCase?> Read);

/// <summary>
/// Every source of tagged cases the server counts for patterns. The source name of a case is its table, which a
/// screen and an export name in words.
/// Money counts only what was actually spent: a mandate decision's own cost, an approved or paid minimaatwerk
/// request, a fund request once paid out; a refused or withdrawn request still counts as a case of its bottleneck.
/// </summary>
public static class PatternSources
{
    private const string SignalSource = "signals";

    public static IReadOnlyList<PatternSource> All { get; } =
    [
        new(MandateColumns.DecisionTable, TextId.PatternSourceMandate, (client, row) => Case(client, row, MandateColumns.DecisionTable, "decided_at", Cents(row, "own_cost"), Text(row, "department"))),
        new(BudgetColumns.RequestTable, TextId.PatternSourceBudget, (client, row) => Case(client, row, BudgetColumns.RequestTable, "requested_at",
            Text(row, "status") is nameof(BudgetRequestStatus.Approved) or nameof(BudgetRequestStatus.Paid) ? Cents(row, "amount_cents") : Money.Zero, null)),
        new(FundColumns.RequestTable, TextId.PatternSourceFund, (client, row) => Case(client, row, FundColumns.RequestTable, "requested_at",
            Text(row, "paid_at") is { Length: > 0 } ? Cents(row, "amount_cents") : Money.Zero, null)),
        // Signals, advices and escalations spend nothing themselves; they count as cases of their bottleneck.
        new(SignalSource, TextId.PatternSourceSignal, (client, row) => Case(client, row, SignalSource, "reported_at", Money.Zero, null)),
        new(AdviceColumns.AdviceTable, TextId.PatternSourceAdvice, (client, row) => Case(client, row, AdviceColumns.AdviceTable, "created_at", Money.Zero, null)),
        new(EscalationColumns.Table, TextId.PatternSourceEscalation, (client, row) => Case(client, row, EscalationColumns.Table, "raised_on", Money.Zero, null)),
    ];

    public static bool Counts(string table) => All.Any(s => s.Table == table);

    /// <summary>A source in words; a source this version does not know is shown as its name.</summary>
    public static string Label(string source, Lang lang) =>
        All.FirstOrDefault(s => s.Table == source) is { } known ? Texts.Get(known.Label, lang) : source;

    private static TaggedCase? Case(Guid client, IReadOnlyDictionary<string, string?> row, string source, string dayColumn, Money spent, string? department)
    {
        if (Text(row, BottleneckTag.Column) is not { } tag || BottleneckTag.Key(tag).Length == 0)
            return null;
        if (!DateTimeOffset.TryParse(Text(row, dayColumn), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return null;
        return new TaggedCase(tag, new Id<Client>(client), AmsterdamTime.DayOf(at), spent, source, department);
    }

    private static string? Text(IReadOnlyDictionary<string, string?> row, string column) =>
        row.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static Money Cents(IReadOnlyDictionary<string, string?> row, string column) =>
        long.TryParse(Text(row, column), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cents) && cents > 0 ? new Money(cents) : Money.Zero;
}
