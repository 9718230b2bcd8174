using Wijkwerk.SyncServer.Sync;

namespace Wijkwerk.SyncServer.Tests.Sync;

/// <summary>
/// A device's turn: a second request meets "busy" at once, but a push sent in turn waits for the turn held now, one
/// such request per device, and no longer than its patience.
/// </summary>
public sealed class DeviceGateTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);
    private readonly DeviceGate _gate = new();
    private readonly Guid _device = Guid.NewGuid();

    [Fact]
    public async Task ARequestInTurn_WaitsForTheTurnHeldNow_AndTakesItWhenItEnds()
    {
        var held = _gate.TryEnter(_device)!;

        var next = _gate.EnterNext(_device, Long, CancellationToken.None);
        await Task.Delay(50);

        Assert.False(next.IsCompleted);
        Assert.Null(_gate.TryEnter(_device));
        held.Dispose();
        using var taken = await next.WaitAsync(Long);
        Assert.NotNull(taken);
        Assert.Null(_gate.TryEnter(_device));
    }

    [Fact]
    public async Task TheTurnEnding_IsHandedToTheRequestWaitingInTurn_BeforeAnyRequestArrivingMeanwhile()
    {
        var held = _gate.TryEnter(_device)!;
        var next = _gate.EnterNext(_device, Long, CancellationToken.None);

        held.Dispose();
        var meanwhile = _gate.TryEnter(_device);

        Assert.Null(meanwhile);
        using var taken = await next.WaitAsync(Long);
        Assert.NotNull(taken);
    }

    [Fact]
    public async Task ATurnHandedToARequestThatGaveUp_IsPassedOn_AndTheDeviceIsFreeAgain()
    {
        var held = _gate.TryEnter(_device)!;
        using var cancel = new CancellationTokenSource();
        var next = _gate.EnterNext(_device, Long, cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Long));
        held.Dispose();

        using var again = _gate.TryEnter(_device);
        Assert.NotNull(again);
    }

    /// <summary>
    /// The turn handed over just as its waiter gives up: the hand-over reaches the waiter on another thread, so giving up
    /// right after it finds the turn already handed and must pass it on. A turn kept by a waiter that gave up would leave the
    /// device busy for good. Run many times, as the thread pool may now and then deliver the hand-over first.
    /// </summary>
    [Fact]
    public async Task ATurnHandedOverJustAsItsWaiterGivesUp_IsPassedOn_AndTheDeviceIsFreeAgain()
    {
        for (var round = 0; round < 200; round++)
        {
            var held = _gate.TryEnter(_device)!;
            using var cancel = new CancellationTokenSource();
            var next = _gate.EnterNext(_device, Long, cancel.Token);

            held.Dispose();
            await cancel.CancelAsync();
            try
            {
                (await next.WaitAsync(Long))?.Dispose();
            }
            catch (OperationCanceledException)
            {
                // It gave up; the turn it was handed went on.
            }

            using var free = _gate.TryEnter(_device);
            Assert.True(free is not null, $"round {round}: the device stayed busy");
        }
    }

    [Fact]
    public async Task ASecondRequestInTurn_WhileOneWaits_IsNotLetIn()
    {
        using var held = _gate.TryEnter(_device)!;
        var first = _gate.EnterNext(_device, Long, CancellationToken.None);

        var second = await _gate.EnterNext(_device, Long, CancellationToken.None).WaitAsync(Long);

        Assert.Null(second);
        Assert.False(first.IsCompleted);
    }

    [Fact]
    public async Task ARequestInTurn_WhoseTurnDoesNotEndWithinItsPatience_IsNotLetIn_AndTheTurnStaysHeld()
    {
        using var held = _gate.TryEnter(_device)!;

        var next = await _gate.EnterNext(_device, TimeSpan.FromMilliseconds(100), CancellationToken.None).WaitAsync(Long);

        Assert.Null(next);
        Assert.Null(_gate.TryEnter(_device));
    }

    [Fact]
    public async Task ARequestInTurn_OnAFreeDevice_TakesTheTurnAtOnce_AndAnotherDeviceIsNotHeldBack()
    {
        using var taken = await _gate.EnterNext(_device, Long, CancellationToken.None).WaitAsync(Long);
        using var other = _gate.TryEnter(Guid.NewGuid());

        Assert.NotNull(taken);
        Assert.NotNull(other);
    }
}
