using System.Globalization;
using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// How the laptop stores each checksum column of the synced tables, read from its schema once, so that a pulled row's
/// checksum as stored can be told from the row alone, on any thread: in a pull of many pages the page sealer works it out
/// as the page arrives (<see cref="PageSealer"/>), off the thread that writes. On that thread it took 131 of the writer's 1,335 samples in a
/// first sync of 100,000 rows by the installed program (perf).
/// </summary>
internal sealed class StoredForms
{
    private readonly Dictionary<string, Stored[]?> _kinds;

    /// <param name="tables">The tables pulled rows are written to (the conflict records' too).</param>
    /// <param name="types">A table's columns and their declared types, as the laptop's schema has them.</param>
    public StoredForms(IEnumerable<string> tables, Func<string, IReadOnlyDictionary<string, string>> types) =>
        _kinds = tables.ToDictionary(t => t, t => KindsOf(t, types(t)), StringComparer.Ordinal);

    /// <summary>
    /// The row's checksum values (<see cref="SyncSchema.ColumnsOf"/> order) as <see cref="LocalScope.ServerText"/> will read
    /// them back after the row is stored whole as <paramref name="change"/> has it; null when that cannot be told from the
    /// change alone: a column it does not carry keeps what was there, and a column of another type SQLite may store in
    /// another form.
    /// </summary>
    public string?[]? Texts(RowChange change)
    {
        if (_kinds.GetValueOrDefault(change.Table) is not { } kinds)
            return null;
        var columns = SyncSchema.ColumnsOf(change.Table);
        var texts = new string?[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            if (!change.Columns.TryGetValue(columns[i], out var value))
                return null;
            if (kinds[i] == Stored.Sealed)
                texts[i] = value ?? "";
            else if (value is null || kinds[i] == Stored.Text)
                texts[i] = value;
            else if (kinds[i] == Stored.Integer && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                texts[i] = number.ToString(CultureInfo.InvariantCulture);
            else
                return null;
        }

        return texts;
    }

    /// <summary>The row's share of the scope checksum once stored whole as <paramref name="change"/> has it; null as <see cref="Texts"/>.</summary>
    public uint? Sum(RowChange change) => Texts(change) is { } texts ? ScopeChecksum.Of(change.Table, change.RowId, change.Version, texts) : null;

    private static Stored[]? KindsOf(string table, IReadOnlyDictionary<string, string> columnTypes)
    {
        var kinds = new List<Stored>();
        foreach (var column in SyncSchema.ColumnsOf(table))
        {
            if (!columnTypes.TryGetValue(column, out var type))
                return null;
            kinds.Add(SecretColumns.IsSecret(table, column) ? Stored.Sealed : type switch { "TEXT" => Stored.Text, "INTEGER" => Stored.Integer, _ => Stored.Other });
        }

        return [.. kinds];
    }

    private enum Stored
    {
        Sealed,
        Text,
        Integer,

        /// <summary>Another type, whose stored form SQLite may change: only a null can be told.</summary>
        Other,
    }
}
