using Wijkwerk.Core.Sync;

namespace Wijkwerk.Core.Tests.Sync;

/// <summary>Every row pulled or pushed finds its table by name; a name that is no synced table, or none at all, finds nothing.</summary>
public class SyncSchemaTests
{
    [Fact]
    public void EverySyncedTable_IsFoundByItsName()
    {
        Assert.All(SyncSchema.Tables, table => Assert.Same(table, SyncSchema.Find(table.Name)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Clients")]
    [InlineData("conflicts")]
    [InlineData("outbox")]
    public void ANameThatIsNoSyncedTable_FindsNothing(string? name)
    {
        Assert.Null(SyncSchema.Find(name));
    }
}
