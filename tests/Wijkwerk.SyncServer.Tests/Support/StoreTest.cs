using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>A store test class that runs on both stores: it owns the test's store kind and drops it at the end.</summary>
public abstract class StoreTest(StoreKind kind) : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    protected StoreKind Kind => kind;

    /// <summary>The Dutch day of <see cref="Now"/>, the instant every store call here passes, so a run across Dutch midnight still agrees with itself.</summary>
    protected static DateOnly Today => AmsterdamTime.DayOf(Now);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await kind.DisposeAsync();
}
