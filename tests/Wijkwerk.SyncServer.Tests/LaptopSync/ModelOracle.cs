namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// What the laptops accepted, and therefore what must survive: every edit of a tracked column, every row
/// created. An edit may end as the final value, in a conflict record, knowingly superseded (a later edit
/// or delete by someone whose laptop showed that value), or gone with its client leaving the editor's team.
/// </summary>
public sealed class ModelOracle
{
    private readonly Dictionary<(string Table, Guid Row, string Column), List<AcceptedEdit>> _edits = [];
    private readonly List<AcceptedRow> _created = [];
    private readonly Dictionary<Guid, List<(string Team, int Step)>> _exits = [];
    private readonly HashSet<(string Table, Guid Row)> _deleted = [];

    public int Edits { get; private set; }

    public IReadOnlyList<AcceptedRow> Created => _created;

    public IEnumerable<AcceptedEdit> AllEdits => _edits.Values.SelectMany(e => e);

    /// <summary>An edit a laptop accepted; <paramref name="shownBefore"/> is what that laptop showed, which its worker therefore replaced knowingly.</summary>
    public void Edited(int step, string laptop, string team, string table, Guid row, Guid client, string column, string value, string? shownBefore, string how, Guid? settles = null)
    {
        SupersedeShown(step, laptop, table, row, column, shownBefore);
        var key = (table, row, column);
        if (!_edits.TryGetValue(key, out var list))
            _edits[key] = list = [];
        list.Add(new AcceptedEdit(step, laptop, team, table, row, client, column, value, how) { Settles = settles });
        Edits++;
    }

    /// <summary>The worker of <paramref name="laptop"/> saw <paramref name="shown"/> in this column and replaced it (edit, delete, or conflict choice).</summary>
    public void SupersedeShown(int step, string laptop, string table, Guid row, string column, string? shown)
    {
        if (shown is null || !_edits.TryGetValue((table, row, column), out var list))
            return;
        foreach (var edit in list.Where(e => e.SupersededAt is null && e.Value == shown))
            edit.SupersededAt = $"#{step} by {laptop}";
    }

    public void RowCreated(int step, string laptop, string team, string table, Guid row, Guid client) =>
        _created.Add(new AcceptedRow(step, laptop, team, table, row, client));

    /// <summary>A worker deleted the row on a laptop that showed it: that it ends deleted (or never reached the server) is no loss.</summary>
    public void RowDeleted(string table, Guid row) => _deleted.Add((table, row));

    public bool WasDeleted(string table, Guid row) => _deleted.Contains((table, row));

    public void LeftCaseload(Guid client, string team, int step)
    {
        if (!_exits.TryGetValue(client, out var list))
            _exits[client] = list = [];
        list.Add((team, step));
    }

    /// <summary>The client left the team's caseload after the step: what the team's laptops held of it could go.</summary>
    public bool LeftAfter(Guid client, string team, int step) =>
        _exits.TryGetValue(client, out var list) && list.Any(e => e.Team == team && e.Step > step);
}

public sealed record AcceptedEdit(int Step, string Laptop, string Team, string Table, Guid Row, Guid Client, string Column, string Value, string How)
{
    public string? SupersededAt { get; set; }

    /// <summary>The conflict this value settles: that record holds the value already, so it cannot be where the value survives.</summary>
    public Guid? Settles { get; init; }
}

public sealed record AcceptedRow(int Step, string Laptop, string Team, string Table, Guid Row, Guid Client);
