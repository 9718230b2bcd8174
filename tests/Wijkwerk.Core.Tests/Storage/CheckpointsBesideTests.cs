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

        using (temp.Store.CheckpointsBeside())
        {
            Assert.Equal(0, Pragma(temp.Store.Connection, "wal_autocheckpoint"));
            // Each its own commit, far below the 1,000 pages at which a commit would copy the log itself.
            for (var i = 0; i < 20; i++)
                temp.Store.Clients.Add(temp.NewClient());
        }

        // Every page of the store is in the file itself now: without the copy beside the writer, the new pages would
        // still be in the log alone until it reached 1,000 pages.
        var pages = Pragma(temp.Store.Connection, "page_count");
        Assert.Equal(pages * Pragma(temp.Store.Connection, "page_size"), new FileInfo(path).Length);
        Assert.Equal(20, temp.Store.Count("clients", ""));
    }

    [Fact]
    public void Afterwards_TheConnectionCopiesTheLogItselfAgain()
    {
        using var temp = new TempStore();

        using (temp.Store.CheckpointsBeside())
            temp.Store.Clients.Add(temp.NewClient());

        Assert.Equal(1000, Pragma(temp.Store.Connection, "wal_autocheckpoint"));
    }

    [Fact]
    public void WithoutIt_CommitsLeaveNewPagesInTheLog()
    {
        using var temp = new TempStore();
        var before = new FileInfo(temp.Store.Path).Length;

        for (var i = 0; i < 20; i++)
            temp.Store.Clients.Add(temp.NewClient());

        // The contrast the first test rests on: a commit below SQLite's threshold copies nothing back.
        Assert.Equal(before, new FileInfo(temp.Store.Path).Length);
        Assert.True(Pragma(temp.Store.Connection, "page_count") * Pragma(temp.Store.Connection, "page_size") > before);
    }

    private static long Pragma(SqliteConnection connection, string name)
    {
        using var command = new SqliteCommand($"PRAGMA {name};", connection);
        return (long)command.ExecuteScalar()!;
    }
}
