using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;

namespace Wijkwerk.Tui.Screens;

/// <summary>Who entered a value or made a move, in words: "you (name)", a colleague's name as the server sent it, or "a colleague".</summary>
public static class WhoText
{
    public static string Of(WijkwerkApp app, Id<Worker>? worker)
    {
        if (worker is not { } id)
            return app.T(TextId.UiDetailNobody);
        if (id == app.Store.Identity.WorkerId)
            return app.T(TextId.UiDetailYou, app.Store.Identity.WorkerName);
        return app.Store.Workers.NameOf(id) ?? app.T(TextId.UiDetailColleague);
    }

    /// <summary>A worker as a conflict record holds them: the id as text.</summary>
    public static string Of(WijkwerkApp app, string worker) =>
        Guid.TryParse(worker, out var id) ? Of(app, new Id<Worker>(id)) : app.T(TextId.UiDetailColleague);
}
