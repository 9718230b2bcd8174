namespace Wijkwerk.Core.Domain.Indications;

/// <summary>On what ground the advice is processed; consent is recorded separately, with its own status.</summary>
public enum LegalBasis
{
    WmoTask,
    CareAgreement,
    Consent,
}
