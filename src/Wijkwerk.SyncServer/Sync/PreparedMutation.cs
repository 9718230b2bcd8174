using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>
/// What <see cref="MutationApplier"/> can judge of a mutation without the store, worked out by
/// <see cref="MutationApplier.Prepare(DeviceSession, IReadOnlyList{Mutation}, DateTimeOffset)"/> before the push's transaction:
/// a push sent in turn is made ready while the device's push before it is written, and no push keeps the store's writer
/// (on SQLite, every device's) waiting for this work.
/// </summary>
/// <param name="DeviceId">The pushing device it was judged for (its role decides which tables it may write).</param>
/// <param name="Today">The Dutch calendar day it was judged by: a mutation applied on another day is judged again.</param>
/// <param name="Refusal">Refused whatever the store holds (unknown table, operation, column or role, a value not allowed).</param>
/// <param name="Pushed">The pushed values, keyed by ordinal name.</param>
/// <param name="NewRow">An insert into a table whose new rows take the pushed values as they are: the row it creates when the store holds none.</param>
public sealed record PreparedMutation(Mutation Mutation, Guid DeviceId, DateOnly Today, MutationResult? Refusal, SyncSchema.SyncTable? Table, IReadOnlyDictionary<string, string?> Pushed, NewRow? NewRow);
