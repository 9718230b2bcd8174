using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Sync;

/// <summary>
/// Which tables travel, which columns a laptop may write, and how each row is tied to a client, which
/// is what puts it in a team's scope. The server checks every pushed row against this list.
/// </summary>
public static class SyncSchema
{
    public sealed record SyncTable(string Name, IReadOnlyList<string> Columns, string? ClientColumn, string? ParentTable = null, string? ParentColumn = null);

    public static IReadOnlyList<SyncTable> Tables { get; } =
    [
        new("clients", ["first_name", "surname_prefix", "surname", "birth_date", "postcode", "house_number", "addition", "phone", "bsn", "notes"], null),
        new("household_members", ["client_id", "name", "relation", "birth_date"], "client_id"),
        new("consents", ["client_id", "purpose", "status", "reason", "date", "recorded_by"], "client_id"),
        new("signals", ["client_id", "source", "source_other", "observation", "life_domains", "urgency", "consent_in_consultation", "consent_reason", "assignee", "status", "reported_at", "picked_up_at"], "client_id"),
        new("follow_ups", ["signal_id", "at", "worker", "note"], null, "signals", "signal_id"),
        new("home_visits", ["client_id", "date", "worker", "notes", "zrm"], "client_id"),
        new(AdviceColumns.AdviceTable, AdviceColumns.Advice, "client_id"),
        new(AdviceColumns.MessageTable, AdviceColumns.Message, null, AdviceColumns.AdviceTable, "advice_id"),
    ];

    public static SyncTable? Find(string name) => Tables.FirstOrDefault(t => t.Name == name);

    /// <summary>
    /// What a Wmo consultant's laptop receives: the client and the advice with its thread, not the team's
    /// signals, visits and household (need to know: the advice carries its own ZRM snapshot).
    /// </summary>
    public static IReadOnlyList<string> ReviewTables { get; } = ["clients", AdviceColumns.AdviceTable, AdviceColumns.MessageTable];

    public static bool ReceivesReviewOnly(Role role) => role == Role.WmoConsultant;
}
