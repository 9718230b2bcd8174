using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Indications;

/// <summary>
/// What the author writes: the advised provision and the reasons for it, the Wmo dates, and on what
/// basis it is processed. Only the author changes it; the consultant's changes go into the decision.
/// </summary>
public sealed record AdviceContent(
    Provision Provision,
    string Rationale,
    ZrmAssessment? Zrm,
    string AlternativesConsidered,
    string ClientWishes,
    DateOnly MeldingDate,
    DateOnly? AanvraagDate,
    LegalBasis LegalBasis,
    ConsentStatus Consent,
    string ConsentNote,
    bool ClientSupportOffered,
    bool PersonalPlanOffered)
{
    public const int MaxTextLength = 4000;

    /// <summary>Every problem at once, so the form shows them together.</summary>
    public IReadOnlyList<Problem> Check(DateOnly today)
    {
        var problems = Provision.Check().ToList();
        Text(Rationale, "onderbouwing", problems);
        Text(AlternativesConsidered, "voorliggende voorzieningen", problems);
        Text(ClientWishes, "wens van de cliënt", problems);
        if (ConsentNote.Length > MaxTextLength)
            problems.Add(new Problem("toelichting toestemming", TextId.TooLong, MaxTextLength));

        if (MeldingDate > today)
            problems.Add(new Problem("meldingsdatum", TextId.DateInFuture));
        if (AanvraagDate is { } aanvraag && aanvraag > today)
            problems.Add(new Problem("aanvraagdatum", TextId.DateInFuture));
        if (AanvraagDate is { } applied && applied < MeldingDate)
            problems.Add(new Problem("aanvraagdatum", TextId.DateBeforeOther, TextId.FieldMeldingDate, DateText.Show(MeldingDate)));
        if (Provision.Start < MeldingDate)
            problems.Add(new Problem("startdatum", TextId.DateBeforeOther, TextId.FieldMeldingDate, DateText.Show(MeldingDate)));

        problems.AddRange(CheckBasis(LegalBasis, Consent, ConsentNote));
        return problems;
    }

    /// <summary>On what ground, and with what consent: checked on its own too, so a form shows it while other parts do not read yet.</summary>
    public static IEnumerable<Problem> CheckBasis(LegalBasis basis, ConsentStatus consent, string? consentNote)
    {
        if (!Enum.IsDefined(basis))
            yield return new Problem("grondslag", TextId.UnknownCode, basis);
        if (!Enum.IsDefined(consent))
            yield return new Problem("toestemming", TextId.UnknownCode, consent);
        else if (consent != ConsentStatus.Given && (consentNote ?? "").Trim().Length == 0)
            yield return new Problem("toelichting toestemming", TextId.ConsentNoteRequired);
        if (basis == LegalBasis.Consent && consent != ConsentStatus.Given)
            yield return new Problem("grondslag", TextId.LegalBasisConsentNotGiven);
    }

    private static void Text(string text, string field, List<Problem> problems)
    {
        if (text.Trim().Length == 0)
            problems.Add(new Problem(field, TextId.FieldRequired));
        else if (text.Length > MaxTextLength)
            problems.Add(new Problem(field, TextId.TooLong, MaxTextLength));
    }
}
