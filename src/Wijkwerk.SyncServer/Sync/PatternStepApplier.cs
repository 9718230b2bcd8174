using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>
/// Issue 14: how the server keeps a team leader's pattern step, pushed like any outbox row. A step is about no client,
/// so it bypasses the caseload scope; it is judged by <see cref="PatternRules"/> on the pattern as this transaction
/// sees it (two team leaders moving the same pattern offline: the second finds it moved and is refused with the reason),
/// kept for good, and returns to every team leader's laptop inside the pattern with the reference data.
/// </summary>
internal static class PatternStepApplier
{
    private const string Subject = "Patroonstap";

    public static bool Handles(string? table) => table == PatternColumns.StepTable;

    public static MutationResult Apply(IPushTransaction s, DeviceSession device, Mutation m, DateTimeOffset now)
    {
        if (m.Operation != SyncProtocol.Operations.Insert)
            return Refused(m, $"{Subject}: een stap wordt alleen toegevoegd, nooit gewijzigd of verwijderd; zet zo nodig een volgende stap.");
        if (m.RowId == Guid.Empty)
            return Refused(m, $"{Subject}: de stap heeft geen geldig id.");
        var columns = m.Columns ?? new Dictionary<string, string?>();
        if (columns.Keys.FirstOrDefault(c => !PatternColumns.Step.Contains(c)) is { } unknown)
            return Refused(m, $"{Subject}: onbekende kolom '{Echo.Short(unknown)}'; deze stap is niet opgeslagen.");
        var parsed = PatternColumns.FromColumns(m.RowId, columns);
        if (!parsed.IsValid)
            return Refused(m, $"{Subject}: {Echo.Describe(parsed.Problem)}");
        var step = parsed.Value;
        if (step.By.Value != device.WorkerId)
            return Refused(m, $"{Subject}: een stap staat op naam van wie hem zet; deze laptop is van een andere medewerker.");
        if (s.HasPatternStep(step.Id))
            return Accepted(m); // the same step again: its first answer was lost on the way

        if (s.PatternOf(step.PatternId) is not { } pattern)
            return Refused(m, $"{Subject}: het patroon {Echo.Describe(new Problem("patroon", TextId.PatternUnknown))}.");
        var today = AmsterdamTime.DayOf(now);
        var problems = PatternRules.Check(device.Role, s.TeamNamesOfPusher(), pattern, step, today);
        if (problems.Count > 0)
            return Refused(m, $"{Subject} '{Echo.Short(pattern.TagKey)}': {string.Join("; ", problems.Select(p => $"{p.Field} {Echo.Describe(p)}"))}.");
        s.RecordPatternStep(step);
        return Accepted(m);
    }

    private static MutationResult Refused(Mutation m, string reason) => MutationApplier.Refused(m, 0, reason);

    private static MutationResult Accepted(Mutation m) => new(m.MutationId, SyncProtocol.Results.Accepted, 1, null, []);
}
