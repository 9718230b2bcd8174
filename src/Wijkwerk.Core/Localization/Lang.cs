namespace Wijkwerk.Core.Localization;

/// <summary>The language of everything a person reads. Dutch is the default.</summary>
public enum Lang
{
    Nl,
    En,
}
