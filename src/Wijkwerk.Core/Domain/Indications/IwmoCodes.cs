using System.Globalization;

namespace Wijkwerk.Core.Domain.Indications;

/// <summary>iWmo list WMO020: the national product categories. The value is the two-digit code.</summary>
public enum ProductCategory
{
    HouseholdHelp = 1,
    Guidance = 2,
    PersonalCare = 3,
    ShortStay = 4,
    HousingServices = 5,
    OtherIndividualSupport = 6,
    DayActivities = 7,
    TransportServices = 8,
    OtherGroupSupport = 9,
    OtherCustomArrangements = 10,
    Wheelchairs = 11,
    TransportAids = 12,
    HousingAids = 13,
    OtherAids = 14,
    ShelteredHousing = 15,
    Shelter = 16,
    EmergencyShelter = 17,
    OtherShelteredHousingAndShelter = 18,
}

/// <summary>iWmo list WMO756 (eenheid). With <see cref="Euro"/> the amount is in euro cents.</summary>
public enum VolumeUnit
{
    Minute = 1,
    Hour = 4,
    Etmaal = 14,
    Dagdeel = 16,
    Pieces = 82,
    Euro = 83,
}

/// <summary>iWmo list WMO757 (frequentie).</summary>
public enum VolumeFrequency
{
    PerDay = 1,
    PerWeek = 2,
    PerFourWeeks = 3,
    PerMonth = 4,
    PerYear = 5,
    TotalWithinValidity = 6,
}

/// <summary>The national codes as the municipal system expects them, so an advice can be taken over without retyping.</summary>
public static class IwmoCodes
{
    public static string Code(this ProductCategory category) => ((int)category).ToString("00", CultureInfo.InvariantCulture);

    public static string Code(this VolumeUnit unit) => ((int)unit).ToString("00", CultureInfo.InvariantCulture);

    public static string Code(this VolumeFrequency frequency) => ((int)frequency).ToString(CultureInfo.InvariantCulture);

    /// <summary>Aids are supplied once: counted in pieces or paid as an amount, never by the hour.</summary>
    public static bool IsAid(this ProductCategory category) =>
        category is ProductCategory.Wheelchairs or ProductCategory.TransportAids or ProductCategory.HousingAids or ProductCategory.OtherAids;

    /// <summary>Minutes in one unit of time; null for pieces and euros.</summary>
    public static int? Minutes(this VolumeUnit unit) => unit switch
    {
        VolumeUnit.Minute => 1,
        VolumeUnit.Hour => 60,
        VolumeUnit.Etmaal => 24 * 60,
        VolumeUnit.Dagdeel => 4 * 60,
        _ => null,
    };

    /// <summary>The longest a period can last, in minutes (a month of 31 days, a leap year); null for the whole validity.</summary>
    public static long? Minutes(this VolumeFrequency frequency) => frequency switch
    {
        VolumeFrequency.PerDay => 24 * 60,
        VolumeFrequency.PerWeek => 7 * 24 * 60,
        VolumeFrequency.PerFourWeeks => 28 * 24 * 60,
        VolumeFrequency.PerMonth => 31 * 24 * 60,
        VolumeFrequency.PerYear => 366 * 24 * 60,
        _ => null,
    };
}
