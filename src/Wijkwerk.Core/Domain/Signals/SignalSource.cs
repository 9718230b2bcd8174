namespace Wijkwerk.Core.Domain.Signals;

/// <summary>Who noticed something. "Other" comes with a description.</summary>
public enum SignalSource
{
    Pharmacy,
    GeneralPractitioner,
    DistrictNursing,
    Neighbours,
    HousingCorporation,
    Enforcement,
    Police,
    DebtEarlyWarning,
    Other,
}
