using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>
/// During a pull of many pages the store's own commits leave the log's copying back into the file to a connection beside
/// them (BackgroundCheckpoints); afterwards the connection copies it itself again, as SQLite does by default. A real store file.
/// </summary>
public class CheckpointsBesideTests
{
    [Fact]
    public void WhileOn_CommitsAreCopiedIntoTheFileBesideTheWriter_WhichNeverCopiesThemItself()
    {
        using var temp = new TempStore();
        var path = temp.Store.Path;
        var pagesBefore = Pragma(temp.Store.Connection, "page_count");

        using (temp.Store.CheckpointsBeside())
        {
            Assert.Equal(0, Pragma(temp.Store.Connection, "wal_autocheckpoint"));
            AddClients(temp);
        }

        // Every page of the store is in the file itself now: without the copy beside the writer, the new pages would
        // still be in the log alone until it reached 1,000 pages.
        var pages = Pragma(temp.Store.Connection, "page_count");
        Assert.True(pages > pagesBefore);
        Assert.Equal(pages * Pragma(temp.Store.Connection, "page_size"), new FileInfo(path).Length);
        Assert.Equal(Clients, temp.Store.Count("clients", ""));
    }

    /// <summary>At the log SQLite's default 1,000 pages of 4,096 bytes come to: 250 of a new store's larger pages.</summary>
    [Fact]
    public void Afterwards_TheConnectionCopiesTheLogItselfAgain_AtTheSizeItDidBefore()
    {
        using var temp = new TempStore();
        var before = Pragma(temp.Store.Connection, "wal_autocheckpoint");

        using (temp.Store.CheckpointsBeside())
            temp.Store.Clients.Add(temp.NewClient());

        Assert.Equal(250, before);
        Assert.Equal(before, Pragma(temp.Store.Connection, "wal_autocheckpoint"));
    }

    [Fact]
    public void WithoutIt_CommitsLeaveNewPagesInTheLog()
    {
        using var temp = new TempStore();
        var before = new FileInfo(temp.Store.Path).Length;

        AddClients(temp);

        // The contrast the first test rests on: a commit below SQLite's threshold copies nothing back.
        Assert.Equal(before, new FileInfo(temp.Store.Path).Length);
        Assert.True(Pragma(temp.Store.Connection, "page_count") * Pragma(temp.Store.Connection, "page_size") > before);
    }

    /// <summary>
    /// Enough clients, each its own commit, to take the store past the pages it was made with, and far below the 1,000 pages
    /// at which a commit would copy the log itself.
    /// </summary>
    private const int Clients = 50;

    private static void AddClients(TempStore temp)
    {
        for (var i = 0; i < Clients; i++)
            temp.Store.Clients.Add(temp.NewClient());
    }

    private static long Pragma(SqliteConnection connection, string name)
    {
        using var command = new SqliteCommand($"PRAGMA {name};", connection);
        return (long)command.ExecuteScalar()!;
    }
}
