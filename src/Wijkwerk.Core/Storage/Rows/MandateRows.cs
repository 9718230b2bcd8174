using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Storage.Rows;

/// <summary>Mandate decision rows hold exactly the texts that travel (<see cref="MandateColumns"/>), with the free text sealed.</summary>
internal static class MandateDecisionRows
{
    public const string Table = MandateColumns.DecisionTable;

    public static TableRow ToRow(MandateDecision decision) => AdviceRows.Build(Table, decision.Id.ToString(), MandateColumns.ToColumns(decision));

    /// <summary>The stored decision, or null when a value in it is not one this version writes.</summary>
    public static MandateDecision? TryFromRow(RowReader r) =>
        MandateColumns.FromColumns(Guid.Parse(r.Id), AdviceRows.Read(r, Table, MandateColumns.Decision)) is { IsValid: true } decision ? decision.Value : null;
}

internal static class MandateAddendumRows
{
    public const string Table = MandateColumns.AddendumTable;

    public static TableRow ToRow(DecisionAddendum addendum) => AdviceRows.Build(Table, addendum.Id.ToString(), MandateColumns.ToColumns(addendum));

    public static DecisionAddendum? TryFromRow(RowReader r) =>
        MandateColumns.AddendumFromColumns(Guid.Parse(r.Id), AdviceRows.Read(r, Table, MandateColumns.Addendum)) is { IsValid: true } addendum ? addendum.Value : null;
}
