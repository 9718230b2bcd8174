using System.Text;
using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>The checkpoint: quiescence, then every invariant, each failure named with its row, column and the operations on that row.</summary>
public sealed partial class SyncModelRun
{
    private readonly List<int> _checkpoints = [-1];

    private sealed record Finding(string Invariant, string Text, params Guid[] Rows)
    {
        /// <summary>The operation the finding is about (a lost edit's step): its history starts there, not at the latest entries.</summary>
        public int? Step { get; init; }
    }

    private async Task<List<Finding>> QuiesceAndCheck()
    {
        var findings = new List<Finding>();
        var last = new Dictionary<ModelNurse, SyncReport?>();
        var quiet = false;
        for (var round = 1; round <= QuiescenceRounds && !quiet; round++)
        {
            quiet = true;
            foreach (var nurse in _nurses)
            {
                var report = last[nurse] = await Sync(nurse, 500, how: $"quiescence round {round}");
                quiet &= report is { Pushed: 0, Pulled: 0, Removed: 0, Converged: true } && nurse.Laptop.Store.PendingChanges() == 0;
            }
        }

        if (!quiet)
        {
            foreach (var nurse in _nurses.Where(n => last[n] is not { Converged: true } || n.Laptop.Store.PendingChanges() > 0))
                findings.Add(NotQuiet(nurse, last[nurse]));
        }

        var server = ServerRows.Read(_world.Database);
        Figures.ConflictRecords = server.Conflicts.Count;
        Figures.AcceptedEdits = _oracle.Edits;
        Figures.ServerRows = server.Rows.Count;
        foreach (var nurse in _nurses)
            CompareByValue(nurse, server, findings);
        Orphans(server, findings);
        LostEdits(server, findings);
        LostRows(server, findings);
        _checkpoints.Add(_step);
        Log(null, $"checkpoint: {findings.Count} findings");
        return findings;
    }

    private Finding NotQuiet(ModelNurse nurse, SyncReport? report)
    {
        var store = nurse.Laptop.Store;
        using var command = store.Command("SELECT table_name, row_id, count(*) FROM outbox GROUP BY table_name, row_id ORDER BY min(seq) LIMIT 5");
        using var reader = command.ExecuteReader();
        var pending = new List<(string Table, Guid Row, long Entries)>();
        while (reader.Read())
            pending.Add((reader.GetString(0), Guid.Parse(reader.GetString(1)), reader.GetInt64(2)));
        var refusals = new LocalSync(store).Refusals().Take(3).Select(r => $"{r.Table}/{Short(Guid.Parse(r.RowId))}: \"{r.Reason}\"");
        return new Finding("quiescence",
            $"{nurse.Name} after {QuiescenceRounds} sync rounds: {(report is null ? "the last sync failed" : Describe(report))}; {store.PendingChanges()} outbox entries left " +
            $"({string.Join(", ", pending.Select(p => $"{p.Table}/{Short(p.Row)} x{p.Entries}"))}); refusals: {string.Join("; ", refusals)}",
            [.. pending.Select(p => p.Row)]);
    }

