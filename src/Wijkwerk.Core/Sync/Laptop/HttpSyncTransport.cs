using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Sync.Laptop;

/// <summary>The sync protocol over HTTP(S), with the protocol version and the device token on every call.</summary>
/// <param name="mostAnswerBytes">The most an answer may hold (<see cref="MostAnswerBytes"/>; tests give less).</param>
public sealed class HttpSyncTransport(HttpClient http, long mostAnswerBytes) : ISyncTransport
{
    public const string Unreachable = "unreachable";

    /// <summary>
    /// The most an answer may hold: some 200 times a page of 2,000 rows like the sync figures' (about 1.2 MB), for pages of
    /// long texts, while a server that never ends its answer is stopped long before it fills the laptop's memory.
    /// </summary>
    public const long MostAnswerBytes = 256L * 1024 * 1024;

    /// <summary>The largest answer read so far: the pages of a sync are alike, so each starts in a buffer that large (<see cref="WholeJson"/>).</summary>
    private int _largestAnswer;

    public HttpSyncTransport(HttpClient http)
        : this(http, MostAnswerBytes)
    {
    }

    public Task<EnrolResponse> Enrol(EnrolRequest request, CancellationToken cancel) =>
        Send(HttpMethod.Post, SyncProtocol.EnrolPath, null, JsonContent.Create(request, ProtocolJson.Default.EnrolRequest), ProtocolJson.Default.EnrolResponse, cancel);

    public Task<PushResponse> Push(string token, PushRequest request, CancellationToken cancel) =>
        request.Follows is null ? Push(SyncProtocol.PushPath, token, request, cancel) : PushInTurn(token, request, cancel);

    // A server instance of a release before the path (during an update) does not know it: it applied nothing, as out of turn.
    private async Task<PushResponse> PushInTurn(string token, PushRequest request, CancellationToken cancel)
    {
        try
        {
            return await Push(SyncProtocol.PushInTurnPath, token, request, cancel);
        }
        catch (SyncTransportException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            throw new SyncTransportException(ProblemCodes.OutOfTurn, e.Message, e.Status, e);
        }
    }

    private Task<PushResponse> Push(string path, string token, PushRequest request, CancellationToken cancel) =>
        Send(HttpMethod.Post, path, token, JsonContent.Create(request, ProtocolJson.Default.PushRequest), ProtocolJson.Default.PushResponse, cancel);

    public Task<PullResponse> Pull(string token, long after, int limit, CancellationToken cancel) =>
        Send(HttpMethod.Get, $"{SyncProtocol.PullPath}?after={after}&limit={limit}", token, null, ProtocolJson.Default.PullResponse, cancel);

    public Task<PullResponse> Pull(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel) =>
        PullAhead(token, after, limit, referenceVersion, namesHeld, cancel).Page;

    public PullCall PullAhead(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel)
    {
        var head = new TaskCompletionSource<PageHead>(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = Send(HttpMethod.Get, $"{SyncProtocol.PullPath}?after={after}&limit={limit}&{SyncProtocol.ReferenceQuery}={referenceVersion}&{SyncProtocol.OwnWritesQuery}={SyncProtocol.OwnWritesHeld}", token, null, ProtocolJson.Default.PullResponse, cancel,
            namesHeld is null ? null : (SyncProtocol.NamesHeader, namesHeld),
            headers => { if (PageHead.From(headers) is { } early) head.TrySetResult(early); });
        return PullCall.Racing(head.Task, page);
    }

    public Task<AuditUploadResponse> UploadAudit(string token, AuditUploadRequest request, CancellationToken cancel) =>
        Send(HttpMethod.Post, SyncProtocol.AuditPath, token, JsonContent.Create(request, ProtocolJson.Default.AuditUploadRequest), ProtocolJson.Default.AuditUploadResponse, cancel);

    /// <param name="answered">Told the headers of a successful answer, before its body is read.</param>
    private async Task<T> Send<T>(HttpMethod method, string path, string? token, HttpContent? body, JsonTypeInfo<T> answer, CancellationToken cancel,
        (string Name, string Value)? header = null, Action<HttpResponseHeaders>? answered = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(SyncProtocol.VersionHeader, SyncProtocol.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (header is var (name, value))
            request.Headers.Add(name, value);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = body;

        // The client's timeout ends with the headers, so the body gets one of its own.
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        if (http.Timeout != Timeout.InfiniteTimeSpan)
            reading.CancelAfter(http.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, reading.Token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
        {
            throw new SyncTransportException(Unreachable, "De server is niet bereikbaar.", null, e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                answered?.Invoke(response.Headers);
                try
                {
                    await using var stream = await response.Content.ReadAsStreamAsync(reading.Token);
                    var (read, length) = await WholeJson.Read(stream, answer, response.Content.Headers.ContentLength, mostAnswerBytes, reading.Token, Volatile.Read(ref _largestAnswer));
                    if (length > Volatile.Read(ref _largestAnswer))
                        Volatile.Write(ref _largestAnswer, length);
                    return read ?? throw new SyncTransportException(ProblemCodes.InvalidRequest, "De server gaf een leeg antwoord.", (int)response.StatusCode);
                }
                catch (MessageTooLargeException e)
                {
                    throw new SyncTransportException(ProblemCodes.TooLarge,
                        $"Het antwoord van de server is groter dan {e.MostBytes / (1024 * 1024)} MB; Wijkwerk heeft het niet verwerkt. Neem contact op met de beheerder.", (int)response.StatusCode, e);
                }
                catch (Exception e) when (e is JsonException or HttpRequestException or IOException || e is OperationCanceledException && !cancel.IsCancellationRequested)
                {
                    // A connection cut or stalled halfway through the answer: nothing of it is applied.
                    throw new SyncTransportException(Unreachable, "Het antwoord van de server kwam niet volledig aan.", (int)response.StatusCode, e);
                }
            }

            var problem = await TryReadProblem(response, reading.Token, cancel);
            throw new SyncTransportException(
                problem?.Code ?? (response.StatusCode == HttpStatusCode.Unauthorized ? ProblemCodes.Unauthorized : ProblemCodes.InvalidRequest),
                problem?.Message ?? $"De server weigerde het verzoek ({(int)response.StatusCode}).",
                (int)response.StatusCode);
        }
    }

    /// <param name="reading">Ends the read when the body stalls (the client's timeout) or <paramref name="cancel"/> is asked.</param>
    private static async Task<ProblemResponse?> TryReadProblem(HttpResponseMessage response, CancellationToken reading, CancellationToken cancel)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ProblemResponse, reading);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or HttpRequestException or IOException || e is OperationCanceledException && !cancel.IsCancellationRequested)
        {
            return null;
        }
    }
}
