using System.Globalization;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Indications;

/// <summary>The advice form as typed: lists are chosen, the rest is raw text, checked all at once.</summary>
public sealed record AdviceInput(
    ProductCategory Category,
    string? ProductCode,
    string? Amount,
    VolumeUnit Unit,
    VolumeFrequency Frequency,
    string? Start,
    string? DurationMonths,
    string? Rationale,
    ZrmAssessment? Zrm,
    string? AlternativesConsidered,
    string? ClientWishes,
    string? MeldingDate,
    string? AanvraagDate,
    LegalBasis LegalBasis,
    ConsentStatus Consent,
    string? ConsentNote,
    bool ClientSupportOffered,
    bool PersonalPlanOffered)
{
    /// <summary>The content, or every problem found.</summary>
    public (AdviceContent? Content, IReadOnlyList<Problem> Problems) Validate(DateOnly today)
    {
        var problems = new List<Problem>();
        // The provision's own rules run with the rest of the content below, so date and consent problems show with them.
        var provision = ParseProvisionParts(Category, ProductCode, Amount, Unit, Frequency, Start, DurationMonths, problems);
        var melding = DateText.Parse(MeldingDate, "meldingsdatum");
        Collect(melding, problems);
        DateOnly? aanvraag = null;
        if (!string.IsNullOrWhiteSpace(AanvraagDate))
        {
            var parsed = DateText.Parse(AanvraagDate, "aanvraagdatum");
            Collect(parsed, problems);
            aanvraag = parsed.IsValid ? parsed.Value : null;
        }

        // Rules across dates need every part read; a part that failed has already said why. The texts and
        // the basis stand on their own, so they are named now too.
        if (provision is null || !melding.IsValid || problems.Count > 0)
        {
            problems.AddRange(TextProblems());
            problems.AddRange(AdviceContent.CheckBasis(LegalBasis, Consent, ConsentNote));
            return (null, problems);
        }

        var content = new AdviceContent(
            provision, (Rationale ?? "").Trim(), Zrm, (AlternativesConsidered ?? "").Trim(), (ClientWishes ?? "").Trim(),
            melding.Value, aanvraag, LegalBasis, Consent, (ConsentNote ?? "").Trim(), ClientSupportOffered, PersonalPlanOffered);
        var contentProblems = content.Check(today);
        return contentProblems.Count == 0 ? (content, []) : (null, contentProblems);
    }

    /// <summary>A provision from typed parts: the advice's own, or the one a consultant decides on.</summary>
    public static Provision? ParseProvision(
        ProductCategory category, string? productCode, string? amount, VolumeUnit unit, VolumeFrequency frequency, string? start, string? durationMonths, List<Problem> problems)
    {
        var provision = ParseProvisionParts(category, productCode, amount, unit, frequency, start, durationMonths, problems);
        if (provision is null)
            return null;
        var provisionProblems = provision.Check().ToList();
        problems.AddRange(provisionProblems);
        return provisionProblems.Count == 0 ? provision : null;
    }

    /// <summary>A provision from typed parts when each part reads, not yet checked as a whole.</summary>
    private static Provision? ParseProvisionParts(
        ProductCategory category, string? productCode, string? amount, VolumeUnit unit, VolumeFrequency frequency, string? start, string? durationMonths, List<Problem> problems)
    {
        var before = problems.Count;
        var parsedVolume = Volume.Parse(amount, unit, frequency);
        Collect(parsedVolume, problems);
        var parsedStart = DateText.Parse(start, "startdatum");
        Collect(parsedStart, problems);
        int? duration = null;
        if (!string.IsNullOrWhiteSpace(durationMonths))
        {
            if (int.TryParse(durationMonths.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var months))
                duration = months;
            else
                problems.Add(new Problem("duur", TextId.DurationShape, Provision.MaxDurationMonths));
        }

        if (problems.Count > before)
            return null;
        return new Provision(category, (productCode ?? "").Trim().ToUpperInvariant(), parsedVolume.Value, parsedStart.Value, duration);
    }

    public static AdviceInput From(AdviceContent content) => new(
        content.Provision.Category,
        content.Provision.ProductCode,
        content.Provision.Volume.AsTyped().Amount,
        content.Provision.Volume.AsTyped().Unit,
        content.Provision.Volume.Frequency,
        DateText.Show(content.Provision.Start),
        content.Provision.DurationMonths?.ToString(CultureInfo.InvariantCulture),
        content.Rationale,
        content.Zrm,
        content.AlternativesConsidered,
        content.ClientWishes,
        DateText.Show(content.MeldingDate),
        content.AanvraagDate is { } aanvraag ? DateText.Show(aanvraag) : "",
        content.LegalBasis,
        content.Consent,
        content.ConsentNote,
        content.ClientSupportOffered,
        content.PersonalPlanOffered);

    private IEnumerable<Problem> TextProblems()
    {
        foreach (var (text, field) in new[] { (Rationale, "onderbouwing"), (AlternativesConsidered, "voorliggende voorzieningen"), (ClientWishes, "wens van de cliënt") })
        {
            if (string.IsNullOrWhiteSpace(text))
                yield return new Problem(field, TextId.FieldRequired);
            else if (text.Trim().Length > AdviceContent.MaxTextLength)
                yield return new Problem(field, TextId.TooLong, AdviceContent.MaxTextLength);
        }
    }

    private static void Collect<T>(Parsed<T> parsed, List<Problem> problems)
    {
        if (!parsed.IsValid)
            problems.Add(parsed.Problem);
    }
}
