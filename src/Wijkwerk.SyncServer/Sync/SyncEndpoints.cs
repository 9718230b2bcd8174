using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Enrolment;
using Wijkwerk.SyncServer.Hosting;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Sql;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>POST push and GET pull: a device with a valid token, one sync at a time.</summary>
public static class SyncEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost(SyncProtocol.PushPath, (HttpContext context, ISyncStore store, DeviceGate gate, TimeProvider clock, ILoggerFactory logs) =>
            Push(context, store, gate, clock, logs, inTurn: false));
        app.MapPost(SyncProtocol.PushInTurnPath, (HttpContext context, ISyncStore store, DeviceGate gate, TimeProvider clock, ILoggerFactory logs, ServerSettings settings) =>
            Push(context, store, gate, clock, logs, inTurn: true, TimeSpan.FromMilliseconds(Math.Max(0, settings.InTurnGraceMilliseconds))));
        app.MapGet(SyncProtocol.PullPath, Pull);
        app.MapPost(SyncProtocol.AuditPath, UploadAudit);
    }

    /// <summary>
    /// POST a batch of the device's own audit events (NEN 7513); answers the highest seq the server holds for the device.
    /// A revoked device may still send its own log (append-only, it changes no row) before it wipes itself, so the log stays complete.
    /// </summary>
    private static async Task<IResult> UploadAudit(HttpContext context, ISyncStore store, DeviceGate gate, TimeProvider clock, ILoggerFactory logs)
    {
        var (batch, problem) = await OpenBatch(context, store, gate, ProtocolJson.Default.AuditUploadRequest, r => r.Events, SyncProtocol.MaxAuditEventsPerUpload,
            "Het verzoek mist de lijst 'events' of bevat een lege logregel; werk Wijkwerk bij.", "logregels", admitRevoked: true);
        if (batch is null)
            return problem!;
        using (batch)
        {
            var (device, events) = (batch.Device, batch.Request.Events);
            var log = logs.CreateLogger("Wijkwerk.Audit");
            if (AuditUploadRules.Check(device, events) is var (forbidden, reason))
            {
                log.LogWarning("Audit upload from device {DeviceId} refused ({Count} events, forbidden {Forbidden})", device.DeviceId, events.Count, forbidden);
                return forbidden ? Problems.Result(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, reason) : Problems.Invalid(reason);
            }

            var highest = await store.StoreAuditAsync(device, events, clock.GetUtcNow(), context.RequestAborted);
            log.LogInformation("Audit upload from device {DeviceId}: {Count} events, highest seq {Highest}", device.DeviceId, events.Count, highest);
            return Results.Json(new AuditUploadResponse(highest), ProtocolJson.Default.AuditUploadResponse);
        }
    }

    /// <summary>
    /// How long a push sent in turn waits, from its arrival, for the device's push before it to be answered: about what a
    /// laptop waits for an answer. Then it is answered out of turn, and the laptop sends it again once it has the answer before.
    /// </summary>
    private static readonly TimeSpan InTurnPatience = TimeSpan.FromSeconds(60);

    /// <param name="inTurn">The push came on <see cref="SyncProtocol.PushInTurnPath"/>: it claims the device's next turn as it arrives,
    /// is read while the device's push before it is written, and is applied only if that one was (<see cref="PushTurn"/>).</param>
    /// <param name="grace">For a push in turn that finds itself out of turn: how long it gives the push it follows to arrive.</param>
    private static async Task<IResult> Push(HttpContext context, ISyncStore store, DeviceGate gate, TimeProvider clock, ILoggerFactory logs, bool inTurn, TimeSpan grace = default)
    {
        var arrived = Stopwatch.GetTimestamp();
        IReadOnlyList<PreparedMutation?>? prepared = null;
        var (batch, problem) = await OpenBatch(context, store, gate, ProtocolJson.Default.PushRequest, r => r.Mutations, SyncProtocol.MaxMutationsPerPush,
            "Het verzoek mist de lijst 'mutations' of bevat een lege wijziging; werk Wijkwerk bij.", "wijzigingen",
            inTurn ? r => r.Id is null || r.Follows is null ? "Een push op zijn beurt noemt zijn eigen 'id' en de push ervoor ('follows'); werk Wijkwerk bij." : null : null,
            prepare: (device, r) => prepared = MutationApplier.Prepare(device, r.Mutations, clock.GetUtcNow()));
        if (batch is null)
            return problem!;
        using (batch)
        {
            var device = batch.Device;
            var request = batch.Request;
            var log = logs.CreateLogger("Wijkwerk.Push");
            var audit = AuditWithPush(device, request.Audit, log);
            PushTurn? turn = request.Id is { } id ? new(id, inTurn ? request.Follows : null) : null;
            var answer = await Applied();
            // Sent back to back with the push it follows, a push in turn can overtake it under load: it tries once more, after it.
            if (answer is null && inTurn && await batch.TurnAfterAnother(gate, grace, InTurnPatience - Stopwatch.GetElapsedTime(arrived), context.RequestAborted))
                answer = await Applied();
            if (answer is null)
            {
                log.LogInformation("Push from device {DeviceId} out of turn: {Count} mutations, none applied", device.DeviceId, request.Mutations.Count);
                return OutOfTurn();
            }

            var (results, auditHeld) = answer.Value;

            log.LogInformation(
                "Push from device {DeviceId}: {Count} mutations, {Accepted} accepted, {Conflicts} conflicts, {Refused} refused; {AuditEvents} audit events",
                device.DeviceId, results.Count, results.Count(r => r.Status == SyncProtocol.Results.Accepted),
                results.Count(r => r.Status == SyncProtocol.Results.Conflict), results.Count(r => r.Status == SyncProtocol.Results.Refused), audit.Count);
            return Results.Json(new PushResponse(results) { AuditHeld = auditHeld, InTurn = true }, ProtocolJson.Default.PushResponse);

            // The push stands; the laptop, told nothing of its events, sends them to the audit upload.
            void AuditFailed(Exception failure) =>
                log.LogError(failure, "Push from device {DeviceId}: its {AuditEvents} audit events were not stored beside it", device.DeviceId, audit.Count);

            // The push applied, or null when it is out of turn: the push it follows is not the device's last applied, and nothing of it was.
            async Task<(IReadOnlyList<MutationResult> Results, long? AuditHeld)?> Applied()
            {
                try
                {
                    return await store.PushAsync(device, request.Mutations, audit, clock.GetUtcNow(), turn, prepared, AuditFailed, context.RequestAborted);
                }
                catch (PushOutOfTurnException)
                {
                    return null;
                }
            }
        }
    }

    private static IResult OutOfTurn() => Problems.Result(StatusCodes.Status409Conflict, ProblemCodes.OutOfTurn,
        "Deze wijzigingen kwamen aan voordat die ervoor verwerkt waren; er is niets van verwerkt. Stuur ze opnieuw na het antwoord op die ervoor.");

    /// <summary>
    /// The audit events that came with a push, when the audit upload would store them; otherwise none, and the push goes on
    /// without them: the laptop, told nothing of them, sends them to the audit upload, which answers what is wrong.
    /// </summary>
    private static IReadOnlyList<AuditRecord> AuditWithPush(DeviceSession device, IReadOnlyList<AuditRecord>? events, ILogger log)
    {
        if (events is not { Count: > 0 })
            return [];
        if (events.Count <= SyncProtocol.MaxAuditEventsPerUpload && !events.Any(e => e is null) && AuditUploadRules.Check(device, events) is null)
            return events;
        log.LogWarning("Audit events with a push from device {DeviceId} not stored ({Count} events); left for the audit upload", device.DeviceId, events.Count);
        return [];
    }

    /// <summary>A posted batch from an authenticated device holding its one sync turn: the shared checks of push and audit upload.</summary>
    private sealed class Batch<TRequest>(DeviceSession device, TRequest request, IDisposable turn) : IDisposable
    {
        private IDisposable? _turn = turn;

        public DeviceSession Device { get; } = device;

        public TRequest Request { get; } = request;

        /// <summary>
        /// Gives up the device's turn and takes the next one, after the request that waits for it, or that arrives within
        /// <paramref name="grace"/>, has had it: false when the device's next turn went to another request, or did not come
        /// within <paramref name="patience"/> (grace included).
        /// </summary>
        public async Task<bool> TurnAfterAnother(DeviceGate gate, TimeSpan grace, TimeSpan patience, CancellationToken cancel)
        {
            _turn?.Dispose();
            _turn = null;
            if (patience <= TimeSpan.Zero)
                return false;
            var waited = Stopwatch.GetTimestamp();
            // Handed over at once when a request waited for the turn; else the push it follows may be a moment away.
            if (!gate.IsHeld(Device.DeviceId))
                await Task.Delay(grace < patience ? grace : patience, cancel);
            var left = patience - Stopwatch.GetElapsedTime(waited);
            _turn = await gate.EnterNext(Device.DeviceId, left > TimeSpan.Zero ? left : TimeSpan.Zero, cancel);
            return _turn is not null;
        }

        public void Dispose() => _turn?.Dispose();
    }

    private static async Task<(Batch<TRequest>? Batch, IResult? Problem)> OpenBatch<TRequest, TItem>(
        HttpContext context, ISyncStore store, DeviceGate gate, JsonTypeInfo<TRequest> type, Func<TRequest, IReadOnlyList<TItem>?> items, int max, string missing, string noun,
        Func<TRequest, string?>? inTurn = null, Action<DeviceSession, TRequest>? prepare = null, bool admitRevoked = false)
        where TRequest : class
    {
        var (device, denied) = await Authenticate(context, store, admitRevoked);
        if (denied is not null)
            return (null, denied);
        // Any other batch takes the device's turn before its body is read, and hears busy when another request holds it. A
        // push sent in turn claims the turn after the one held now as it arrives, in the order the laptop sent them, and is
        // read while it waits.
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var entering = inTurn is null ? Task.FromResult(gate.TryEnter(device!.DeviceId)) : gate.EnterNext(device!.DeviceId, InTurnPatience, abandon.Token);
        if (entering is { IsCompletedSuccessfully: true, Result: null })
            return (null, inTurn is null ? Busy() : OutOfTurn());

        TRequest? request;
        IResult? refusal;
        try
        {
            (request, var problem) = await RequestBody.Read(context, type);
            var list = request is null ? null : items(request);
            refusal = problem
                ?? (list is null || list.Any(i => i is null) ? Problems.Invalid(missing) : null)
                ?? (list!.Count > max
                    ? Problems.Result(StatusCodes.Status413PayloadTooLarge, ProblemCodes.TooLarge, $"Te veel {noun} in één keer ({list.Count}); stuur er hoogstens {max} per keer.")
                    : null)
                ?? (inTurn?.Invoke(request!) is { } unnamed ? Problems.Invalid(unnamed) : null);
            // What needs no store is done outside the store's transaction, and for a push in turn while the push before it is written.
            if (refusal is null)
                prepare?.Invoke(device, request!);
        }
        catch (Exception)
        {
            // A body cut off halfway, or one that fails to be made ready: the device's turn, or its claim on the next, goes with the request.
            await Release(entering, abandon);
            throw;
        }

        if (refusal is null && await entering is { } turn)
            return (new Batch<TRequest>(device, request!, turn), null);
        await Release(entering, abandon);
        return (null, refusal ?? OutOfTurn());
    }

    /// <summary>Gives up a turn taken, or the claim on one still waited for.</summary>
    private static async Task Release(Task<IDisposable?> entering, CancellationTokenSource abandon)
    {
        await abandon.CancelAsync();
        try
        {
            (await entering)?.Dispose();
        }
        catch (OperationCanceledException)
        {
            // The claim ended unanswered: no turn was taken.
        }
    }

    private static async Task<IResult> Pull(HttpContext context, ISyncStore store, DeviceGate gate, TimeProvider clock, ILoggerFactory logs)
    {
        var (device, denied) = await Authenticate(context, store);
        if (denied is not null)
            return denied;
        // Below 0: a page of a first pull (FirstPullCursor).
        if (!TryQuery(context, "after", 0, out var after, NumberStyles.AllowLeadingSign) || after < FirstPullCursor.MinAnchor)
            return Problems.Invalid("'after' moet een geheel getal zijn dat de server als anker gaf: 0 of meer, of een negatief getal tijdens een eerste synchronisatie.");
        if (!TryQuery(context, "limit", 500, out var limit) || limit < 0)
            return Problems.Invalid($"'limit' moet een geheel getal van 0 tot {SyncProtocol.MaxPullPageSize} zijn.");
        long? knownReference = null;
        if (context.Request.Query.ContainsKey(SyncProtocol.ReferenceQuery))
        {
            if (!TryQuery(context, SyncProtocol.ReferenceQuery, 0, out var held) || held < 0)
                return Problems.Invalid($"'{SyncProtocol.ReferenceQuery}' moet een geheel getal van 0 of meer zijn.");
            knownReference = held;
        }

        var ownWrites = context.Request.Query[SyncProtocol.OwnWritesQuery].ToString();
        if (ownWrites.Length > 0 && ownWrites != SyncProtocol.OwnWritesHeld)
            return Problems.Invalid($"'{SyncProtocol.OwnWritesQuery}' kan alleen '{SyncProtocol.OwnWritesHeld}' zijn, of ontbreken.");

        // The laptop's connection check: the token is known and the device active; no row is read, sent or logged.
        if (limit == SyncProtocol.CheckOnlyLimit)
            return Results.Json(new PullResponse([], after, false, 0, 0), ProtocolJson.Default.PullResponse);

        using var turn = gate.TryEnter(device!.DeviceId);
        if (turn is null)
            return Busy();

        // A laptop that says which reference version it holds gets the set when the server's differs; one that does not say (older) gets none.
        var page = await store.PullAsync(device, after, (int)Math.Min(limit, SyncProtocol.MaxPullPageSize), clock.GetUtcNow(), ownWrites.Length > 0, knownReference, context.RequestAborted);
        // A laptop that holds the colleagues' names this page would bring is spared them (a big team's list on every pull).
        var head = PageHead.Of(page);
        if (head.Names is not null && head.Names == context.Request.Headers[SyncProtocol.NamesHeader].ToString())
            (page, head) = (page with { Workers = null }, head with { Names = null });

        logs.CreateLogger("Wijkwerk.Pull").LogInformation("Pull by device {DeviceId} after {After}: {Count} changes, next {Next}, more {HasMore}",
            device.DeviceId, after, page.Changes.Count, page.NextAnchor, page.HasMore);
        // Ahead of the rows, so the laptop asks for the next page while it still reads this one; the names' fingerprint taken once, above.
        foreach (var (name, value) in head.Headers())
            context.Response.Headers[name] = value;
        return Results.Json(page, ProtocolJson.Default.PullResponse);
    }

    private static IResult Busy() => Problems.Result(StatusCodes.Status409Conflict, ProblemCodes.Busy,
        "Dit apparaat synchroniseert al; wacht tot die synchronisatie klaar is en probeer het dan opnieuw.");

    private static bool TryQuery(HttpContext context, string name, long fallback, out long value, NumberStyles styles = NumberStyles.None)
    {
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0)
        {
            value = fallback;
            return true;
        }

        return long.TryParse(text, styles, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Bearer token → device. The device's status is checked on every request: a revoked device is told so, and wipes itself;
    /// only where <paramref name="admitRevoked"/> (its own audit log) is it let through.
    /// </summary>
    private static async Task<(DeviceSession? Device, IResult? Problem)> Authenticate(HttpContext context, ISyncStore store, bool admitRevoked = false)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) || header.Length <= Bearer.Length)
            return (null, Unauthorized());
        var device = await store.FindDeviceAsync(Secrets.HashToken(header[Bearer.Length..]), context.RequestAborted);
        if (device is null)
            return (null, Unauthorized());
        if (device.RevokedAt is not null && !admitRevoked)
        {
            return (null, Problems.Result(StatusCodes.Status401Unauthorized, ProblemCodes.Revoked,
                "Dit apparaat is ingetrokken door de beheerder; de gegevens op dit apparaat worden gewist. Neem contact op met de beheerder."));
        }

        return (device, null);
    }

    private static IResult Unauthorized() => Problems.Result(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized,
        "Dit apparaat is niet (meer) aangemeld bij de server; meld het opnieuw aan met een inschrijfcode van de beheerder.");
}
