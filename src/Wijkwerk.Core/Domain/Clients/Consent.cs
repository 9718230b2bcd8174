using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Clients;

public enum ConsentStatus
{
    Given,
    Declined,
    NotPossible,
}

/// <summary>
/// What the resident said about one purpose. Consent is recorded separately from the legal basis:
/// it never replaces one (AVG art. 9).
/// </summary>
public sealed record Consent(
    Id<Consent> Id,
    Id<Client> ClientId,
    string Purpose,
    ConsentStatus Status,
    string Reason,
    DateOnly Date,
    Id<Worker> RecordedBy)
{
    public const int MaxPurposeLength = 200;
    public const int MaxReasonLength = 4000;

    public static Parsed<Consent> Record(
        Id<Consent> id, Id<Client> clientId, string? purpose, ConsentStatus status, string? reason, DateOnly date, Id<Worker> recordedBy, DateOnly today)
    {
        var what = (purpose ?? "").Trim();
        var why = (reason ?? "").Trim();
        if (what.Length == 0)
            return Parsed<Consent>.Fail("doel", TextId.FieldRequired);
        if (what.Length > MaxPurposeLength)
            return Parsed<Consent>.Fail("doel", TextId.TooLong, MaxPurposeLength);
        // "Not possible" must say why, or the next professional cannot judge whether to ask again.
        if (status == ConsentStatus.NotPossible && why.Length == 0)
            return Parsed<Consent>.Fail("reden", TextId.ConsentReasonRequired);
        if (why.Length > MaxReasonLength)
            return Parsed<Consent>.Fail("reden", TextId.TooLong, MaxReasonLength);
        if (date > today)
            return Parsed<Consent>.Fail("datum", TextId.DateInFuture);
        return Parsed<Consent>.Ok(new Consent(id, clientId, what, status, why, date, recordedBy));
    }
}
