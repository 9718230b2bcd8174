using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Tests.Sync;

public class WorkerNamesTests
{
    private static readonly Guid First = Guid.Parse("0193a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Second = Guid.Parse("0193a000-0000-7000-8000-0000000000b2");

    [Fact]
    public void Fingerprint_IsTheSameForTheSameList_AndDiffersForAnyChangeToIt()
    {
        WorkerInfo[] team = [new(First, "Anna"), new(Second, "Bram")];

        var same = WorkerNames.Fingerprint([new(First, "Anna"), new(Second, "Bram")]);
        string[] changed =
        [
            WorkerNames.Fingerprint([new(First, "Anna"), new(Second, "Bram de Vries")]),
            WorkerNames.Fingerprint([new(First, "Anna")]),
            WorkerNames.Fingerprint([new(Second, "Bram"), new(First, "Anna")]),
            WorkerNames.Fingerprint([new(First, "Anna"), new(Second, "Bram"), new(Guid.Empty, "")]),
            WorkerNames.Fingerprint([new(First, "AnnaBram"), new(Second, "")]),
            WorkerNames.Fingerprint([new(Second, "Anna"), new(First, "Bram")]),
        ];

        Assert.Equal(WorkerNames.Fingerprint(team), same);
        Assert.Equal(64, same.Length);
        Assert.DoesNotContain(same, changed);
        Assert.Equal(changed.Length, changed.Distinct().Count());
    }
}
