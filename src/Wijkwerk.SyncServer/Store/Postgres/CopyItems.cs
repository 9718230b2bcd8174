using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Wijkwerk.SyncServer.Store.Sql;

namespace Wijkwerk.SyncServer.Store.Postgres;

/// <summary>
/// Items inserted by PostgreSQL's COPY in its binary form, each value in the binary form of its column's type, which the
/// table is asked for first: a value in the wrong form would be read as another (a whole number's eight bytes as text), not
/// refused. So a whole number for a text column goes as its digits, as an insert stores it.
/// </summary>
internal static class CopyItems
{
    /// <summary>
    /// Inserts the items, each followed by <paramref name="same"/>'s values, as <see cref="SqlDialect.InsertItems"/> without
    /// a conflict clause; false, with nothing written, when a column is of a type other than text or bigint.
    /// </summary>
    public static bool Insert(DbConnection db, DbTransaction tx, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> items,
        IReadOnlyList<(string Column, object Value)> same)
    {
        string[] names = [.. columns, .. same.Select(s => s.Column)];
        if (TypesOf(db, tx, table, names) is not { } types)
            return false;
        // Without Complete, disposing the import cancels it: an item that fails to be written leaves no row of the items behind.
        using var copy = ((NpgsqlConnection)db).BeginBinaryImport($"COPY {table}({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)");
        foreach (var item in items)
        {
            copy.StartRow();
            for (var place = 0; place < item.Length; place++)
                Write(copy, item[place], types[place]);
            for (var place = 0; place < same.Count; place++)
                Write(copy, same[place].Value, types[columns.Count + place]);
        }

        copy.Complete();
        return true;
    }

    /// <summary>The columns' types in the order named; null when one is neither text nor bigint (or is not there).</summary>
    private static NpgsqlDbType[]? TypesOf(DbConnection db, DbTransaction tx, string table, string[] columns)
    {
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var cmd = SqlSyncStore.Command(db, tx, "SELECT attname, format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = CAST(@t AS regclass) AND attnum > 0 AND NOT attisdropped;", ("@t", table)))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
                declared[reader.GetString(0)] = reader.GetString(1);
        }

        var types = new NpgsqlDbType[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            switch (declared.GetValueOrDefault(columns[i]))
            {
                case "text":
                    types[i] = NpgsqlDbType.Text;
                    break;
                case "bigint":
                    types[i] = NpgsqlDbType.Bigint;
                    break;
                default:
                    return null;
            }
        }

        return types;
    }

    private static void Write(NpgsqlBinaryImporter copy, object? value, NpgsqlDbType type)
    {
        switch (value)
        {
            case null:
                copy.WriteNull();
                break;
            case string text when type == NpgsqlDbType.Text:
                copy.Write(text, type);
                break;
            case long or int when type == NpgsqlDbType.Text:
                copy.Write(Convert.ToString(value, CultureInfo.InvariantCulture)!, type);
                break;
            case long or int:
                copy.Write(Convert.ToInt64(value, CultureInfo.InvariantCulture), type);
                break;
            case string:
                throw new ArgumentException("A text for a whole-number column.", nameof(value));
            default:
                throw new ArgumentException($"An item value of type {value.GetType().Name} has no column type here.", nameof(value));
        }
    }
}
