using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Storage.Rows;

/// <summary>Advice rows hold exactly the texts that travel (<see cref="AdviceColumns"/>), with the free text sealed.</summary>
internal static class AdviceRows
{
    public const string Table = AdviceColumns.AdviceTable;

    public static TableRow ToRow(IndicationAdvice advice) => Build(Table, advice.Id.ToString(), AdviceColumns.ToColumns(advice));

    /// <summary>The stored advice, or null when a value in it is not one this version writes (a newer server's status, say).</summary>
    public static IndicationAdvice? TryFromRow(RowReader r) =>
        AdviceColumns.FromColumns(Guid.Parse(r.Id), Read(r, Table, AdviceColumns.Advice)) is { IsValid: true } advice ? advice.Value : null;

    public static TableRow Build(string table, string id, IReadOnlyDictionary<string, string?> columns)
    {
        var row = new TableRow(table, id);
        foreach (var (column, value) in columns)
        {
            if (SecretColumns.IsSecret(table, column))
                row.Secret(column, value ?? "");
            else
                row.Plain(column, value);
        }

        return row;
    }

    /// <summary>The row's values by column; a bottleneck tag as it resolves through the admin's merges (<see cref="RowReader.Tag"/>).</summary>
    public static Dictionary<string, string?> Read(RowReader r, string table, IEnumerable<string> columns) =>
        columns.ToDictionary(c => c, c => SecretColumns.IsSecret(table, c) ? r.Secret(c) : c == BottleneckTag.Column ? r.Tag(c) : r.NullableText(c), StringComparer.Ordinal);
}

internal static class AdviceMessageRows
{
    public const string Table = AdviceColumns.MessageTable;

    public static TableRow ToRow(AdviceMessage message) => AdviceRows.Build(Table, message.Id.ToString(), AdviceColumns.ToColumns(message));

    /// <summary>The stored message, or null when a value in it is not one this version writes.</summary>
    public static AdviceMessage? TryFromRow(RowReader r) =>
        AdviceColumns.MessageFromColumns(Guid.Parse(r.Id), AdviceRows.Read(r, Table, AdviceColumns.Message)) is { IsValid: true } message ? message.Value : null;
}
