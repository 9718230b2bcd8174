namespace Wijkwerk.Core.Domain.Common;

/// <summary>
/// The id of one entity, made on the laptop. Guid v7 keeps ids roughly in creation order, so
/// SQLite's primary-key index stays append-mostly.
/// </summary>
public readonly record struct Id<TEntity>(Guid Value)
{
    public static Id<TEntity> New(TimeProvider clock) => new(Guid.CreateVersion7(clock.GetUtcNow()));

    public static bool TryParse(string? text, out Id<TEntity> id)
    {
        var ok = Guid.TryParse(text, out var guid) && guid != Guid.Empty;
        id = new Id<TEntity>(guid);
        return ok;
    }

    public override string ToString() => Value.ToString();
}
