using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>One step as a screen shows it: who made it (by name when the server said), and whether it still waits for the server.</summary>
public sealed record PatternStepView(PatternStep Step, string By, bool Pending);

/// <summary>
/// A pattern as this laptop holds it: the server's (from the reference data) with this worker's own steps that wait
/// for the server laid on top, and the server's reason when it refused the last step made here.
/// </summary>
public sealed record PatternView(Pattern Pattern, IReadOnlyList<PatternStepView> Steps, string? Refusal);

/// <summary>
/// Issue 14: the werktafel's patterns on a team leader's laptop and the steps made here offline. A step is checked
/// with the same <see cref="PatternRules"/> the server applies, on the pattern as this laptop knows it, and lands with
/// its outbox entry; the server may still refuse it (another team leader moved the pattern first), and says why.
/// Patterns hold counts and money only, never a client, so reading them is not logged.
/// </summary>
public sealed class PatternRepository(LocalStore store)
{
    private const string Table = PatternColumns.StepTable;

    public DateOnly Today => AmsterdamTime.Today(store.Clock);

    /// <summary>Every pattern the server sent this worker, newest raised first.</summary>
    public IReadOnlyList<PatternView> All()
    {
        var infos = store.Reference.Current()?.Patterns ?? [];
        if (infos.Count == 0)
            return [];
        var local = LocalSteps();
        var refusals = RefusalReasons.Of(store, Table).ToDictionary(r => r.Key.RowId, r => r.Value);
        return infos.Select(info => View(info, local, refusals)).OfType<PatternView>().ToList();
    }

    public PatternView? Find(Guid id) => All().FirstOrDefault(v => v.Pattern.Id == id);

    /// <summary>Patterns raised and not yet discussed: what home calls new.</summary>
    public int NewCount() => All().Count(v => v.Pattern.State == PatternState.Raised);

    /// <summary>The moves this worker may make on the pattern now; none for another role or another team's pattern.</summary>
    public IReadOnlyList<PatternState> AllowedMoves(PatternView view) =>
        PatternRules.MayMove(store.Identity.Role, store.Reference.MyTeams(), view.Pattern) ? PatternRules.AllowedFrom(view.Pattern.State) : [];

    /// <summary>Every problem with the step as a form has it, field by field.</summary>
    public IReadOnlyList<Problem> Check(PatternView view, PatternState to, string reason, StructuralFix? fix) =>
        PatternRules.Check(store.Identity.Role, store.Reference.MyTeams(), view.Pattern, NewStep(view.Pattern.Id, to, reason, fix), Today);

    /// <summary>Takes the step; a <see cref="DomainException"/> names the first rule it breaks.</summary>
    public PatternStep Move(Guid patternId, PatternState to, string reason, StructuralFix? fix) => store.Write(scope =>
    {
        var view = Find(patternId) ?? throw new DomainException(new Problem("patroon", Localization.TextId.PatternUnknown));
        var step = NewStep(patternId, to, reason, fix);
        DomainException.ThrowIf(PatternRules.Check(store.Identity.Role, store.Reference.MyTeams(), view.Pattern, step, Today).FirstOrDefault());
        var row = new TableRow(Table, step.Id.ToString());
        foreach (var (column, value) in PatternColumns.ToColumns(step))
            row.Plain(column, value ?? "");
        scope.Save(row, OutboxOperations.Insert, row.Columns);
        return step;
    });

    private PatternStep NewStep(Guid patternId, PatternState to, string reason, StructuralFix? fix) =>
        new(Guid.CreateVersion7(store.Clock.GetUtcNow()), patternId, to, store.Clock.GetUtcNow(), store.Identity.WorkerId, reason.Trim(),
            fix is null ? null : fix with { What = fix.What.Trim(), Who = fix.Who.Trim() });

    private PatternView? View(PatternInfo info, IReadOnlyList<PatternStep> local, IReadOnlyDictionary<Guid, string> refusals)
    {
        if (info.ToPattern() is not { } pattern)
            return null;
        var names = info.Steps.ToDictionary(s => s.Id, s => s.ByName);
        var steps = pattern.Steps.Select(s => new PatternStepView(s, names.GetValueOrDefault(s.Id) ?? "", false)).ToList();
        var mine = local.Where(s => s.PatternId == pattern.Id && !names.ContainsKey(s.Id)).ToList();
        var pending = mine.Where(s => !refusals.ContainsKey(s.Id)).ToList();
        steps.AddRange(pending.Select(s => new PatternStepView(s, store.Identity.WorkerName, true)));
        var refusal = mine.LastOrDefault(s => refusals.ContainsKey(s.Id)) is { } refused && !pending.Any(p => p.At > refused.At) ? refusals[refused.Id] : null;
        var state = pending.Count > 0 ? pending[^1].To : pattern.State;
        return new PatternView(pattern with { State = state, Steps = [.. steps.Select(s => s.Step)] }, steps, refusal);
    }

    private List<PatternStep> LocalSteps()
    {
        using var command = store.Command($"SELECT * FROM {Table} WHERE deleted = 0 ORDER BY rowid");
        using var reader = command.ExecuteReader();
        var steps = new List<PatternStep>();
        while (reader.Read())
        {
            var columns = PatternColumns.Step.ToDictionary(c => c, c => reader[c] as string);
            if (PatternColumns.FromColumns(Guid.Parse((string)reader["id"]), columns) is { IsValid: true } parsed)
                steps.Add(parsed.Value);
        }

        return steps;
    }
}
