using System.Globalization;
using System.Net.Http.Headers;

namespace Wijkwerk.Core.Sync.Protocol;

/// <summary>
/// What the next pull after a page needs of it: where it ends, whether more follow, and the reference version and colleagues'
/// names it brings. The server sends it as the answer's headers too (<see cref="SyncProtocol.NextAnchorHeader"/> and the
/// others), so a laptop asks for the next page as soon as they arrive instead of after reading every row: the server then
/// reads that page while the laptop still reads and seals this one.
/// </summary>
/// <param name="ReferenceVersion">The reference version the page brings; null when it brings none.</param>
/// <param name="Names">The <see cref="WorkerNames"/> fingerprint of the names the page brings; null when it brings none.</param>
public sealed record PageHead(long NextAnchor, bool HasMore, long? ReferenceVersion, string? Names)
{
    /// <summary>The head of a page read whole.</summary>
    public static PageHead Of(PullResponse page) =>
        new(page.NextAnchor, page.HasMore, page.Reference?.Version, page.Workers is { } workers ? WorkerNames.Fingerprint(workers) : null);

    /// <summary>The head as a server wrote it into an answer's headers.</summary>
    public IEnumerable<(string Name, string Value)> Headers()
    {
        yield return (SyncProtocol.NextAnchorHeader, NextAnchor.ToString(CultureInfo.InvariantCulture));
        yield return (SyncProtocol.HasMoreHeader, HasMore ? "true" : "false");
        if (ReferenceVersion is { } version)
            yield return (SyncProtocol.ReferenceHeader, version.ToString(CultureInfo.InvariantCulture));
        if (Names is not null)
            yield return (SyncProtocol.NamesHeader, Names);
    }

    /// <summary>The head an answer's headers carry; null when they carry none or one that does not read (an older server's answer).</summary>
    public static PageHead? From(HttpResponseHeaders headers)
    {
        if (One(headers, SyncProtocol.NextAnchorHeader) is not { } anchorText || !long.TryParse(anchorText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var anchor))
            return null;
        var more = One(headers, SyncProtocol.HasMoreHeader);
        if (more is not ("true" or "false"))
            return null;
        long? reference = null;
        if (One(headers, SyncProtocol.ReferenceHeader) is { } referenceText)
        {
            if (!long.TryParse(referenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                return null;
            reference = version;
        }

        return new PageHead(anchor, more == "true", reference, One(headers, SyncProtocol.NamesHeader));
    }

    private static string? One(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && values.ToList() is [var value] ? value : null;
}
