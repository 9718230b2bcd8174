using System.Text.Json;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Hosting;

/// <summary>Every error leaves the server as a <see cref="ProblemResponse"/>: a code for the laptop, a Dutch sentence for the person.</summary>
public static class Problems
{
    public const string NotFound = "not_found";
    public const string ServerError = "server_error";

    public static async Task Write(HttpContext context, int status, string code, string message)
    {
        if (context.Response.HasStarted)
            return;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, new ProblemResponse(code, message), ProtocolJson.Default.ProblemResponse, context.RequestAborted);
    }

    public static IResult Result(int status, string code, string message) =>
        Results.Json(new ProblemResponse(code, message), ProtocolJson.Default.ProblemResponse, statusCode: status);

    public static IResult TooLarge(long limit) => Result(StatusCodes.Status413PayloadTooLarge, ProblemCodes.TooLarge,
        $"Het verzoek is te groot (meer dan {limit / (1024 * 1024)} MB); synchroniseer in kleinere delen of neem contact op met de beheerder.");

    public static IResult Invalid(string message) => Result(StatusCodes.Status400BadRequest, ProblemCodes.InvalidRequest, message);

    /// <summary>For answers without a body of their own (unknown path, wrong method and the like).</summary>
    public static (string Code, string Message) ForStatus(int status) => status switch
    {
        404 => (NotFound, "Dit adres bestaat niet op de Wijkwerk-server; controleer het serveradres."),
        405 => (ProblemCodes.InvalidRequest, "Deze bewerking is hier niet toegestaan; werk Wijkwerk bij."),
        413 => (ProblemCodes.TooLarge, "Het verzoek is te groot; synchroniseer in kleinere delen."),
        415 => (ProblemCodes.InvalidRequest, "Stuur het verzoek als JSON (Content-Type: application/json); werk Wijkwerk bij als dit vanuit Wijkwerk gebeurt."),
        >= 500 => (ServerError, "Er ging iets mis op de server; probeer het later opnieuw of neem contact op met de beheerder."),
        _ => (ProblemCodes.InvalidRequest, "Het verzoek is niet geldig; werk Wijkwerk bij of neem contact op met de beheerder."),
    };
}