    /// <summary>(a) The laptop holds exactly the server's live rows and conflict records in its team's scope, column by column.</summary>
    private void CompareByValue(ModelNurse nurse, ServerRows server, List<Finding> findings)
    {
        var store = nurse.Laptop.Store;
        var caseload = server.Caseload(nurse.Team);
        var expected = server.Rows.Values.Where(r => !r.Deleted && caseload.Contains(r.ClientId)).ToDictionary(r => (r.Table, r.Id));
        var held = LaptopRows.Live(store).ToDictionary(r => (r.Table, r.Id));
        foreach (var (key, row) in expected)
        {
            if (!held.TryGetValue(key, out var mine))
            {
                findings.Add(new Finding("missing-row", $"{nurse.Name} lacks {row.Table}/{Short(row.Id)} (server v{row.Version}, client {Short(row.ClientId)} on {nurse.Team})", row.Id, row.ClientId));
                continue;
            }

            var differing = row.Values.Where(c => mine.Values.GetValueOrDefault(c.Key, "") != c.Value).ToList();
            foreach (var (column, value) in differing)
            {
                var versions = mine.Version == row.Version ? $"both v{row.Version}: a version-only checksum cannot see this (scenarios 2, 12)" : $"laptop v{mine.Version}, server v{row.Version}";
                findings.Add(new Finding("value-diff",
                    $"{nurse.Name} {row.Table}/{Short(row.Id)}.{column}: laptop \"{Clip(mine.Values.GetValueOrDefault(column, ""))}\", server \"{Clip(value)}\" ({versions}; " +
                    $"{LaptopRows.Pending(store, row.Table, row.Id)} outbox entries on the row)", row.Id, row.ClientId));
            }

            if (differing.Count == 0 && mine.Version != row.Version)
                findings.Add(new Finding("version-diff", $"{nurse.Name} {row.Table}/{Short(row.Id)}: equal values, laptop v{mine.Version}, server v{row.Version}", row.Id, row.ClientId));
        }

        foreach (var (key, mine) in held.Where(h => !expected.ContainsKey(h.Key)))
        {
            var there = server.Find(key.Table, key.Id);
            var why = there is null ? "the server never took it"
                : there.Deleted ? $"a tombstone v{there.Version} on the server"
                : $"its client {Short(there.ClientId)} is not on {nurse.Team}'s caseload (scenario 6 when the laptop made it offline)";
            var refusal = new LocalSync(store).RefusalOf(key.Table, key.Id);
            findings.Add(new Finding("extra-row",
                $"{nurse.Name} holds {key.Table}/{Short(key.Id)} v{mine.Version} (client {Short(mine.ClientId)}): {why}; {LaptopRows.Pending(store, key.Table, key.Id)} outbox entries; " +
                $"refusal: {(refusal is null ? "none" : $"\"{refusal}\"")}", key.Id, mine.ClientId));
        }

        var expectedConflicts = server.Conflicts.Where(c => caseload.Contains(c.ClientId)).ToDictionary(c => c.Id);
        var heldConflicts = LaptopRows.Conflicts(store).ToDictionary(c => c.Id);
        foreach (var (id, conflict) in expectedConflicts)
        {
            if (!heldConflicts.TryGetValue(id, out var mine))
                findings.Add(new Finding("conflict-diff", $"{nurse.Name} lacks conflict {Short(id)} on {conflict.Table}/{Short(conflict.RowId)}.{conflict.Column}", conflict.RowId, conflict.ClientId));
            else if ((mine.Table, mine.RowId, mine.Column, mine.Kept, mine.Other, mine.KeptBy, mine.OtherBy, mine.Resolved)
                     != (conflict.Table, conflict.RowId, conflict.Column, conflict.Kept, conflict.Other, conflict.KeptBy, conflict.OtherBy, conflict.Resolved))
                findings.Add(new Finding("conflict-diff",
                    $"{nurse.Name} conflict {Short(id)} on {conflict.Table}/{Short(conflict.RowId)}.{conflict.Column}: laptop kept \"{Clip(mine.Kept)}\" other \"{Clip(mine.Other)}\" resolved {mine.Resolved}, " +
                    $"server kept \"{Clip(conflict.Kept)}\" other \"{Clip(conflict.Other)}\" resolved {conflict.Resolved}", conflict.RowId, conflict.ClientId));
        }

        foreach (var (id, mine) in heldConflicts.Where(c => !expectedConflicts.ContainsKey(c.Key)))
            findings.Add(new Finding("conflict-diff", $"{nurse.Name} holds conflict {Short(id)} on {mine.Table}/{Short(mine.RowId)} that is not in its scope on the server", mine.RowId, mine.ClientId));
    }

    /// <summary>No live row whose client is gone: every laptop in scope would show a record without a client.</summary>
    private static void Orphans(ServerRows server, List<Finding> findings)
    {
        foreach (var row in server.Rows.Values.Where(r => !r.Deleted && r.Table != ClientRows.Table).OrderBy(r => r.Id))
        {
            if (server.Find(ClientRows.Table, row.ClientId) is not { Deleted: false } client)
            {
                var state = server.Find(ClientRows.Table, row.ClientId) is null ? "absent" : "a tombstone";
                findings.Add(new Finding("orphan", $"server {row.Table}/{Short(row.Id)} v{row.Version} is live, its client {Short(row.ClientId)} is {state} (scenario 8)", row.Id, row.ClientId));
            }
        }
    }

    /// <summary>(b) Every accepted edit is the final value, in a conflict record, knowingly superseded, or gone with its client's caseload.</summary>
    private void LostEdits(ServerRows server, List<Finding> findings)
    {
        foreach (var edit in _oracle.AllEdits.Where(e => e.SupersededAt is null).OrderBy(e => e.Step))
        {
            if (_oracle.LeftAfter(edit.Client, edit.Team, CheckpointBefore(edit.Step)))
                continue;
            var row = server.Find(edit.Table, edit.Row);
            if (row is { Deleted: false } && row.Values.GetValueOrDefault(edit.Column, "") == edit.Value)
                continue;
            if (server.Conflicts.Any(c => c.RowId == edit.Row && c.Id != edit.Settles && c.Holds(edit.Column, edit.Value)))
                continue;
            var state = row is null ? $"the server never took the row; refusal: \"{RefusalOn(edit.Laptop, edit.Table, edit.Row) ?? "none"}\""
                : row.Deleted ? $"the row is a tombstone v{row.Version} and no conflict record holds the value ({Hint(edit, "scenario 1", "scenario 7: a delete on an old version")})"
                : $"the server has \"{Clip(row.Values.GetValueOrDefault(edit.Column, ""))}\" (v{row.Version}) and no conflict record holds the value ({Hint(edit, "scenario 2", "overwritten without a conflict")})";
            findings.Add(new Finding("lost-edit",
                $"#{edit.Step} {edit.Laptop} ({edit.How}) {edit.Table}/{Short(edit.Row)}.{edit.Column} = \"{Clip(edit.Value)}\": {state}", edit.Row, edit.Client) { Step = edit.Step });
        }
    }

