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

        if (!Enum.IsDefined(LegalBasis))
            problems.Add(new Problem("grondslag", TextId.UnknownCode, LegalBasis));
        if (!Enum.IsDefined(Consent))
            problems.Add(new Problem("toestemming", TextId.UnknownCode, Consent));
        else if (Consent != ConsentStatus.Given && ConsentNote.Trim().Length == 0)
            problems.Add(new Problem("toelichting toestemming", TextId.ConsentNoteRequired));
        if (LegalBasis == LegalBasis.Consent && Consent != ConsentStatus.Given)
            problems.Add(new Problem("grondslag", TextId.LegalBasisConsentNotGiven));
        return problems;
    }

    private static void Text(string text, string field, List<Problem> problems)
    {
        if (text.Trim().Length == 0)
            problems.Add(new Problem(field, TextId.FieldRequired));
        else if (text.Length > MaxTextLength)
            problems.Add(new Problem(field, TextId.TooLong, MaxTextLength));
    }
}
