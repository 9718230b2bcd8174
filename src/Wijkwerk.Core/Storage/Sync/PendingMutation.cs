using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>A mutation to push, with the outbox entries it stands for (all edits of one row since the last push).</summary>
public sealed record PendingMutation(Mutation Mutation, long FirstSeq, long LastSeq);
