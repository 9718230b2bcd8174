using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Common;

/// <summary>The check every form's free text gets, so each form's rules say it the same way.</summary>
public static class TextChecks
{
    /// <summary>Adds the problem of a required text field, if any: empty (or only spaces), or longer than <paramref name="max"/>.</summary>
    public static void Required(List<Problem> problems, string field, string text, int max)
    {
        if (text.Trim().Length == 0)
            problems.Add(new Problem(field, TextId.FieldRequired));
        else if (text.Length > max)
            problems.Add(new Problem(field, TextId.TooLong, max));
    }
}
