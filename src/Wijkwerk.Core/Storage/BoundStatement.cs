using Microsoft.Data.Sqlite;
using SQLitePCL;
using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Storage;

/// <summary>
/// One SQL statement prepared on a connection and run again and again with new values, each bound by its place. A
/// <see cref="SqliteCommand"/> looks every parameter up by name and copies its text into a new UTF-8 array on every run;
/// for a statement run once per row (a pulled row written, a pushed row stored) that was the larger part of running it.
/// It runs inside the transaction the connection has open, which must already hold the write lock where it writes: unlike
/// a command it does not wait and try again when the database is busy.
/// </summary>
public sealed class BoundStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    private BoundStatement(SqliteConnection connection, sqlite3_stmt statement) => (_connection, _statement) = (connection, statement);

    /// <summary>Prepares <paramref name="sql"/>, one statement with <c>@name</c> or <c>$name</c> parameters, on the open <paramref name="connection"/>.</summary>
    public static BoundStatement Prepare(SqliteConnection connection, string sql)
    {
        var rc = raw.sqlite3_prepare_v3(connection.Handle, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement);
        if (rc == raw.SQLITE_OK && statement is { IsInvalid: false })
            return new BoundStatement(connection, statement);
        statement?.Dispose();
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        throw new ArgumentException("The text holds no statement.", nameof(sql));
    }

    /// <summary>The place of the parameter <paramref name="name"/> (with its <c>@</c> or <c>$</c>), to bind it by; found once, not on every run.</summary>
    public int Place(string name)
    {
        var place = raw.sqlite3_bind_parameter_index(_statement, name);
        return place > 0 ? place : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
    }

    /// <summary>Binds text as it is (no copy into a UTF-8 array first); null binds NULL.</summary>
    public void Bind(int place, string? text) =>
        Check(text is null ? raw.sqlite3_bind_null(_statement, place) : raw.sqlite3_bind_text16(_statement, place, text.AsSpan()));

    public void Bind(int place, long number) => Check(raw.sqlite3_bind_int64(_statement, place, number));

    /// <summary>Binds an id as its text (<see cref="Guid.ToString()"/>), written straight into the statement rather than into a string first.</summary>
    public void Bind(int place, Guid id)
    {
        Span<byte> text = stackalloc byte[36];
        id.TryFormat(text, out var length, "D");
        Check(raw.sqlite3_bind_text(_statement, place, text[..length]));
    }

    /// <summary>Binds an instant as <see cref="InstantText.Write(DateTimeOffset)"/> writes it, straight into the statement rather than into a string first.</summary>
    public void Bind(int place, DateTimeOffset instant)
    {
        Span<byte> text = stackalloc byte[InstantText.Length];
        Check(raw.sqlite3_bind_text(_statement, place, text[..InstantText.Write(instant, text)]));
    }

    /// <summary>Binds bytes as a blob; null binds NULL.</summary>
    public void Bind(int place, byte[]? bytes) =>
        Check(bytes is null ? raw.sqlite3_bind_null(_statement, place) : raw.sqlite3_bind_blob(_statement, place, bytes));

    /// <summary>Binds a value of one of the types SQLite stores (text, whole number, bytes) or null (or <see cref="DBNull"/>).</summary>
    public void Bind(int place, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                Check(raw.sqlite3_bind_null(_statement, place));
                break;
            case string text:
                Bind(place, text);
                break;
            case long number:
                Bind(place, number);
                break;
            case int number:
                Bind(place, number);
                break;
            case byte[] bytes:
                Bind(place, bytes);
                break;
            default:
                throw new ArgumentException($"A value of type {value.GetType().Name} cannot be bound; bind text, a whole number or bytes.", nameof(value));
        }
    }

    /// <summary>Runs the statement to its end with the values bound and answers how many rows it changed; the values stay bound for the next run.</summary>
    public int Run()
    {
        var rc = raw.sqlite3_step(_statement);
        while (rc == raw.SQLITE_ROW)
            rc = raw.sqlite3_step(_statement);
        EndRun(rc);
        return raw.sqlite3_changes(_connection.Handle);
    }

    /// <summary>
    /// Steps to the next row of the statement's answer: true when there is one to read (<see cref="Value"/>); false at the
    /// end, where it is ready to run again. A caller that stops before the end calls <see cref="Reset"/>.
    /// </summary>
    public bool Next()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
            return true;
        EndRun(rc);
        return false;
    }

    /// <summary>Ends a run before its last row, so the statement can run again.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    /// <summary>The place of the answer's column <paramref name="name"/>, to read it by.</summary>
    public int Column(string name)
    {
        for (var i = 0; i < raw.sqlite3_column_count(_statement); i++)
        {
            if (raw.sqlite3_column_name(_statement, i).utf8_to_string() == name)
                return i;
        }

        throw new ArgumentException($"The statement answers no column {name}.", nameof(name));
    }

    /// <summary>The value in <paramref name="column"/> of the row <see cref="Next"/> stepped to, as a command's reader gives it: text, a whole number, a fraction, bytes, or <see cref="DBNull"/>.</summary>
    public object Value(int column) => raw.sqlite3_column_type(_statement, column) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_statement, column),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(_statement, column),
        raw.SQLITE_TEXT => raw.sqlite3_column_text(_statement, column).utf8_to_string(),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(_statement, column).ToArray(),
        _ => DBNull.Value,
    };

    /// <summary>Runs the statement for one whole number: the first column of its first row; null when it answers no row or NULL there.</summary>
    public long? Integer()
    {
        var rc = raw.sqlite3_step(_statement);
        long? value = rc == raw.SQLITE_ROW && raw.sqlite3_column_type(_statement, 0) != raw.SQLITE_NULL ? raw.sqlite3_column_int64(_statement, 0) : null;
        EndRun(rc);
        return value;
    }

    public void Dispose() => _statement.Dispose();

    /// <summary>Resets the statement after a step that answered <paramref name="stepped"/>, and throws when that step failed.</summary>
    private void EndRun(int stepped)
    {
        // After a failed step, reset answers the error the step met (and its message), and the statement can run again.
        var reset = raw.sqlite3_reset(_statement);
        if (stepped is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
            SqliteException.ThrowExceptionForRC(reset != raw.SQLITE_OK ? reset : stepped, _connection.Handle);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
    }
}
