using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>The team's worker names a pull brings: kept sealed, renamed when the server renames, own name from the identity.</summary>
public class WorkerNameTests
{
    private static readonly Id<Worker> Colleague = new(Guid.Parse("0193a000-0000-7000-8000-0000000000c2"));

    [Fact]
    public void NamesFromAPull_AreKeptAcrossAReopen_SealedInTheFile_AndFollowARename()
    {
        using var temp = new TempStore();
        var unknown = temp.Store.Workers.NameOf(Colleague);

        new LocalSync(temp.Store).Apply(new PullResponse([], 0, false, 0, 0, [new WorkerInfo(Colleague.Value, "Bartholomeus Kwakkelstein")]));
        temp.Close();
        var bytes = Directory.GetFiles(temp.Folder).SelectMany(File.ReadAllBytes).ToArray();
        temp.Reopen();
        var named = temp.Store.Workers.NameOf(Colleague);
        new LocalSync(temp.Store).Apply(new PullResponse([], 0, false, 0, 0, [new WorkerInfo(Colleague.Value, "Bart Kwakkelstein")]));

        Assert.Null(unknown);
        Assert.Equal("Bartholomeus Kwakkelstein", named);
        Assert.Equal("Bart Kwakkelstein", temp.Store.Workers.NameOf(Colleague));
        Assert.Equal(-1, System.Text.Encoding.UTF8.GetString(bytes).IndexOf("Kwakkelstein", StringComparison.Ordinal));
        Assert.Equal(TempStore.Identity.WorkerName, temp.Store.Workers.NameOf(TempStore.Identity.WorkerId));
    }
}
