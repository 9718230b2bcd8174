using System.Text.RegularExpressions;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Indications;

/// <summary>
/// What is advised, or decided: the iWmo product, its volume, and when and how long. The consultant's
/// adjustment is a second provision, so "what changed" is the difference between the two.
/// </summary>
public sealed partial record Provision(ProductCategory Category, string ProductCode, Volume Volume, DateOnly Start, int? DurationMonths)
{
    public const int MaxProductCodeLength = 5;
    public const int MaxDurationMonths = 120;

    public IEnumerable<Problem> Check()
    {
        if (!Enum.IsDefined(Category))
            yield return new Problem("productcategorie", TextId.UnknownCode, Category);
        if (ProductCode.Length > 0 && !ProductCodeShape().IsMatch(ProductCode))
            yield return new Problem("productcode", TextId.ProductCodeShape, MaxProductCodeLength);
        if (DurationMonths is < 1 or > MaxDurationMonths)
            yield return new Problem("duur", TextId.DurationShape, MaxDurationMonths);
        if (!Enum.IsDefined(Category))
            yield break;
        foreach (var problem in Volume.Check(Category, DurationMonths))
            yield return problem;
    }

    /// <summary>The parts that differ from the advised provision: what the consultant changed.</summary>
    public IReadOnlyList<ProvisionPart> ChangesFrom(Provision advised) =>
        Enum.GetValues<ProvisionPart>().Where(part => Show(part, Lang.Nl) != advised.Show(part, Lang.Nl)).ToList();

    /// <summary>One part as a person reads it, e.g. "02 Begeleiding" or "3 uur per week".</summary>
    public string Show(ProvisionPart part, Lang lang) => part switch
    {
        ProvisionPart.Category => EnumTexts.Name(Category, lang),
        ProvisionPart.ProductCode => ProductCode,
        ProvisionPart.Volume => Volume.Show(lang),
        ProvisionPart.Start => DateText.Show(Start),
        _ => DurationMonths is { } months ? Plurals.Show(new Count(months, Noun.Month), lang) : Texts.Get(TextId.DurationOpenEnded, lang),
    };

    [GeneratedRegex("^[A-Za-z0-9]{1,5}$")]
    private static partial Regex ProductCodeShape();
}

public enum ProvisionPart
{
    Category,
    ProductCode,
    Volume,
    Start,
    Duration,
}
