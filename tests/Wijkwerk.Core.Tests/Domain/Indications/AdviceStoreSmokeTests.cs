using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Indications;

public class AdviceStoreRoundTripTests
{
    [Fact]
    public void AddSubmitReopen_ReadsBackTheSameAdvice()
    {
        using var temp = new TempStore();
        var draft = AdviceSamples.Draft();
        temp.Store.Advices.Add(draft);
        var submitted = draft.Submit(AdviceSamples.Nurse, temp.Clock.UtcNow, AdviceSamples.Today).Value;
        Assert.True(temp.Store.Advices.Save(submitted));

        var reopened = temp.Reopen();
        var read = reopened.Advices.Find(draft.Id);

        Assert.Equal(submitted, read);
        Assert.Equal(AdviceStatus.Submitted, read!.Status);
    }
}
