using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Wijkwerk.SyncServer.Hosting;

/// <summary>
/// The client's address comes from X-Forwarded-For only when the connection comes from a proxy in
/// <see cref="ServerSettings.TrustedProxies"/> (an address, or a network such as 10.0.0.0/24); from anyone else the
/// header is ignored, so a client cannot choose the address the rate limit and the request log see. Only the entry
/// the trusted proxy itself appended (the last) is taken: what a client wrote before it is not believed either.
/// </summary>
public static class TrustedProxies
{
    /// <summary>The middleware's options; a Dutch sentence instead when an entry is not an address or network.</summary>
    public static (ForwardedHeadersOptions? Options, string? Problem) Options(IReadOnlyList<string> proxies)
    {
        // ASP.NET trusts loopback by default; here nothing is trusted that the administrator did not name.
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var entry in proxies.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network))
                options.KnownIPNetworks.Add(network);
            else if (IPAddress.TryParse(entry, out var address))
                options.KnownProxies.Add(address);
            else
                return (null, $"Wijkwerk:TrustedProxies: '{entry}' is geen IP-adres of netwerk; geef het adres van de proxy, zoals 10.0.0.5, of een netwerk, zoals 10.0.0.0/24.");
        }

        return (options, null);
    }
}
