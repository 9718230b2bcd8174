using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Demo;

/// <summary>
/// Issue 14: the admin's list of bottleneck tags as the demo laptop holds it, the tags the demo's requests carry, so
/// the tag field completes them; a tag typed that is not here shows as a new proposal.
/// </summary>
public static class DemoTags
{
    public static readonly IReadOnlyList<string> Accepted =
    [
        "bijzondere-bijstand-doorlooptijd", "energie-afsluiting", "reiskosten-wachttijd", "tandarts-geen-dekking", "uitkering-start-na-opname",
    ];

    /// <summary>Puts the list on the store's reference data, keeping what else it holds.</summary>
    public static void Give(LocalStore store)
    {
        var current = store.Reference.Current() ?? new ReferenceData(1);
        store.Reference.Replace(current with { Bottlenecks = new BottleneckInfo(Accepted, []) });
    }
}
