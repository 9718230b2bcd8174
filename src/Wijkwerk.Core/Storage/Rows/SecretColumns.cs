using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Storage.Rows;

/// <summary>
/// The columns sealed with AES-GCM on the laptop, per table. The row mappers mark the same columns
/// secret (a test holds them together); sync uses this list to seal what it receives from the server.
/// </summary>
internal static class SecretColumns
{
    private static readonly Dictionary<string, HashSet<string>> ByTable = new()
    {
        ["clients"] = ["first_name", "surname_prefix", "surname", "birth_date", "postcode", "house_number", "addition", "phone", "bsn", "notes"],
        ["household_members"] = ["name", "birth_date"],
        ["consents"] = ["purpose", "reason"],
        ["signals"] = ["source_other", "observation", "consent_reason"],
        ["follow_ups"] = ["note"],
        ["home_visits"] = ["notes", "zrm"],
        ["conflicts"] = ["kept_value", "other_value"],
        [AdviceColumns.AdviceTable] = [.. AdviceColumns.AdviceSecrets],
        [AdviceColumns.MessageTable] = [.. AdviceColumns.MessageSecrets],
        [MandateColumns.DecisionTable] = [.. MandateColumns.DecisionSecrets],
        [MandateColumns.AddendumTable] = [.. MandateColumns.AddendumSecrets],
        [BudgetColumns.RequestTable] = [.. BudgetColumns.RequestSecrets],
        [BudgetColumns.VoteTable] = [.. BudgetColumns.VoteSecrets],
        [FundColumns.RequestTable] = [.. FundColumns.RequestSecrets],
        [PauseColumns.PauseTable] = [.. PauseColumns.PauseSecrets],
        [PauseColumns.StepTable] = [.. PauseColumns.StepSecrets],
        [EscalationColumns.Table] = [.. EscalationColumns.Secrets],
    };

    private static readonly Dictionary<string, string[]> InOrderByTable = ByTable.ToDictionary(t => t.Key, t => t.Value.Order(StringComparer.Ordinal).ToArray());

    public static bool IsSecret(string table, string column) => ByTable.TryGetValue(table, out var columns) && columns.Contains(column);

    public static IReadOnlyCollection<string> Of(string table) => ByTable.TryGetValue(table, out var columns) ? columns : [];

    /// <summary>The table's secret columns in one fixed order, for values kept by position.</summary>
    public static IReadOnlyList<string> InOrder(string table) => InOrderByTable.TryGetValue(table, out var columns) ? columns : [];

    /// <summary>The column's place in <see cref="InOrder"/>; -1 when it is not secret.</summary>
    public static int PlaceOf(string table, string column) => InOrderByTable.TryGetValue(table, out var columns) ? Array.IndexOf(columns, column) : -1;
}
