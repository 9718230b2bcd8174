using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http.Hostile;

/// <summary>Pushed rows the server refuses one by one: unknown names, other teams' rows, values no form allows.</summary>
public sealed partial class HostileRequestTests
{
    private const string Long = "lang_";

    private static readonly Dictionary<string, RowCase> RowCases = new()
    {
        ["the server's own table 'rows'"] = new(_ => [Insert("rows", new() { ["tbl"] = "clients" })], "Onbekende tabel 'rows'"),
        ["a table name in capitals"] = new(_ => [Insert("Clients", ServerFixture.ClientColumns())], "Onbekende tabel 'Clients'"),
        ["no table"] = new(_ => [Insert(null!, ServerFixture.ClientColumns())], "Onbekende tabel"),
        ["a table name of 5,000 characters"] = new(_ => [Insert(Long + new string('t', 5000), [])], $"Onbekende tabel '{Long}{new string('t', 35)}…'"),
        ["operation upsert"] = new(_ => [Insert("clients", ServerFixture.ClientColumns()) with { Operation = "upsert" }], "Onbekende bewerking 'upsert'"),
        ["operation in capitals"] = new(_ => [Insert("clients", ServerFixture.ClientColumns()) with { Operation = "DELETE" }], "Onbekende bewerking 'DELETE'"),
        ["no operation"] = new(_ => [Insert("clients", ServerFixture.ClientColumns()) with { Operation = null! }], "Onbekende bewerking"),
        ["the empty row id"] = new(_ => [Insert("clients", ServerFixture.ClientColumns()) with { RowId = Guid.Empty }], "geen geldig id"),
        ["the sync column 'deleted'"] = new(_ => [Insert("clients", With(ServerFixture.ClientColumns(), "deleted", "1"))], "Onbekende kolom 'deleted'"),
        ["the column 'id'"] = new(_ => [Insert("clients", With(ServerFixture.ClientColumns(), "id", Guid.NewGuid().ToString()))], "Onbekende kolom 'id'"),
        ["a column name of 5,000 characters"] = new(_ => [Insert("clients", With(ServerFixture.ClientColumns(), Long + new string('c', 5000), "x"))], $"Onbekende kolom '{Long}{new string('c', 35)}…'"),
        ["no columns at all"] = new(_ => [Insert("clients", null!)], "mist de verplichte kolommen"),
        ["another team's client changed"] = new(s => [new(0, "clients", s.NoordClient, "update", 1, new Dictionary<string, string?> { ["notes"] = "van Zuid" })], "caseload", s => s.Server.Zora),
        ["a signal for another team's client"] = new(s => [Insert("signals", ServerFixture.SignalColumns(s.NoordClient))], "caseload", s => s.Server.Zora),
        ["a follow-up on another team's signal"] = new(s => [Insert("follow_ups", FollowUp(s))], "caseload", s => s.Server.Zora),
        ["the consultant recording a household member"] = new(s => [Insert("household_members", ServerFixture.HouseholdColumns(s.NoordClient))], "mag geen gegevens", s => s.Server.Carla),
        ["a household member with only a client id"] = new(s => [Insert("household_members", new() { ["client_id"] = s.NoordClient.ToString() })], "'name', 'relation', 'birth_date'"),
        ["a household relation that is no known value"] = new(s => [Insert("household_members", With(ServerFixture.HouseholdColumns(s.NoordClient), "relation", "Buurman"))], "'relation' heeft een ongeldige waarde 'Buurman'"),
        ["a NUL in a name"] = new(_ => [Insert("clients", ServerFixture.ClientColumns("Ja\0n"))], "stuurteken U+0000"),
        ["an escape sequence in notes"] = new(_ => [Insert("clients", With(ServerFixture.ClientColumns(), "notes", "\u001b[2J"))], "stuurteken U+001B"),
        ["a 7 MB note"] = new(_ => [Insert("clients", With(ServerFixture.ClientColumns(), "notes", new string('n', 7 * 1024 * 1024)))], "'notes' is te lang"),
        ["a 4,001 character observation"] = new(s => [Insert("signals", With(ServerFixture.SignalColumns(s.NoordClient), "observation", new string('o', 4001)))], "maximaal 4000"),
        ["a visit dated 'gisteren'"] = new(s => [Insert("home_visits", Visit(s, date: "gisteren"))], "'date' heeft een ongeldige waarde 'gisteren'"),
        ["a visit dated 30 February"] = new(s => [Insert("home_visits", Visit(s, date: "2026-02-30"))], "'date' heeft een ongeldige waarde"),
        ["ZRM scores that are not JSON"] = new(s => [Insert("home_visits", Visit(s, zrm: "{not json"))], "'zrm' heeft een ongeldige waarde"),
        ["a birth date of 31-02-never"] = new(_ => [Insert("clients", With(ServerFixture.ClientColumns(), "birth_date", "31-02-never"))], "'birth_date' heeft een ongeldige waarde '31-02-never'"),
        ["a life domain that does not exist"] = new(s => [Insert("signals", With(ServerFixture.SignalColumns(s.NoordClient), "life_domains", "1,9"))], "'life_domains' heeft een ongeldige waarde"),
        ["an assignee that is a name"] = new(s => [Insert("signals", With(ServerFixture.SignalColumns(s.NoordClient), "assignee", "Anna"))], "'assignee' heeft een ongeldige waarde 'Anna'"),
        ["a flag that says 'ja'"] = new(s => [Insert("signals", With(ServerFixture.SignalColumns(s.NoordClient), "consent_in_consultation", "ja"))], "verwacht 0 of 1"),
        ["an urgency of 5,000 characters"] = new(s => [Insert("signals", With(ServerFixture.SignalColumns(s.NoordClient), "urgency", Long + new string('u', 5000)))], $"'{Long}{new string('u', 35)}…'"),
        ["a required column sent as null"] = new(s => [new(0, "signals", s.NoordSignal, "update", 1, new Dictionary<string, string?> { ["observation"] = null })], "mag niet leeg (null) zijn"),
        ["a signal moved to another client"] = new(s => [new(0, "signals", s.NoordSignal, "update", 1, new Dictionary<string, string?> { ["client_id"] = Guid.NewGuid().ToString() })], "verhuizen"),
        ["a follow-up on a signal the server does not know"] = new(s => [Insert("follow_ups", With(FollowUp(s), "signal_id", Guid.NewGuid().ToString()))], "niet bekend op de server"),
        ["a conflict record created by a laptop"] = new(_ => [Insert("conflicts", new() { ["resolved"] = "ja" })], "aanmaken of verwijderen kan niet"),
        ["a conflict that does not exist marked resolved"] = new(_ => [new(0, "conflicts", Guid.NewGuid(), "update", 1, new Dictionary<string, string?> { ["resolved"] = "ja" })], "niet bekend op de server"),
    };

    private static Dictionary<string, string?> FollowUp(Setup s) => new()
    {
        ["signal_id"] = s.NoordSignal.ToString(), ["at"] = "2026-11-02T10:00:00Z", ["worker"] = s.Server.Anna.WorkerId.ToString(), ["note"] = "Gebeld",
    };
}
