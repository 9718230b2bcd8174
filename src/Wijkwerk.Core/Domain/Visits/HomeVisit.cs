using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Visits;

/// <summary>A visit at the resident's home: what they told you, so the next professional can look broadly.</summary>
public sealed record HomeVisit(Id<HomeVisit> Id, Id<Client> ClientId, DateOnly Date, Id<Worker> Worker, string Notes, ZrmAssessment? Zrm)
{
    public const int MaxNotesLength = 8000;

    public static Parsed<HomeVisit> Record(
        Id<HomeVisit> id, Id<Client> clientId, DateOnly date, Id<Worker> worker, string? notes, ZrmAssessment? zrm, DateOnly today)
    {
        var text = (notes ?? "").Trim();
        if (date > today)
            return Parsed<HomeVisit>.Fail("datum", TextId.DateInFuture);
        if (text.Length > MaxNotesLength)
            return Parsed<HomeVisit>.Fail("notities", TextId.TooLong, MaxNotesLength);
        return Parsed<HomeVisit>.Ok(new HomeVisit(id, clientId, date, worker, text, zrm));
    }
}
