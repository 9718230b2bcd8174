using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Hosting;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Enrolment;

/// <summary>POST enrol: a one-time code becomes a device with its own random token.</summary>
public static class EnrolEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapPost(SyncProtocol.EnrolPath, Enrol).AddEndpointFilter(EnrolRateLimit.Check);

    private static async Task<IResult> Enrol(HttpContext context, ISyncStore store, TimeProvider clock, ILoggerFactory logs)
    {
        var (request, problem) = await RequestBody.Read(context, ProtocolJson.Default.EnrolRequest);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(request!.Code))
            return Problems.Invalid("De inschrijfcode ontbreekt; vraag de beheerder om een code.");

        var name = string.IsNullOrWhiteSpace(request.DeviceName) ? "laptop" : request.DeviceName.Trim();
        if (name.Length > 100 || name.Any(char.IsControl))
            return Problems.Invalid("De apparaatnaam is te lang of bevat ongeldige tekens (maximaal 100 tekens).");

        var token = Secrets.NewToken();
        var device = new NewDevice(Guid.NewGuid(), name, token, Secrets.HashToken(token));
        var response = await store.EnrolAsync(Secrets.HashCode(request.Code), device, clock.GetUtcNow());
        if (response is null)
        {
            return Problems.Result(StatusCodes.Status400BadRequest, ProblemCodes.CodeInvalid,
                "Deze inschrijfcode is onbekend, al gebruikt of verlopen; vraag de beheerder om een nieuwe code.");
        }

        logs.CreateLogger("Wijkwerk.Enrolment").LogInformation("Device {DeviceId} enrolled for worker {WorkerId}", response.DeviceId, response.WorkerId);
        return Results.Json(response, ProtocolJson.Default.EnrolResponse);
    }
}

/// <summary>Reads a JSON body with the server's own answers for what can go wrong (never a framework page).</summary>
public static class RequestBody
{
    public static async Task<(T? Value, IResult? Problem)> Read<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        if (!IsJson(context.Request.ContentType))
            return (null, Problems.Result(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.InvalidRequest, Problems.ForStatus(StatusCodes.Status415UnsupportedMediaType).Message));
        // The host's limit ends a larger body as it arrives; the body is read whole only up to it (WholeJson), or up to the
        // configured limit where the host has none of its own.
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
            ?? context.RequestServices.GetRequiredService<ServerSettings>().MaxRequestBodyBytes;
        try
        {
            var (value, _) = await WholeJson.Read(context.Request.Body, type, context.Request.ContentLength, limit, context.RequestAborted);
            return value is null ? (null, Problems.Invalid("Het verzoek is leeg; stuur een JSON-object.")) : (value, null);
        }
        catch (JsonException)
        {
            return (null, Problems.Invalid("Het verzoek is geen geldige JSON of heeft velden van het verkeerde soort; werk Wijkwerk bij."));
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or MessageTooLargeException)
        {
            return (null, Problems.TooLarge(limit));
        }
    }

    /// <summary>application/json, in UTF-8 (the only encoding JSON has): a form post or text body is not read as a request.</summary>
    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}
