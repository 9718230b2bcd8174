using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Hosting;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Enrolment;

/// <summary>
/// At most <see cref="ServerSettings.EnrolPermitsPerMinute"/> enrolment attempts per client address a minute, counted in
/// the store so that several instances behind a load balancer share one count (an in-process limiter would give each
/// instance its own). The address is the connection's, or the trusted proxy's forwarded one (<see cref="TrustedProxies"/>).
/// </summary>
public static class EnrolRateLimit
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static async ValueTask<object?> Check(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var permits = Math.Max(1, context.RequestServices.GetRequiredService<ServerSettings>().EnrolPermitsPerMinute);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var counted = await context.RequestServices.GetRequiredService<ISyncStore>().CountEnrolAttemptAsync(Hash(address), Window, now);
        if (counted.Attempts <= permits)
            return await next(invocation);

        var seconds = Math.Max(1, (int)Math.Ceiling((counted.WindowEndsAt - now).TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Result(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
            $"Te veel aanmeldpogingen vanaf dit adres; probeer het over {seconds} seconden opnieuw.");
    }

    /// <summary>The store keeps a hash: it needs to recognise an address, not to know it.</summary>
    private static string Hash(string address) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address)));
}
