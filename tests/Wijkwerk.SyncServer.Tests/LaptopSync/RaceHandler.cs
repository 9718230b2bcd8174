using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// A real HTTP connection that lets the worker type at one exact moment of a sync: when the first request
/// to <paramref name="path"/> is about to leave, or once its answer is in but before the sync engine has
/// it. The edit runs on the laptop's own connection while the sync runs on a second one, as in the app.
/// </summary>
public sealed class RaceHandler(string path, RaceHandler.Moment moment, Action edit) : DelegatingHandler(new SocketsHttpHandler())
{
    public enum Moment
    {
        BeforeRequest,
        AfterResponse,
    }

    private readonly string _path = path;

    public static string Pull => SyncProtocol.PullPath;

    public static string Push => SyncProtocol.PushPath;

    public bool Raced { get; private set; }

    /// <summary>Runs one sync the way F5 does: on another connection to the laptop's store, with <paramref name="handler"/> in the way.</summary>
    public static async Task<SyncReport> SyncOnSecondConnection(Laptop laptop, Uri server, RaceHandler handler)
    {
        using var second = laptop.Store.OpenAnother();
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = server };
        var report = await new SyncEngine(second, new HttpSyncTransport(http)).Run();
        Assert.True(handler.Raced, $"the sync never reached {handler._path}");
        return report;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var now = !Raced && request.RequestUri!.AbsolutePath == _path;
        if (now && moment == Moment.BeforeRequest)
            Type();
        var response = await base.SendAsync(request, cancellationToken);
        if (now && moment == Moment.AfterResponse)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            Type();
        }

        return response;
    }

    private void Type()
    {
        Raced = true;
        edit();
    }
}
