using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Fund;

/// <summary>The Dutch calendar day of an instant, as every fund rule counts days.</summary>
internal static class Days
{
    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(AmsterdamTime.ToLocal(instant).DateTime);
}
