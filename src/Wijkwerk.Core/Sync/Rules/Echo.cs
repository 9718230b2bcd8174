using System.Text;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// How a refusal reason quotes what was sent: a short prefix only. Reasons are stored, logged and shown;
/// a quoted 5 MB value or a name would put data where it does not belong.
/// </summary>
public static class Echo
{
    public const int MaxLength = 40;

    /// <summary>At most <see cref="MaxLength"/> characters, then "…"; control characters shown as '?'.</summary>
    public static string Short(string? text)
    {
        if (text is null)
            return "";
        var end = Math.Min(text.Length, MaxLength);
        // Never split a surrogate pair: half a character is not text.
        if (end < text.Length && end > 0 && char.IsHighSurrogate(text[end - 1]))
            end--;
        var shown = new StringBuilder(end + 1);
        foreach (var c in text.AsSpan(0, end))
            shown.Append(char.IsControl(c) ? '?' : c);
        if (end < text.Length)
            shown.Append('…');
        return shown.ToString();
    }

    /// <summary>A domain problem in Dutch, with any text it quotes cut short.</summary>
    public static string Describe(Problem problem) =>
        (problem with { Args = [.. problem.Args.Select(a => a is string s ? Short(s) : a)] }).Describe(Lang.Nl);
}
