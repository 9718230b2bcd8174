using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>
/// What <see cref="MutationApplier"/> can judge of a mutation without the store, worked out by
/// <see cref="MutationApplier.Prepare(DeviceSession, IReadOnlyList{Mutation}, DateTimeOffset)"/> while the push waits for its
/// device's turn: the rows of one device are written one push at a time, and this work need not wait in that line.
/// </summary>
/// <param name="Today">The Dutch calendar day it was judged by: a mutation applied on another day is judged again.</param>
/// <param name="Refusal">Refused whatever the store holds (unknown table, operation, column or role, a value not allowed).</param>
/// <param name="Pushed">The pushed values, keyed by ordinal name; read only from here on.</param>
/// <param name="NewRow">An insert into a table whose new rows take the pushed values as they are: the row it creates when the store holds none.</param>
public sealed record PreparedMutation(Mutation Mutation, DateOnly Today, MutationResult? Refusal, SyncSchema.SyncTable? Table, Dictionary<string, string?> Pushed, NewRow? NewRow);
