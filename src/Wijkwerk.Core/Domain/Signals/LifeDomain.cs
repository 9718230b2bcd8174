namespace Wijkwerk.Core.Domain.Signals;

/// <summary>Den Bosch's five rules of thumb (vuistregels), the short list of life domains.</summary>
public enum LifeDomain
{
    SafeHome = 1,
    HealthyFinances = 2,
    MeaningfulDays = 3,
    FittingSupport = 4,
    PleasantSurroundings = 5,
}
