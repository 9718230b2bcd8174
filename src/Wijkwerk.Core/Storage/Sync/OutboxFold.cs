using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>The outbox entries of one row, oldest first, folded into what one mutation carries.</summary>
internal sealed class OutboxFold(string table, string rowId)
{
    private readonly List<string> _operations = [];
    private readonly Dictionary<string, long> _bases = new(StringComparer.Ordinal);

    public string Table { get; } = table;

    public string RowId { get; } = rowId;

    public long First { get; private set; }

    public long Last { get; private set; }

    public HashSet<string> Columns { get; } = new(StringComparer.Ordinal);

    public string Operation =>
        _operations.Contains(OutboxOperations.Delete) ? SyncProtocol.Operations.Delete
        : FirstInserted ? SyncProtocol.Operations.Insert
        : SyncProtocol.Operations.Update;

    /// <summary>The row was first inserted here: it goes as an insert or a delete, never with column bases.</summary>
    private bool FirstInserted => _operations[0] == OutboxOperations.Insert;

    public void Add(long seq, string operation, IReadOnlyList<string> touched, long? baseVersion)
    {
        First = First == 0 ? seq : First;
        Last = seq;
        _operations.Add(operation);
        Columns.UnionWith(touched);
        // Bases serve only an update (OlderBases): none are kept for a row first inserted here.
        if (baseVersion is not { } version || FirstInserted)
            return;
        // Each column's base is the oldest version any of its edits was made on.
        foreach (var column in touched)
            _bases[column] = _bases.TryGetValue(column, out var known) ? Math.Min(known, version) : version;
    }

    /// <summary>Only bases older than the row's own travel; none at all keeps the mutation as it always was.</summary>
    public Dictionary<string, long>? OlderBases(IEnumerable<string> pushed, long rowVersion)
    {
        var older = pushed.Where(c => _bases.TryGetValue(c, out var b) && b < rowVersion).ToDictionary(c => c, c => _bases[c], StringComparer.Ordinal);
        return older.Count == 0 ? null : older;
    }
}
