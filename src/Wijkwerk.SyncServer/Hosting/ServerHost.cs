using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Enrolment;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Sql;
using Wijkwerk.SyncServer.Sync;

namespace Wijkwerk.SyncServer.Hosting;

/// <summary>Builds and runs the web server: settings, logging, limits, the store and the endpoints.</summary>
public static class ServerHost
{
    public static async Task<int> Serve(string? urls, StoreOptions storeOptions, bool allowHttp)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        var overrides = new Dictionary<string, string?>();
        if (urls is not null)
            overrides["urls"] = urls;
        foreach (var (key, value) in storeOptions.Overrides())
            overrides[key] = value;
        if (allowHttp)
            overrides[$"{ServerSettings.Section}:{nameof(ServerSettings.AllowInsecureHttp)}"] = "true";
        builder.Configuration.AddInMemoryCollection(overrides);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
            builder.Configuration["urls"] = "http://127.0.0.1:5080";

        var settings = ServerSettings.From(builder.Configuration);
        if (InsecureUrl(builder.Configuration, settings) is { } insecure)
        {
            await Console.Error.WriteLineAsync($"Onversleuteld HTTP op {insecure} is alleen toegestaan op dit apparaat zelf (127.0.0.1, localhost of [::1]). " +
                "Stel HTTPS in met een certificaat (Kestrel:Certificates:Default in appsettings.json), of sta HTTP bewust toe met --allow-http of Wijkwerk:AllowInsecureHttp.");
            return 2;
        }

        var (forwarding, proxyProblem) = TrustedProxies.Options(settings.TrustedProxies);
        if (forwarding is null)
        {
            await Console.Error.WriteLineAsync(proxyProblem);
            return 2;
        }

        StoreChoice choice;
        try
        {
            choice = StoreChoice.From(settings, storeOptions);
        }
        catch (StoreChoiceException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        var log = SerilogBridge.Create(settings.LogFolder ?? choice.DefaultLogFolder);
        try
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(new SerilogBridge.Provider(log));
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes;
                k.AddServerHeader = false;
            });

            ISyncStore store;
            try
            {
                store = await choice.OpenAsync();
            }
            catch (StoreChoiceException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }

            ReadyThreads(choice.Concurrency);
            builder.Services.AddSingleton<ISyncStore>(store);
            FeedHoldWatcher.AddTo(builder.Services, store);
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddSingleton(settings);
            builder.Services.AddSingleton<DeviceGate>();

            var app = builder.Build();
            UsePipeline(app, settings, forwarding);
            app.MapGet("/healthz", () => Results.Text("ok"));
            EnrolEndpoints.Map(app);
            SyncEndpoints.Map(app);
            app.MapFallback(NotMappedHere);

            await app.RunAsync();
            return 0;
        }
        finally
        {
            await ((IAsyncDisposable)log).DisposeAsync();
        }
    }

    /// <summary>
    /// An address the server does not answer as asked: 405 with the methods it does take when the path is
    /// known (a GET of the push address, say), 404 otherwise. Both as problem bodies, never a framework page.
    /// </summary>
    private static IResult NotMappedHere(HttpContext context, EndpointDataSource endpoints)
    {
        var path = (context.Request.Path.Value ?? "").TrimEnd('/');
        var allowed = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => string.Equals(e.RoutePattern.RawText?.TrimEnd('/'), path, StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (allowed.Count == 0)
            return Problems.Result(StatusCodes.Status404NotFound, Problems.NotFound, Problems.ForStatus(StatusCodes.Status404NotFound).Message);
        context.Response.Headers.Allow = string.Join(", ", allowed);
        return Problems.Result(StatusCodes.Status405MethodNotAllowed, ProblemCodes.InvalidRequest,
            $"{Problems.ForStatus(StatusCodes.Status405MethodNotAllowed).Message} Dit adres neemt alleen {string.Join(" of ", allowed)}.");
    }

    /// <summary>
    /// Keeps a thread ready for every store operation that may be waiting on the database, and as many again for the rest:
    /// the pool otherwise adds threads one at a time, about two a second, while requests and the wake-ups of those very
    /// waits queue behind them (see <see cref="SqlSyncStore.Concurrency"/>).
    /// </summary>
    private static void ReadyThreads(int storeOperations)
    {
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, storeOperations + 2 * Environment.ProcessorCount), completions);
    }

    private static void UsePipeline(WebApplication app, ServerSettings settings, ForwardedHeadersOptions forwarding)
    {
        app.UseForwardedHeaders(forwarding);
        var requests = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Wijkwerk.Requests");
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async context =>
            {
                // Type only: an exception message can quote a value.
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                requests.LogError("Unhandled {ExceptionType} on {Path} at {StackTrace}", error?.GetType().Name, context.Request.Path.Value, error?.StackTrace);
                var (code, message) = Problems.ForStatus(500);
                await Problems.Write(context, 500, code, message);
            },
        });
        app.UseStatusCodePages(async status =>
        {
            var (code, message) = Problems.ForStatus(status.HttpContext.Response.StatusCode);
            await Problems.Write(status.HttpContext, status.HttpContext.Response.StatusCode, code, message);
        });

        app.Use(async (context, next) =>
        {
            var watch = Stopwatch.StartNew();
            await next(context);
            // No address: a laptop's address can point to the worker's home, and the log holds ids and counts only.
            requests.LogInformation("{Method} {Path} {Status} in {Elapsed} ms", context.Request.Method, context.Request.Path.Value,
                context.Response.StatusCode, watch.ElapsedMilliseconds);
        });

        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > settings.MaxRequestBodyBytes)
            {
                await Problems.TooLarge(settings.MaxRequestBodyBytes).ExecuteAsync(context);
                return;
            }

            if (context.Request.Path.StartsWithSegments(SyncProtocol.BasePath)
                && context.Request.Headers[SyncProtocol.VersionHeader].ToString() != SyncProtocol.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                await Problems.Write(context, StatusCodes.Status426UpgradeRequired, ProblemCodes.ProtocolOutdated, "Deze versie van Wijkwerk is verouderd; werk bij.");
                return;
            }

            await next(context);
        });

        app.UseRouting();
    }

    /// <summary>The first plain-HTTP address that is not loopback, unless plain HTTP is explicitly allowed.</summary>
    private static string? InsecureUrl(IConfiguration configuration, ServerSettings settings)
    {
        if (settings.AllowInsecureHttp)
            return null;
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        foreach (var url in urls)
        {
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                continue;
            var host = url["http://".Length..].Split('/')[0];
            host = host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)] : host.Split(':')[0];
            var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
            if (!loopback)
                return url;
        }

        return null;
    }
}
