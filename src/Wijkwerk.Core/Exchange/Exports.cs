using System.Globalization;
using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Rows;

namespace Wijkwerk.Core.Exchange;

/// <summary>
/// What leaves the store as a file. Once delivered, an export is logged per client it contains, so the
/// resident's "who looked at my file" list shows it; an export that failed to be written is not.
/// Columns and values are in the reader's language: the names the screens show, never the code's.
/// </summary>
public static class Exports
{
    public static ExportTable Clients(LocalStore store, Lang lang = Lang.Nl)
    {
        var clients = store.Query(ClientRows.Table, "", ClientRows.FromRow).OrderBy(c => c.Name.SortForm, PersonName.DutchOrder).ToList();
        return new ExportTable(
            "clients",
            ExportColumns.Show(["id", "voornaam", "tussenvoegsel", "achternaam", "geboortedatum", "postcode", "huisnummer", "toevoeging", "telefoon", "bsn", "notities"], lang),
            clients.Select(c => new string?[]
            {
                c.Id.ToString(), c.Name.FirstName, c.Name.Prefix, c.Name.Surname, DateText.Iso(c.BirthDate), c.Address.Postcode.Value,
                c.Address.HouseNumber.ToString(CultureInfo.InvariantCulture), c.Address.Addition, c.Phone?.Value, c.Bsn?.Digits, c.Notes,
            }).ToList(),
            clients.Select(c => c.Id.Value).ToList());
    }

    public static ExportTable Signals(LocalStore store, Lang lang = Lang.Nl)
    {
        var signals = store.Query(SignalRows.Table, "", SignalRows.FromRow).OrderBy(s => s.ReportedAt).ToList();
        return new ExportTable(
            "signals",
            ExportColumns.Show(["id", "client_id", "bron", "bron_anders", "observatie", "levensdomeinen", "urgentie", "deadline", "status", "gemeld_op", "opgepakt_op", "toegewezen_aan", "knelpunt"], lang),
            signals.Select(s => new string?[]
            {
                s.Id.ToString(), s.ClientId.ToString(), EnumTexts.Name(s.Source, lang), s.SourceOther, s.Observation,
                string.Join(' ', s.LifeDomains.Order().Select(d => (int)d)), EnumTexts.Name(s.Urgency, lang),
                s.Deadline is { } d ? InstantText.Write(d) : null, EnumTexts.Name(s.Status, lang), InstantText.Write(s.ReportedAt),
                s.PickedUpAt is { } p ? InstantText.Write(p) : null, s.Assignee?.ToString(), ExportColumns.Optional(s.BottleneckTag),
            }).ToList(),
            signals.Select(s => s.ClientId.Value).Distinct().ToList());
    }

    public static ExportTable Visits(LocalStore store, Lang lang = Lang.Nl)
    {
        var visits = store.Query(VisitRows.Table, "", VisitRows.FromRow).OrderBy(v => v.Date).ToList();
        var domains = Enum.GetValues<ZrmDomain>();
        return new ExportTable(
            "home_visits",
            [.. ExportColumns.Show(["id", "client_id", "datum", "medewerker", "notities", "zrm_versie"], lang), .. domains.Select(d => ExportColumns.For("zrm", d, lang))],
            visits.Select(v => new string?[] { v.Id.ToString(), v.ClientId.ToString(), DateText.Iso(v.Date), v.Worker.ToString(), v.Notes, v.Zrm?.Version.Code }
                .Concat(domains.Select(d => v.Zrm?.ScoreFor(d) is { } score ? ((int)score).ToString(CultureInfo.InvariantCulture) : null))
                .ToArray()).ToList(),
            visits.Select(v => v.ClientId.Value).Distinct().ToList());
    }

    /// <summary>With a client id: the resident's own access log, as NEN 7513 gives them the right to ask.</summary>
    public static ExportTable Audit(LocalStore store, Id<Client>? client, Lang lang = Lang.Nl)
    {
        var events = AuditLog.Read(store, client);
        return new ExportTable(
            "audit_events",
            ExportColumns.Show(["id", "gebeurtenis", "tijdstip_utc", "client_id", "medewerker", "rol", "apparaat", "uitkomst", "details"], lang),
            events.Select(e => new string?[]
            {
                e.Seq.ToString(CultureInfo.InvariantCulture), EnumTexts.Name(e.Type, lang), InstantText.Write(e.At), e.ClientId?.ToString(),
                e.WorkerId.ToString(), RoleName(e.Role, lang), e.DeviceId.ToString(), EnumTexts.Name(e.Outcome, lang), e.Detail,
            }).ToList(),
            client is { } id ? [id.Value] : []);
    }

    /// <summary>The log keeps the role's code, as it travels to the server; a reader gets the role's name.</summary>
    private static string RoleName(string code, Lang lang) => RoleCodes.TryParse(code, out var role) ? EnumTexts.Name(role, lang) : code;

    /// <summary>Logs a delivered export: one event per client in it, or one without a client for a table that names none.</summary>
    public static void RecordDelivery(LocalStore store, ExportTable table) => store.Write(scope =>
    {
        if (table.ClientIds.Count == 0)
            scope.Audit(AuditEventType.Export, null, $"table={table.Table};rows={table.Rows.Count}");
        foreach (var id in table.ClientIds)
            scope.Audit(AuditEventType.Export, id, "table=" + table.Table);
        return 0;
    });
}
