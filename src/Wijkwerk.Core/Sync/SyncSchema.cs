using System.Collections.Frozen;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Sync;

/// <summary>
/// Which tables travel, which columns a laptop may write, and how each row is tied to a client, which
/// is what puts it in a team's scope. The server checks every pushed row against this list.
/// </summary>
public static class SyncSchema
{
    /// <param name="AddedLater">Columns that count in the scope checksum only when set (see <see cref="ScopeChecksum"/>).</param>
    public sealed record SyncTable(
        string Name, IReadOnlyList<string> Columns, string? ClientColumn, string? ParentTable = null, string? ParentColumn = null, IReadOnlySet<string>? AddedLater = null);

    public static IReadOnlyList<SyncTable> Tables { get; } =
    [
        new("clients", ["first_name", "surname_prefix", "surname", "birth_date", "postcode", "house_number", "addition", "phone", "bsn", "notes"], null),
        new("household_members", ["client_id", "name", "relation", "birth_date"], "client_id"),
        new("consents", ["client_id", "purpose", "status", "reason", "date", "recorded_by"], "client_id"),
        new("signals", ["client_id", "source", "source_other", "observation", "life_domains", "urgency", "consent_in_consultation", "consent_reason", "assignee", "status", "reported_at", "picked_up_at", BottleneckTag.Column], "client_id",
            AddedLater: new HashSet<string>(StringComparer.Ordinal) { BottleneckTag.Column }),
        new("follow_ups", ["signal_id", "at", "worker", "note"], null, "signals", "signal_id"),
        new("home_visits", ["client_id", "date", "worker", "notes", "zrm"], "client_id"),
        new(AdviceColumns.AdviceTable, AdviceColumns.Advice, "client_id", AddedLater: AdviceColumns.AddedLater),
        new(AdviceColumns.MessageTable, AdviceColumns.Message, null, AdviceColumns.AdviceTable, "advice_id"),
        // Issue 11: a mandate decision is about a client, so the whole team (the nurse too) sees it in the dossier.
        new(MandateColumns.DecisionTable, MandateColumns.Decision, "client_id"),
        new(MandateColumns.AddendumTable, MandateColumns.Addendum, null, MandateColumns.DecisionTable, "decision_id"),
        // Issue 12: budget requests are about a client (the team's scope, not the consultant's review scope); each
        // vote is its own insert-only row under its request, so two colleagues voting offline never conflict.
        new(BudgetColumns.RequestTable, BudgetColumns.Request, "client_id"),
        new(BudgetColumns.VoteTable, BudgetColumns.Vote, null, BudgetColumns.RequestTable, "request_id"),
        // Issue 13: a fund request is about a client, so it sits in the team's scope; the secretariat receives these
        // two tables of every team (ReceivesFundOnly). A repayment is its own insert-only row under its request.
        new(FundColumns.RequestTable, FundColumns.Request, "client_id"),
        new(FundColumns.RepaymentTable, FundColumns.Repayment, null, FundColumns.RequestTable, "request_id"),
        // Issue 14: a pause and an escalation are about a client, so they sit in the team's scope; each lift or
        // extension of a pause is its own insert-only row under it, so steps taken offline never overwrite each other.
        new(PauseColumns.PauseTable, PauseColumns.Pause, "client_id"),
        new(PauseColumns.StepTable, PauseColumns.Step, null, PauseColumns.PauseTable, "pause_id"),
        new(EscalationColumns.Table, EscalationColumns.Escalation, "client_id"),
    ];

    // Found by name for every pulled and pushed row: a lookup, where a search through the list allocated its predicate each time.
    private static readonly FrozenDictionary<string, SyncTable> ByName = Tables.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The synced table of that name; null for any other name, and for none at all (a broken page's or push's row).</summary>
    public static SyncTable? Find(string? name) => name is not null && ByName.TryGetValue(name, out var table) ? table : null;

    // Every column of every pushed row is looked up: by hash, not along the table's list.
    private static readonly FrozenDictionary<string, FrozenSet<string>> ColumnSets =
        Tables.ToFrozenDictionary(t => t.Name, t => t.Columns.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Whether the column is one of the synced table's columns (ordinal); false for a table that is not synced.</summary>
    public static bool HasColumn(string table, string column) => ColumnSets.TryGetValue(table, out var columns) && columns.Contains(column);

    /// <summary>
    /// The columns a conflict record travels with (the pull sends exactly these), in the order the scope
    /// checksum reads them. "resolved" is "0" while open and the server's UTC time of the resolution after.
    /// </summary>
    public static IReadOnlyList<string> ConflictColumns { get; } =
        ["table_name", "row_id", "client_id", "column_name", "kept_value", "other_value", "kept_by", "other_by", "at", "resolved"];

    /// <summary>The values of a row that the scope checksum covers: a synced table's columns, or a conflict record's.</summary>
    public static IReadOnlyList<string> ColumnsOf(string table) =>
        table == Protocol.SyncProtocol.ConflictsTable ? ConflictColumns
        : Find(table)?.Columns ?? throw new ArgumentException($"'{table}' is not a synced table.", nameof(table));

    /// <summary>
    /// What a Wmo consultant's laptop receives (need to know): advice that was submitted, its thread, and the
    /// clients who have such an advice; not the team's caseload, signals, visits or household (the advice
    /// carries its own ZRM snapshot). No conflict records either: a consultant cannot resolve one, and a
    /// record holds the value that was not kept, which may be an author's concept text from before the
    /// submission or a nurse's note.
    /// The server says the same in SQL (ScopeSums.ReviewRowSql in the SQLite store); keep the two together.
    /// </summary>
    public static IReadOnlyList<string> ReviewTables { get; } = ["clients", AdviceColumns.AdviceTable, AdviceColumns.MessageTable];

    /// <summary>
    /// An advice reaches the municipality once submitted, and stays with it whatever happens next (a
    /// question, a decision, a withdrawal). A concept, also one withdrawn without ever being submitted, is
    /// the author's work in progress and never does.
    /// </summary>
    public static bool WasSubmitted(IReadOnlyDictionary<string, string?> advice) =>
        !string.IsNullOrEmpty(advice.GetValueOrDefault(AdviceColumns.SubmittedColumn));

    public static bool ReceivesReviewOnly(Role role) => role == Role.WmoConsultant;

    /// <summary>
    /// What a fund secretariat's laptop receives: the fund's requests and repayments of every team, and nothing else
    /// of the dossiers (no client rows, signals, visits, notes, advice or conflict records). The server says the same
    /// in SQL (the fund audience in the SQLite store's pull); keep the two together.
    /// </summary>
    public static bool ReceivesFundOnly(Role role) => role == Role.FundSecretary;
}
