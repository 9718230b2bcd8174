namespace Wijkwerk.Core.Sync.Laptop;

/// <summary>Where this laptop syncs and how far it got. The token itself is sealed like client data.</summary>
public sealed record SyncSettings(Uri? Server, long Anchor, DateTimeOffset? LastSync)
{
    public bool IsEnrolled => Server is not null;
}
