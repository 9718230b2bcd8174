using System.Net;
using System.Net.Http.Json;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>
/// Issue 9, scenarios 4, 7, 8 and 13 on the real server: every value it stores (as a row or as the other side
/// of a conflict) passes the laptop's own rules first, a stale delete does not discard a newer update, and no
/// child row is taken for a client deleted elsewhere.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ServerDecidesValuesTests(ServerFixture server)
{
    private const string Refused = SyncProtocol.Results.Refused;

    private long ConflictsOf(Guid row) => ServerStore.Count(server.Db, "SELECT count(*) FROM conflicts WHERE row_id = $r", ("$r", row.ToString()));

    private async Task<RowChange> ServerRow(Guid row) => (await server.Anna.PullAll(0)).Changes.Last(c => c.RowId == row);

    // ---------------------------------------------------------------- scenario 4: rows laptops cannot store

    [Fact]
    public async Task Push_HouseholdMemberWithOnlyClientId_IsRefusedNamingTheMissingFields()
    {
        var client = await server.NewNoordClient();
        var member = Guid.NewGuid();

        var result = await server.Anna.PushOne("household_members", member, "insert", 0, new() { ["client_id"] = client.ToString() });

        Assert.Equal(Refused, result.Status);
        Assert.StartsWith("Huisgenoot: een nieuwe rij mist de verplichte kolommen 'name', 'relation', 'birth_date'", result.Reason);
        var (bramSees, _) = await server.Bram.PullAll(0);
        Assert.DoesNotContain(bramSees, c => c.RowId == member);
    }

    [Fact]
    public async Task Push_UpdateOfARowTheServerDoesNotHave_MustCarryTheWholeRow()
    {
        var client = await server.NewNoordClient();
        var member = Guid.NewGuid();

        var partial = await server.Anna.PushOne("household_members", member, "update", 3, new() { ["client_id"] = client.ToString(), ["name"] = "Piet" });
        var whole = await server.Anna.PushOne("household_members", member, "update", 3, ServerFixture.HouseholdColumns(client));

        Assert.Equal(Refused, partial.Status);
        Assert.Contains("'relation', 'birth_date'", partial.Reason);
        Assert.Equal((SyncProtocol.Results.Accepted, 1L), (whole.Status, whole.Version));
    }

    [Fact]
    public async Task Push_EveryDossierTable_AWholeRowIsAccepted_AndReachesTheOtherLaptopWhole()
    {
        var client = await server.NewNoordClient();
        var signal = Guid.NewGuid();
        var rows = new (string Table, Guid Id, Dictionary<string, string?> Columns)[]
        {
            ("household_members", Guid.NewGuid(), ServerFixture.HouseholdColumns(client)),
            ("signals", signal, ServerFixture.SignalColumns(client)),
            ("follow_ups", Guid.NewGuid(), new() { ["signal_id"] = signal.ToString(), ["at"] = "2026-11-02T10:00:00Z", ["worker"] = server.Anna.WorkerId.ToString(), ["note"] = "Gebeld" }),
            ("consents", Guid.NewGuid(), new() { ["client_id"] = client.ToString(), ["purpose"] = "Overleg huisarts", ["status"] = "Given", ["reason"] = "", ["date"] = "2026-11-01", ["recorded_by"] = server.Anna.WorkerId.ToString() }),
            ("home_visits", Guid.NewGuid(), new() { ["client_id"] = client.ToString(), ["date"] = "2026-11-03", ["worker"] = server.Anna.WorkerId.ToString(), ["notes"] = "Koffie\ngedronken", ["zrm"] = "" }),
        };

        var results = (await server.Anna.Push([.. rows.Select(r => new Mutation(server.Anna.NextMutationId(), r.Table, r.Id, "insert", 0, r.Columns))])).Results;
        var (bramSees, _) = await server.Bram.PullAll(0);

        Assert.All(results, r => Assert.Equal(SyncProtocol.Results.Accepted, r.Status));
        foreach (var (table, id, columns) in rows)
            Assert.Equal(columns.OrderBy(c => c.Key), bramSees.Single(c => c.RowId == id).Columns.OrderBy(c => c.Key));
    }

    // ---------------------------------------------------------------- scenario 13: the server decides every value

    [Fact]
    public async Task Push_TheValuesNoFormAllows_AreEachRefusedWithAReason_AndNothingIsStored()
    {
        var client = await server.NewNoordClient();
        var signal = ServerFixture.SignalColumns(client);
        signal["observation"] = new string('x', 5 * 1024 * 1024);
        var visit = new Dictionary<string, string?> { ["client_id"] = client.ToString(), ["date"] = "gisteren", ["worker"] = server.Anna.WorkerId.ToString(), ["notes"] = "", ["zrm"] = "" };
        var zrm = new Dictionary<string, string?>(visit) { ["date"] = "2026-11-03", ["zrm"] = "{not json" };
        var relation = ServerFixture.HouseholdColumns(client);
        relation["relation"] = "Buurman";
        var nul = ServerFixture.ClientColumns("Ja\0n");
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var before = ServerStore.Snapshot(server.Db, "applied_mutations");

        var results = (await server.Anna.Push(
            new Mutation(server.Anna.NextMutationId(), "signals", ids[0], "insert", 0, signal),
            new Mutation(server.Anna.NextMutationId(), "home_visits", ids[1], "insert", 0, visit),
            new Mutation(server.Anna.NextMutationId(), "home_visits", ids[2], "insert", 0, zrm),
            new Mutation(server.Anna.NextMutationId(), "household_members", ids[3], "insert", 0, relation),
            new Mutation(server.Anna.NextMutationId(), "clients", ids[4], "insert", 0, nul))).Results;

        Assert.All(results, r => Assert.Equal(Refused, r.Status));
        Assert.Equal(
            [
                "Signaal: kolom 'observation' is te lang: 5242880 tekens, maximaal 4000",
                "Huisbezoek: kolom 'date' heeft een ongeldige waarde 'gisteren'",
                "Huisbezoek: kolom 'zrm' heeft een ongeldige waarde '{not json'",
                "Huisgenoot: kolom 'relation' heeft een ongeldige waarde 'Buurman'",
                "Cliëntgegevens: kolom 'first_name' bevat een ongeldig teken (stuurteken U+0000)",
            ],
            results.Select(r => r.Reason![..r.Reason!.IndexOfAny([';', '.'])]));
        ServerStore.AssertSame(before, ServerStore.Snapshot(server.Db, "applied_mutations"), "refused values");
        await server.AssertHealthy();
    }

    [Fact]
    public async Task Push_OnAStaleBase_AnUnreadableValue_IsRefused_NotKeptAsAConflict()
    {
        var client = await server.NewNoordClient();
        Assert.Equal(SyncProtocol.Results.Accepted, (await server.Anna.PushOne("clients", client, "update", 1, new() { ["notes"] = "Anna", ["birth_date"] = "1950-01-03" })).Status);

        var longNote = await server.Bram.PushOne("clients", client, "update", 1, new() { ["notes"] = new string('n', 5 * 1024 * 1024) });
        var badDate = await server.Bram.PushOne("clients", client, "update", 1, new() { ["birth_date"] = "31-02-never" });
        var readable = await server.Bram.PushOne("clients", client, "update", 1, new() { ["notes"] = "Bram" });

        Assert.Equal((Refused, Refused), (longNote.Status, badDate.Status));
        Assert.Contains("kolom 'notes' is te lang", longNote.Reason);
        Assert.Contains("kolom 'birth_date' heeft een ongeldige waarde '31-02-never'", badDate.Reason);
        Assert.Equal(SyncProtocol.Results.Conflict, readable.Status); // the same stale edit with a value a laptop can read is a conflict
        Assert.Equal(1, ConflictsOf(client));
        var row = await ServerRow(client);
        Assert.Equal(("Anna", "1950-01-03"), (row.Columns["notes"], row.Columns["birth_date"]));
    }

    [Fact]
    public async Task Push_UpdateOfARowDeletedElsewhere_WithAnUnreadableValue_IsRefused_NotKeptAsAConflict()
    {
        var client = await server.NewNoordClient();
        var member = Guid.NewGuid();
        await server.Anna.PushOne("household_members", member, "insert", 0, ServerFixture.HouseholdColumns(client));
        Assert.Equal(SyncProtocol.Results.Accepted, (await server.Anna.PushOne("household_members", member, "delete", 1, new())).Status);

        var unreadable = await server.Bram.PushOne("household_members", member, "update", 1, new() { ["relation"] = "Buurman", ["name"] = "Piet\u0007" });
        var readable = await server.Bram.PushOne("household_members", member, "update", 1, new() { ["name"] = "Pieter" });

        Assert.Equal(Refused, unreadable.Status);
        Assert.Contains("kolom", unreadable.Reason);
        Assert.Equal(SyncProtocol.Results.Conflict, readable.Status);
        Assert.Equal(1, ConflictsOf(member));
    }

    [Fact]
    public async Task AuditUpload_ClaimingAnotherRoleThanTheDevices_IsForbidden_AndNothingIsStored()
    {
        var client = Guid.NewGuid();
        var laptop = await server.NewDevice("Anna");
        var before = ServerStore.Count(server.Db, "SELECT count(*) FROM audit_events");

        var (asConsultant, _, problem) = await laptop.UploadAudit(laptop.AuditEvent(1, client) with { Role = "consultant" });
        var (asTeamLeader, _, _) = await laptop.UploadAudit(laptop.AuditEvent(2, client), laptop.AuditEvent(3, client) with { Role = "teamleader" });
        var (asUnknown, _, _) = await laptop.UploadAudit(laptop.AuditEvent(4, client) with { Role = "root" });
        var (own, answer, _) = await laptop.UploadAudit(laptop.AuditEvent(5, client));

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { asConsultant, asTeamLeader, asUnknown });
        Assert.Equal(ProblemCodes.Forbidden, problem!.Code);
        Assert.Contains("andere rol", problem.Message);
        Assert.Equal((HttpStatusCode.OK, 5L), (own, answer!.HighestSeq));
        Assert.Equal(before + 1, ServerStore.Count(server.Db, "SELECT count(*) FROM audit_events"));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Push_NotSentAsJson_Answers415_AndIsNotApplied(string contentType)
    {
        var client = Guid.NewGuid();
        var body = System.Text.Json.JsonSerializer.Serialize(new PushRequest([new Mutation(server.Anna.NextMutationId(), "clients", client, "insert", 0, ServerFixture.ClientColumns())]), SyncClient.Json);
        using var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await server.Http.SendAsync(SyncClient.Request(HttpMethod.Post, SyncProtocol.PushPath, server.Anna.Token, content));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json))!;
        Assert.Equal(ProblemCodes.InvalidRequest, problem.Code);
        Assert.Contains("application/json", problem.Message);
        Assert.Equal(0, ServerStore.Count(server.Db, "SELECT count(*) FROM rows WHERE row_id = $r", ("$r", client.ToString())));
    }

    [Theory]
    [InlineData("GET", SyncProtocol.PushPath, "POST")]
    [InlineData("PUT", SyncProtocol.AuditPath, "POST")]
    [InlineData("DELETE", SyncProtocol.EnrolPath, "POST")]
    [InlineData("POST", SyncProtocol.PullPath, "GET")]
    [InlineData("POST", "/healthz", "GET")]
    public async Task WrongMethod_OnAKnownPath_Answers405WithTheAllowedMethods(string method, string path, string allowed)
    {
        using var response = await server.Http.SendAsync(SyncClient.Request(new HttpMethod(method), path, server.Anna.Token, SyncClient.JsonBody("{}")));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal([allowed], response.Content.Headers.Allow);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json))!;
        Assert.Equal(ProblemCodes.InvalidRequest, problem.Code);
        Assert.Contains($"alleen {allowed}", problem.Message);
    }

    [Fact]
    public async Task RefusalReasons_QuoteAtMostAShortPrefixOfWhatWasSent()
    {
        var client = await server.NewNoordClient();
        var sent = "geheim_" + new string('g', 5000);
        var signal = ServerFixture.SignalColumns(client);
        signal["urgency"] = sent;

        var results = (await server.Anna.Push(
            new Mutation(server.Anna.NextMutationId(), sent, Guid.NewGuid(), "insert", 0, new Dictionary<string, string?>()),
            new Mutation(server.Anna.NextMutationId(), "clients", client, sent, 1, new Dictionary<string, string?>()),
            new Mutation(server.Anna.NextMutationId(), "clients", client, "update", 1, new Dictionary<string, string?> { [sent] = "x" }),
            new Mutation(server.Anna.NextMutationId(), "signals", Guid.NewGuid(), "insert", 0, signal),
            new Mutation(server.Anna.NextMutationId(), "conflicts", Guid.NewGuid(), "update", 1, new Dictionary<string, string?> { [sent] = "x", ["resolved"] = "ja" }))).Results;

        Assert.All(results, r =>
        {
            Assert.Equal(Refused, r.Status);
            Assert.Contains(sent[..Echo.MaxLength] + "…", r.Reason);
            Assert.DoesNotContain(sent[..(Echo.MaxLength + 1)], r.Reason);
        });
    }

    // ---------------------------------------------------------------- scenario 7: a delete on an old version

    [Fact]
    public async Task Delete_OnAnOlderVersionThanAnotherDevicesUpdate_BecomesAConflict_AndTheUpdateStands()
    {
        var client = await server.NewNoordClient();
        Assert.Equal(SyncProtocol.Results.Accepted, (await server.Anna.PushOne("clients", client, "update", 1, new() { ["notes"] = "Nieuwe sleutelkluis" })).Status);

        var delete = await server.Bram.PushOne("clients", client, "delete", 1, new());
        var (annaSees, _) = await server.Anna.PullAll(0);

        Assert.Equal((SyncProtocol.Results.Conflict, 2L), (delete.Status, delete.Version));
        Assert.Equal(["deleted"], delete.ConflictColumns);
        var row = annaSees.Last(c => c.RowId == client);
        Assert.False(row.Deleted);
        Assert.Equal((2L, "Nieuwe sleutelkluis"), (row.Version, row.Columns["notes"]));
        var conflict = annaSees.Single(c => c.Table == "conflicts" && c.Columns["row_id"] == client.ToString());
        Assert.Equal(("deleted", "0", "1"), (conflict.Columns["column_name"], conflict.Columns["kept_value"], conflict.Columns["other_value"]));
        Assert.Equal((server.Anna.WorkerId.ToString(), server.Bram.WorkerId.ToString()), (conflict.Columns["kept_by"], conflict.Columns["other_by"]));
    }

    [Fact]
    public async Task Delete_OnAnOlderVersion_SendsTheRowAgainToTheDeletingDevice_PastItsAnchor()
    {
        var client = await server.NewNoordClient();
        await server.Anna.PushOne("clients", client, "update", 1, new() { ["notes"] = "Anna" });
        var (_, bramHead) = await server.Bram.PullAll(0);

        Assert.Equal(SyncProtocol.Results.Conflict, (await server.Bram.PushOne("clients", client, "delete", 1, new())).Status);
        var (changes, after) = await server.Bram.PullAll(bramHead.NextAnchor);

        var again = Assert.Single(changes, c => c.RowId == client);
        Assert.Equal((false, 2L, "Anna"), (again.Deleted, again.Version, again.Columns["notes"]));
        Assert.Equal(bramHead.ScopeCount + 1, after.ScopeCount); // the row once, and now its conflict record
    }

    [Fact]
    public async Task Delete_AfterOnlyTheDevicesOwnUpdates_IsAccepted()
    {
        var client = await server.NewNoordClient();
        await server.Anna.PushOne("clients", client, "update", 1, new() { ["notes"] = "eigen wijziging" });

        var delete = await server.Anna.PushOne("clients", client, "delete", 1, new());

        Assert.Equal((SyncProtocol.Results.Accepted, 3L), (delete.Status, delete.Version));
        Assert.Equal(0, ConflictsOf(client));
    }

    // ---------------------------------------------------------------- scenario 8: child rows of a deleted client

    [Fact]
    public async Task Push_ChildRowForAClientDeletedElsewhere_BecomesAConflictRecord_NeverAnOrphan()
    {
        var client = await server.NewNoordClient();
        var signal = Guid.NewGuid();
        Assert.Equal(SyncProtocol.Results.Accepted, (await server.Anna.PushOne("signals", signal, "insert", 0, ServerFixture.SignalColumns(client))).Status);
        Assert.Equal(SyncProtocol.Results.Accepted, (await server.Bram.PushOne("clients", client, "delete", 1, new())).Status);
        var (_, bramHead) = await server.Bram.PullAll(0);
        var visit = Guid.NewGuid();
        var member = Guid.NewGuid();
        var followUp = Guid.NewGuid();

        var results = (await server.Anna.Push(
            new Mutation(server.Anna.NextMutationId(), "home_visits", visit, "insert", 0,
                new Dictionary<string, string?> { ["client_id"] = client.ToString(), ["date"] = "2026-11-03", ["worker"] = server.Anna.WorkerId.ToString(), ["notes"] = "", ["zrm"] = "" }),
            new Mutation(server.Anna.NextMutationId(), "household_members", member, "insert", 0, ServerFixture.HouseholdColumns(client)),
            new Mutation(server.Anna.NextMutationId(), "signals", signal, "update", 1, new Dictionary<string, string?> { ["status"] = "PickedUp" }),
            new Mutation(server.Anna.NextMutationId(), "follow_ups", followUp, "insert", 0,
                new Dictionary<string, string?> { ["signal_id"] = signal.ToString(), ["at"] = "2026-11-02T10:00:00Z", ["worker"] = server.Anna.WorkerId.ToString(), ["note"] = "Gebeld" }))).Results;
        var (bramGets, _) = await server.Bram.PullAll(bramHead.NextAnchor);

        Assert.All(results, r => Assert.Equal((SyncProtocol.Results.Conflict, "deleted"), (r.Status, Assert.Single(r.ConflictColumns))));
        // The client's deletion took the signal Bram never saw with it; nothing of Anna's became a live row.
        Assert.Contains(bramHead.Changes, c => c.Table == "signals" && c.RowId == signal && c.Deleted);
        Assert.DoesNotContain(bramGets, c => c.Table != "conflicts" && !c.Deleted);
        var conflicts = bramGets.Where(c => c.Table == "conflicts").Select(c => (c.Columns["table_name"], c.Columns["row_id"], c.Columns["column_name"], c.Columns["kept_value"])).ToList();
        Assert.Equal(
            [("home_visits", visit.ToString(), "deleted", "1"), ("household_members", member.ToString(), "deleted", "1"), ("signals", signal.ToString(), "deleted", "1"), ("follow_ups", followUp.ToString(), "deleted", "1")],
            conflicts);
        Assert.Equal(SyncProtocol.Results.Accepted, (await server.Anna.PushOne("signals", signal, "delete", 1, new())).Status); // clearing up is fine
    }

    [Fact]
    public async Task Push_ChildRowForAClientAssignedByIdWithoutAClientRow_IsAccepted()
    {
        var client = Guid.NewGuid();
        await server.Admin("admin", "client", "assign", client.ToString(), "--team", "Noord");

        var signal = await server.Anna.PushOne("signals", Guid.NewGuid(), "insert", 0, ServerFixture.SignalColumns(client));

        Assert.Equal(SyncProtocol.Results.Accepted, signal.Status);
    }
}
