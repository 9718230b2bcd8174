using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Sync;

/// <summary>The values the server lets a laptop push: what every laptop in scope can store and read back.</summary>
public class ValueRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid Client = Guid.Parse("0193a000-0000-7000-8000-0000000c1001");
    private static readonly Guid Signal = Guid.Parse("0193a000-0000-7000-8000-0000000c5001");
    private static readonly string Worker = TempStore.Identity.WorkerId.ToString();
    private static readonly string ZrmScores = ZrmText.Write(ZrmAssessment.Create(ZrmVersion.Zrm2017, new Dictionary<ZrmDomain, int> { [ZrmDomain.Finances] = 3 }).Value);

    /// <summary>One whole row per dossier table, as the laptop's forms write them.</summary>
    private static Dictionary<string, string?> ValidRow(string table) => table switch
    {
        "clients" => new()
        {
            ["first_name"] = "Jan", ["surname_prefix"] = "van", ["surname"] = "Dijk", ["birth_date"] = "1950-01-02", ["postcode"] = "1234AB",
            ["house_number"] = "5", ["addition"] = "", ["phone"] = "", ["bsn"] = "", ["notes"] = "Eerste regel\nTweede regel",
        },
        "household_members" => new() { ["client_id"] = Client.ToString(), ["name"] = "Piet", ["relation"] = "Partner", ["birth_date"] = "" },
        "consents" => new()
        {
            ["client_id"] = Client.ToString(), ["purpose"] = "Overleg met huisarts", ["status"] = "Given", ["reason"] = "", ["date"] = "2026-11-01", ["recorded_by"] = Worker,
        },
        "signals" => new()
        {
            ["client_id"] = Client.ToString(), ["source"] = "Pharmacy", ["source_other"] = "", ["observation"] = "Post stapelt zich op\tal weken", ["life_domains"] = "1,2",
            ["urgency"] = "Normal", ["consent_in_consultation"] = "1", ["consent_reason"] = "", ["assignee"] = null, ["status"] = "New",
            ["reported_at"] = "2026-11-01T09:00:00.0000000Z", ["picked_up_at"] = null,
        },
        "follow_ups" => new() { ["signal_id"] = Signal.ToString(), ["at"] = "2026-11-02T10:00:00Z", ["worker"] = Worker, ["note"] = "Gebeld met dochter" },
        "home_visits" => new() { ["client_id"] = Client.ToString(), ["date"] = "2026-11-03", ["worker"] = Worker, ["notes"] = "", ["zrm"] = ZrmScores },
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    private static readonly string[] DossierTables = ["clients", "household_members", "consents", "signals", "follow_ups", "home_visits"];

    public static TheoryData<string> Tables => new(DossierTables);

    [Fact]
    public void EverySyncedColumn_HasAFormat_AndNothingElseDoes()
    {
        foreach (var table in SyncSchema.Tables)
            Assert.Equal(table.Columns.Order(), ValueRules.Formats(table.Name).Select(f => f.Column).Order());
    }

    [Fact]
    public void TheColumnsAnInsertMustCarry_AreTheColumnsTheLaptopStoresAsNotNull()
    {
        using var temp = new TempStore();
        using var connection = temp.Raw();
        foreach (var table in SyncSchema.Tables)
        {
            var notNull = new HashSet<string>();
            using (var command = new SqliteCommand($"SELECT name FROM pragma_table_info('{table.Name}') WHERE \"notnull\" = 1", connection))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                    notNull.Add(reader.GetString(0));
            }

            foreach (var format in ValueRules.Formats(table.Name).Where(f => f.Column != AdviceColumns.TeamColumn))
                Assert.True(notNull.Contains(format.Column) == !format.Optional, $"{table.Name}.{format.Column}");
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void AWholeValidRow_PassesEveryCheck_AndTheLaptopStoresAndReadsIt(string table)
    {
        var row = ValidRow(table);

        Assert.Null(ValueRules.CheckPushed(table, row, wholeRow: true, Today));
        Assert.Null(ValueRules.CheckRow(table, row, Guid.NewGuid(), Today));
        using var temp = new TempStore();
        ServerRows.Receive(temp, "clients", Client, ValidRow("clients"));
        ServerRows.Receive(temp, "signals", Signal, ValidRow("signals"));
        var id = table == "clients" ? Client : Guid.NewGuid();
        ServerRows.Receive(temp, table, id, row);
        var dossier = temp.Store.Dossiers.Open(new(Client))!;
        var read = table switch
        {
            "clients" => dossier.Client.Id.Value,
            "household_members" => dossier.Household.Single().Id.Value,
            "consents" => dossier.Consents.Single().Id.Value,
            "signals" => dossier.Signals.Single(s => s.Id.Value == id).Id.Value,
            "follow_ups" => dossier.FollowUps[new(Signal)].Single().Id.Value,
            _ => dossier.Visits.Single().Id.Value,
        };
        Assert.Equal(id, read);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void AnInsertWithoutAColumnTheLaptopCannotStoreWithout_IsRefusedNamingIt(string table)
    {
        foreach (var format in ValueRules.Formats(table).Where(f => !f.Optional))
        {
            var row = ValidRow(table);
            row.Remove(format.Column);

            var reason = ValueRules.CheckPushed(table, row, wholeRow: true, Today);

            Assert.NotNull(reason);
            Assert.Contains($"'{format.Column}'", reason);
            Assert.Null(ValueRules.CheckPushed(table, row, wholeRow: false, Today)); // an update sends only what changed
        }
    }

    [Fact]
    public void AHouseholdMemberWithOnlyAClientId_IsRefusedNamingEveryMissingField()
    {
        var reason = ValueRules.CheckPushed("household_members", new Dictionary<string, string?> { ["client_id"] = Client.ToString() }, wholeRow: true, Today);

        Assert.Equal(
            "Huisgenoot: een nieuwe rij mist de verplichte kolommen 'name', 'relation', 'birth_date'; vul die gegevens in en sla opnieuw op (of werk Wijkwerk bij). Deze wijziging is niet opgeslagen.",
            reason);
    }

    [Theory]
    [InlineData("signals", "observation", "5mb", "is te lang: 5242880 tekens, maximaal 4000")]
    [InlineData("signals", "observation", "4001", "is te lang: 4001 tekens, maximaal 4000")]
    [InlineData("home_visits", "date", "gisteren", "kolom 'date' heeft een ongeldige waarde 'gisteren'; verwacht een bestaande datum als jjjj-mm-dd")]
    [InlineData("home_visits", "date", "2026-02-30", "kolom 'date' heeft een ongeldige waarde")]
    [InlineData("home_visits", "date", "03-11-2026", "kolom 'date' heeft een ongeldige waarde")]
    [InlineData("home_visits", "date", "2027-01-01", "kolom 'date' ligt in de toekomst")]
    [InlineData("home_visits", "zrm", "{not json", "kolom 'zrm' heeft een ongeldige waarde '{not json'")]
    [InlineData("home_visits", "zrm", "{\"Version\":\"ZRM-1999\",\"Scores\":{}}", "kolom 'zrm' heeft een ongeldige waarde")]
    [InlineData("household_members", "relation", "Buurman", "verwacht een van: Partner, Child, Parent, Housemate, Other")]
    [InlineData("household_members", "relation", "1", "kolom 'relation' heeft een ongeldige waarde")]
    [InlineData("household_members", "birth_date", "31-02-never", "kolom 'birth_date' heeft een ongeldige waarde")]
    [InlineData("clients", "first_name", "Ja\0n", "kolom 'first_name' bevat een ongeldig teken (stuurteken U+0000)")]
    [InlineData("clients", "first_name", "Jan\nPiet", "kolom 'first_name' bevat een ongeldig teken (stuurteken U+000A)")]
    [InlineData("clients", "birth_date", "31-02-never", "kolom 'birth_date' heeft een ongeldige waarde")]
    [InlineData("clients", "first_name", "   ", "kolom 'first_name' is verplicht")]
    [InlineData("signals", "consent_in_consultation", "2", "verwacht 0 of 1")]
    [InlineData("signals", "assignee", "Anna", "kolom 'assignee' heeft een ongeldige waarde 'Anna'; verwacht een id")]
    [InlineData("signals", "life_domains", "1,9", "kolom 'life_domains' heeft een ongeldige waarde")]
    [InlineData("signals", "urgency", "urgent", "kolom 'urgency' heeft een ongeldige waarde")]
    [InlineData("signals", "reported_at", "gisteren", "kolom 'reported_at' heeft een ongeldige waarde")]
    [InlineData("follow_ups", "at", "2026-11-02", "kolom 'at' heeft een ongeldige waarde")]
    [InlineData("signals", "picked_up_at", "2026-13-02T10:00:00.1234567Z", "kolom 'picked_up_at' heeft een ongeldige waarde")]
    [InlineData("signals", "picked_up_at", "2026-11-02T10:00:00.123456xZ", "kolom 'picked_up_at' heeft een ongeldige waarde")]
    [InlineData("signals", "picked_up_at", "2026-11-02 10:00:00.1234567Z", "kolom 'picked_up_at' heeft een ongeldige waarde")]
    [InlineData("signals", "picked_up_at", "2026-11-02T10:00:00.12345678", "kolom 'picked_up_at' heeft een ongeldige waarde")]
    [InlineData("signals", "picked_up_at", "2026-11-02T10:00:00.1234567", "kolom 'picked_up_at' heeft een ongeldige waarde")]
    [InlineData("signals", "picked_up_at", "2026-11-02T10:00:00.1234567+01:00Z", "kolom 'picked_up_at' heeft een ongeldige waarde")]
    [InlineData("consents", "status", "Given, Declined", "kolom 'status' heeft een ongeldige waarde")]
    [InlineData("consents", "recorded_by", null, "kolom 'recorded_by' mag niet leeg (null) zijn")]
    public void APushedValueTheFormWouldNotStore_IsRefusedWithAReason(string table, string column, string? value, string expected)
    {
        var pushed = new Dictionary<string, string?>
        {
            [column] = value switch
            {
                "5mb" => new string('x', 5 * 1024 * 1024),
                "4001" => new string('x', 4001),
                _ => value,
            },
        };

        var reason = ValueRules.CheckPushed(table, pushed, wholeRow: false, Today);

        Assert.NotNull(reason);
        Assert.Contains(expected, reason);
        Assert.True(reason.Length < 400, reason);
    }

    [Fact]
    public void HalfASurrogatePair_IsRefused()
    {
        var reason = ValueRules.CheckPushed("clients", new Dictionary<string, string?> { ["surname"] = "Jan" + '\ud800' }, wholeRow: false, Today);

        Assert.Contains("kolom 'surname' bevat een ongeldig teken (losse helft van een teken U+D800)", reason);
    }

    [Theory]
    [InlineData("signals", "observation", "regel een\r\nregel twee\tmet tab")]
    [InlineData("signals", "assignee", null)]
    [InlineData("signals", "assignee", "")]
    [InlineData("signals", "picked_up_at", "2026-11-02T10:00:00+01:00")]
    [InlineData("signals", "picked_up_at", "2026-11-02T10:00:00.1234567Z")]
    [InlineData("signals", "picked_up_at", "2026-11-02T10:00:00.1234567+01:00")]
    [InlineData("signals", "picked_up_at", "2026-11-02T10:00:00.5Z")]
    [InlineData("household_members", "birth_date", "")]
    [InlineData("home_visits", "zrm", "")]
    [InlineData("clients", "surname", "Çelik-Ørsted 😀")]
    public void AValueTheFormWouldStore_Passes(string table, string column, string? value) =>
        Assert.Null(ValueRules.CheckPushed(table, new Dictionary<string, string?> { [column] = value }, wholeRow: false, Today));

    [Theory]
    [InlineData("consents", "status", "NotPossible", "Toestemming: reden")]
    [InlineData("signals", "source", "Other", "Signaal: bron")]
    [InlineData("signals", "consent_in_consultation", "0", "Signaal: grondslag")]
    [InlineData("consents", "date", "2026-12-01", "Toestemming: datum ligt in de toekomst")]
    [InlineData("household_members", "name", "", "Huisgenoot: naam is verplicht")]
    public void ARowTheFormWouldRefuse_IsRefusedByItsDomainRule(string table, string column, string value, string expected)
    {
        var row = ValidRow(table);
        row[column] = value;

        Assert.StartsWith(expected, ValueRules.CheckRow(table, row, Guid.NewGuid(), Today));
    }

    [Fact]
    public void TheConsentReasonOfASignal_IsLimitedLikeTheForm()
    {
        var row = ValidRow("signals");
        row["consent_in_consultation"] = "0";
        row["consent_reason"] = new string('r', ConsentBasis.MaxReasonLength + 1);

        Assert.Contains("te lang", ValueRules.CheckPushed("signals", row, wholeRow: true, Today));
    }

    [Fact]
    public void Echo_QuotesAtMostAShortPrefix_WithoutControlCharacters_OrHalfACharacter()
    {
        Assert.Equal("kort", Echo.Short("kort"));
        Assert.Equal(new string('x', Echo.MaxLength) + "…", Echo.Short(new string('x', 5000)));
        Assert.Equal("a?b", Echo.Short("a\0b"));
        var emoji = new string('x', Echo.MaxLength - 1) + "😀 en verder";
        Assert.Equal(new string('x', Echo.MaxLength - 1) + "…", Echo.Short(emoji));
    }

    [Fact]
    public void RefusalsThatQuoteTheInput_QuoteAShortPrefix()
    {
        var longName = "onbekend_" + new string('k', 10_000);
        var clients = SyncSchema.Find("clients")!;

        var column = RowRules.CheckColumns(clients, [longName])!;
        var value = ValueRules.CheckPushed("household_members", new Dictionary<string, string?> { ["relation"] = longName }, wholeRow: false, Today)!;
        var domain = RowRules.CheckRow("signals", null, new Dictionary<string, string?> { ["life_domains"] = longName }, Guid.NewGuid(), Today, Role.Nurse, Guid.NewGuid())!;

        Assert.All(new[] { column, value, domain }, reason =>
        {
            Assert.Contains(longName[..Echo.MaxLength] + "…", reason);
            Assert.DoesNotContain(longName[..(Echo.MaxLength + 1)], reason);
        });
    }
}
