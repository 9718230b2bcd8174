using System.Text.Json;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;

namespace Wijkwerk.Core.Storage.Rows;

/// <summary>Self-reliance scores are health data: sealed together with their ZRM version.</summary>
internal static class VisitRows
{
    public const string Table = "home_visits";

    private sealed record ZrmJson(string Version, Dictionary<string, int> Scores);

    public static TableRow ToRow(HomeVisit v) => new TableRow(Table, v.Id.ToString())
        .Plain("client_id", v.ClientId.ToString())
        .Plain("date", DateText.Iso(v.Date))
        .Plain("worker", v.Worker.ToString())
        .Secret("notes", v.Notes)
        .Secret("zrm", v.Zrm is null ? "" : JsonSerializer.Serialize(new ZrmJson(v.Zrm.Version.Code, v.Zrm.Scores.ToDictionary(s => s.Key.ToString(), s => (int)s.Value))));

    public static HomeVisit FromRow(RowReader r)
    {
        var zrmText = r.Secret("zrm");
        ZrmAssessment? zrm = null;
        if (zrmText.Length > 0)
        {
            var json = JsonSerializer.Deserialize<ZrmJson>(zrmText)!;
            var version = ZrmVersion.Find(json.Version) ?? throw new InvalidDataException($"Unknown ZRM version {json.Version}.");
            zrm = ZrmAssessment.Create(version, json.Scores.ToDictionary(s => Enum.Parse<ZrmDomain>(s.Key), s => s.Value)).Value;
        }

        return new HomeVisit(
            new Id<HomeVisit>(Guid.Parse(r.Id)),
            new Id<Client>(Guid.Parse(r.Text("client_id"))),
            DateText.Parse(r.Text("date"), "datum").Value,
            new Id<Worker>(Guid.Parse(r.Text("worker"))),
            r.Secret("notes"),
            zrm);
    }
}