    private string Hint(AcceptedEdit edit, string duringPull, string otherwise) => edit.How switch
    {
        var how when how.Contains("during pull", StringComparison.Ordinal) => duringPull,
        "stale form" => "scenario 3",
        "conflict choice" => "scenario 2: the conflict choice did not reach the server",
        _ => otherwise,
    };

    /// <summary>Every row a laptop created reached the server (live or deleted since), unless its client left the caseload or was deleted.</summary>
    private void LostRows(ServerRows server, List<Finding> findings)
    {
        foreach (var created in _oracle.Created)
        {
            if (server.Find(created.Table, created.Row) is not null || _oracle.WasDeleted(created.Table, created.Row) || _oracle.LeftAfter(created.Client, created.Team, CheckpointBefore(created.Step)))
                continue;
            // A child of a client deleted elsewhere may be refused with a reason (scenario 8); the extra-row check sees what stays behind.
            if (server.Find(ClientRows.Table, created.Client) is { Deleted: true } || server.Conflicts.Any(c => c.RowId == created.Row))
                continue;
            findings.Add(new Finding("lost-row",
                $"#{created.Step} {created.Laptop} created {created.Table}/{Short(created.Row)} (client {Short(created.Client)}); the server never took it; refusal: \"{RefusalOn(created.Laptop, created.Table, created.Row) ?? "none"}\"",
                created.Row, created.Client));
        }
    }

    /// <summary>
    /// The operations on the rows, with the syncs and admin moves in between of the laptops that touched them: from the
    /// finding's own operation where it has one, else the latest.
    /// </summary>
    private IEnumerable<LogEntry> History(Finding finding)
    {
        var ids = finding.Rows;
        var rows = ids.Where(r => r != Guid.Empty).ToHashSet();
        var touching = _log.Where(e => e.Rows.Any(rows.Contains)).ToList();
        if (touching.Count == 0)
            return [];
        var who = touching.Select(e => e.Who).Append("admin").ToHashSet();
        var (from, to) = (touching[0].Step, touching[^1].Step);
        var history = _log.Where(e => e.Step >= from && e.Step <= to && (e.Rows.Any(rows.Contains) || (who.Contains(e.Who) && e.Rows.Length == 0)));
        return finding.Step is { } step ? history.SkipWhile(e => e.Step < step - 3).Take(40) : history.TakeLast(40);
    }

    private int CheckpointBefore(int step) => _checkpoints.Last(c => c < step);

    private string? RefusalOn(string laptop, string table, Guid row) =>
        new LocalSync(_nurses.Single(n => n.Name == laptop).Laptop.Store).RefusalOf(table, row);

    private static string Clip(string value) => value.Length <= 60 ? value : value[..60] + "…";

    /// <summary>A minimal account for the integrator: seed, step, figures, each invariant's first failures with the operations on their rows, the log tail.</summary>
    private string Account(List<Finding> findings, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine($"Model-based sync test, seed {_seed}: the checkpoint after operation #{_step} failed after {elapsed.TotalSeconds:F0} s " +
                        $"(previous checkpoint #{_checkpoints[^2]}); {findings.Count} findings, {_problems.Count} unexpected exceptions.");
        text.AppendLine($"Figures: {Figures}");
        text.AppendLine($"Reproduce: WIJKWERK_MODEL_OPS={_step + 1} dotnet test ... --filter \"FullyQualifiedName~ModelBasedSyncTests\" (seed {_seed}).");
        if (_problems.Count > 0)
        {
            text.AppendLine("Unexpected exceptions:");
            foreach (var problem in _problems.Take(5))
                text.AppendLine("  " + problem);
        }

        foreach (var group in findings.GroupBy(f => f.Invariant))
        {
            text.AppendLine($"[{group.Key}] {group.Count()} finding(s):");
            foreach (var finding in group.Take(6))
            {
                text.AppendLine("  " + finding.Text);
                foreach (var entry in History(finding))
                    text.AppendLine("    " + entry);
            }
        }

        text.AppendLine("Operation log tail:");
        foreach (var entry in _log.TakeLast(20))
            text.AppendLine(entry.ToString());
        return text.ToString();
    }
}
