namespace Wijkwerk.Core.Storage;

/// <summary>
/// One row as column → value before it is written. Secret columns are sealed with AES-GCM on the way
/// in; comparing two rows in plaintext gives the changed columns the sync engine merges on.
/// </summary>
internal sealed class TableRow(string table, string id)
{
    private readonly Dictionary<string, (object? Value, bool Secret)> _columns = new(StringComparer.Ordinal);

    public string Table { get; } = table;

    public string Id { get; } = id;

    public IEnumerable<string> Columns => _columns.Keys;

    public TableRow Plain(string column, object? value)
    {
        _columns[column] = (value, false);
        return this;
    }

    public TableRow Secret(string column, string text)
    {
        _columns[column] = (text, true);
        return this;
    }

    public object? this[string column] => _columns[column].Value;

    public bool IsSecret(string column) => _columns[column].Secret;

    /// <summary>A column's value as text, the way it travels to the server.</summary>
    public string? Text(string column) => _columns[column].Value switch
    {
        null => null,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var value => value.ToString(),
    };

    /// <summary>Copies one column, value and sealing, from another row of the same table.</summary>
    public void Take(TableRow other, string column) => _columns[column] = other._columns[column];

    public IReadOnlyList<string> ChangedFrom(TableRow before) =>
        Columns.Where(c => !Equals(before._columns.GetValueOrDefault(c).Value, _columns[c].Value)).ToList();
}
