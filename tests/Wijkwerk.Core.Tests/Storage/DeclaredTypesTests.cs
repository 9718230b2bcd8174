using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>The synced tables' declared column types are read once per open store and shared by every sync of it; a real store file.</summary>
public class DeclaredTypesTests
{
    [Fact]
    public void EverySyncOfAnOpenStore_SharesOneReadingOfItsSchema()
    {
        using var temp = new TempStore();

        Assert.Same(new LocalSync(temp.Store).Forms, new LocalSync(temp.Store).Forms);
        Assert.Same(temp.Store.Declared.Of("clients"), temp.Store.Declared.Of("clients"));
    }

    [Fact]
    public void TheTypesAreThoseTheSchemaDeclares_ForEveryPulledTable()
    {
        using var temp = new TempStore();

        foreach (var table in DeclaredTypes.PulledTables)
        {
            var declared = Schema(temp.Store.Connection, table);
            Assert.NotEmpty(declared);
            Assert.Equal(declared.OrderBy(c => c.Key), temp.Store.Declared.Of(table).OrderBy(c => c.Key));
        }
    }

    [Fact]
    public void AnotherStore_ReadsItsOwnSchema()
    {
        using var first = new TempStore();
        using var second = new TempStore();

        Assert.NotSame(first.Store.Declared.Forms, second.Store.Declared.Forms);
    }

    private static Dictionary<string, string> Schema(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, type FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var types = new Dictionary<string, string>();
        while (reader.Read())
            types[reader.GetString(0)] = reader.GetString(1);
        return types;
    }
}
