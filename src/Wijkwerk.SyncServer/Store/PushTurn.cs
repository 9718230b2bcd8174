namespace Wijkwerk.SyncServer.Store;

/// <summary>
/// A push's place among its device's pushes (<see cref="Wijkwerk.Core.Sync.Protocol.PushRequest.Id"/> and
/// <see cref="Wijkwerk.Core.Sync.Protocol.PushRequest.Follows"/>): its own id, which the store records in the push's
/// transaction, and the id of the push it must follow, applied only when that one is the device's last push recorded.
/// </summary>
public sealed record PushTurn(Guid Id, Guid? Follows);

/// <summary>A push whose push before it (<see cref="PushTurn.Follows"/>) is not the device's last applied push: nothing of it was applied.</summary>
public sealed class PushOutOfTurnException() : Exception("The push this one follows is not the device's last applied push.");
