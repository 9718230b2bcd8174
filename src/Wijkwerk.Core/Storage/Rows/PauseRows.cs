using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Storage.Rows;

/// <summary>Pause, pause-step and escalation rows hold exactly the texts that travel (<see cref="PauseColumns"/>, <see cref="EscalationColumns"/>), with the free text sealed.</summary>
internal static class PauseRows
{
    public const string Table = PauseColumns.PauseTable;

    public static TableRow ToRow(Pause pause) => AdviceRows.Build(Table, pause.Id.ToString(), PauseColumns.ToColumns(pause));

    public static Pause? TryFromRow(RowReader r) =>
        PauseColumns.FromColumns(Guid.Parse(r.Id), AdviceRows.Read(r, Table, PauseColumns.Pause)) is { IsValid: true } pause ? pause.Value : null;
}

internal static class PauseStepRows
{
    public const string Table = PauseColumns.StepTable;

    public static TableRow ToRow(PauseStep step) => AdviceRows.Build(Table, step.Id.ToString(), PauseColumns.ToColumns(step));

    public static PauseStep? TryFromRow(RowReader r) =>
        PauseColumns.StepFromColumns(Guid.Parse(r.Id), AdviceRows.Read(r, Table, PauseColumns.Step)) is { IsValid: true } step ? step.Value : null;
}

internal static class EscalationRows
{
    public const string Table = EscalationColumns.Table;

    public static TableRow ToRow(Escalation escalation) => AdviceRows.Build(Table, escalation.Id.ToString(), EscalationColumns.ToColumns(escalation));

    public static Escalation? TryFromRow(RowReader r) =>
        EscalationColumns.FromColumns(Guid.Parse(r.Id), AdviceRows.Read(r, Table, EscalationColumns.Escalation)) is { IsValid: true } escalation ? escalation.Value : null;
}
