using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;

namespace Wijkwerk.Core.Storage.Rows;

/// <summary>Self-reliance scores are health data: sealed together with their ZRM version.</summary>
internal static class VisitRows
{
    public const string Table = "home_visits";

    public static TableRow ToRow(HomeVisit v) => new TableRow(Table, v.Id.ToString())
        .Plain("client_id", v.ClientId.ToString())
        .Plain("date", DateText.Iso(v.Date))
        .Plain("worker", v.Worker.ToString())
        .Secret("notes", v.Notes)
        .Secret("zrm", ZrmText.Write(v.Zrm));

    public static HomeVisit FromRow(RowReader r)
    {
        var zrm = ZrmText.Read(r.Secret("zrm"));
        return new HomeVisit(
            new Id<HomeVisit>(Guid.Parse(r.Id)),
            new Id<Client>(Guid.Parse(r.Text("client_id"))),
            DateText.Parse(r.Text("date"), "datum").Value,
            new Id<Worker>(Guid.Parse(r.Text("worker"))),
            r.Secret("notes"),
            zrm);
    }
}
