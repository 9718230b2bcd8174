using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Storage;

public enum StoreProblem
{
    Damaged,
    NewerSchema,
    WrongPassphrase,
    Locked,
}

/// <summary>The store cannot be used as it is; the file has not been changed.</summary>
public sealed class StoreException(StoreProblem problem, TextId text, params object[] args)
    : Exception(Texts.Format(text, Lang.En, args))
{
    public StoreProblem Problem { get; } = problem;

    public string Describe(Lang lang) => Texts.Format(text, lang, args);
}
