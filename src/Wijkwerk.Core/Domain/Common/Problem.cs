using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Common;

/// <summary>
/// Something wrong with a value a person entered: which field, what is wrong.
/// Carries a text id rather than a sentence so the laptop and the server can show it in either language.
/// </summary>
public sealed record Problem(string Field, TextId Text, params object[] Args)
{
    public string Describe(Lang lang) => Texts.Format(Text, lang, Args);
}

/// <summary>Thrown when code builds a domain value from input it has not validated first.</summary>
public sealed class DomainException(Problem problem) : Exception(problem.Describe(Lang.En))
{
    public Problem Problem { get; } = problem;

    /// <summary>A rule's answer turned into the exception a write refuses with; nothing when the rule is kept.</summary>
    public static void ThrowIf(Problem? problem)
    {
        if (problem is not null)
            throw new DomainException(problem);
    }
}
