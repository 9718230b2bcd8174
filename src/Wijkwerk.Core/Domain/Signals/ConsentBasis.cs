namespace Wijkwerk.Core.Domain.Signals;

/// <summary>"In consultation with the resident, unless that is not possible" — and then why.</summary>
public sealed record ConsentBasis(bool InConsultation, string NotPossibleReason)
{
    public const int MaxReasonLength = 200;

    public static ConsentBasis WithResident { get; } = new(true, "");

    public static ConsentBasis NotPossible(string reason) => new(false, reason);
}
