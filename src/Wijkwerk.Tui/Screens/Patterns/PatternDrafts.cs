using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Tui.App;

namespace Wijkwerk.Tui.Screens.Patterns;

/// <summary>
/// The draft keys of the pattern step forms, and reopening such a form from its draft over the patterns list and the
/// pattern's detail; a draft whose pattern is gone, or has moved past the step, is dropped.
/// </summary>
public static class PatternDrafts
{
    private const string Prefix = "pattern-";

    public static string Key(PatternState to, Guid pattern) => Prefix + to.ToString().ToLowerInvariant() + ":" + pattern;

    public static bool Owns(string kind) => kind.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool Open(WijkwerkApp app, string key, string kind, string id)
    {
        var to = Enum.GetValues<PatternState>().Cast<PatternState?>().FirstOrDefault(s => Prefix + s.ToString()!.ToLowerInvariant() == kind);
        if (to is not { } step || !Guid.TryParse(id, out var patternId) || app.Store.Patterns.Find(patternId) is not { } view
            || !app.Store.Patterns.AllowedMoves(view).Contains(step))
        {
            app.Store.Drafts.Delete(key);
            return false;
        }

        app.Push(new PatternsScreen(app));
        app.Push(new PatternDetailScreen(app, patternId));
        app.Push(PatternStepFormScreen.For(app, view, step));
        return true;
    }
}
