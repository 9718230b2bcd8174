using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

public class SnapshotTests
{
    [Fact]
    public void Snapshot_WriteOnAnotherConnectionMeanwhile_IsSeenOnlyAfterItEnds()
    {
        using var temp = new TempStore();
        temp.Store.Clients.Add(temp.NewClient());
        using var other = temp.Store.OpenAnother();

        var (before, during) = temp.Store.Snapshot(() =>
        {
            var first = temp.Store.Count("clients", "");
            other.Clients.Add(temp.NewClient());
            return (first, temp.Store.Count("clients", ""));
        });

        Assert.Equal(1, before);
        Assert.Equal(1, during);
        Assert.Equal(2, temp.Store.Count("clients", ""));
    }

    [Fact]
    public void Snapshot_InsideAWrite_SeesWhatTheWriteHasNotCommitted()
    {
        using var temp = new TempStore();

        var seen = 0;
        temp.Store.Batch(() =>
        {
            temp.Store.Clients.Add(temp.NewClient());
            seen = temp.Store.Snapshot(() => temp.Store.Count("clients", ""));
        });

        Assert.Equal(1, seen);
        temp.Store.Clients.Add(temp.NewClient());
        Assert.Equal(2, temp.Store.Count("clients", ""));
    }

    [Fact]
    public void Snapshot_WorkFails_LeavesTheStoreWritable()
    {
        using var temp = new TempStore();

        Assert.Throws<InvalidOperationException>(() => temp.Store.Snapshot<int>(() => throw new InvalidOperationException("midway")));

        temp.Store.Clients.Add(temp.NewClient());
        Assert.Equal(1, temp.Store.Count("clients", ""));
    }
}
