using System.Net;
using System.Net.Http.Json;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Hosting;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>Bad requests get the right 4xx with a message, nothing is written and the server stays up.</summary>
[Collection(ServerCollection.Name)]
public sealed class BadInputTests(ServerFixture server)
{
    public static TheoryData<string, string> BrokenBodies => new()
    {
        { "malformed", "{\"mutations\": [ {\"mutationId\": 1," },
        { "not json", "hallo" },
        { "wrong type", "{\"mutations\":[{\"mutationId\":\"een\",\"table\":\"clients\",\"rowId\":\"" + Guid.NewGuid() + "\",\"operation\":\"insert\",\"baseVersion\":0,\"columns\":{}}]}" },
        { "number as value", "{\"mutations\":[{\"mutationId\":1,\"table\":\"clients\",\"rowId\":\"" + Guid.NewGuid() + "\",\"operation\":\"insert\",\"baseVersion\":0,\"columns\":{\"first_name\":5}}]}" },
        { "bad guid", "{\"mutations\":[{\"mutationId\":1,\"table\":\"clients\",\"rowId\":\"xyz\",\"operation\":\"insert\",\"baseVersion\":0,\"columns\":{}}]}" },
        { "no mutations", "{}" },
        { "null", "null" },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task Push_WithABrokenBody_Answers400_AndWritesNothing(string what, string body)
    {
        var before = await server.Anna.Pull(0, 1);

        using var response = await server.Http.SendAsync(SyncClient.Request(HttpMethod.Post, SyncProtocol.PushPath, server.Anna.Token, SyncClient.JsonBody(body)));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
        var problem = await response.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json);
        Assert.Equal(ProblemCodes.InvalidRequest, problem!.Code);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        await AssertNothingNew(before);
    }

    [Fact]
    public async Task Push_WithAnOversizedBody_Answers413()
    {
        var before = await server.Anna.Pull(0, 1);
        var notes = new string('x', 9 * 1024 * 1024);
        var body = "{\"mutations\":[{\"mutationId\":1,\"table\":\"clients\",\"rowId\":\"" + Guid.NewGuid() + "\",\"operation\":\"insert\",\"baseVersion\":0,\"columns\":{\"notes\":\"" + notes + "\"}}]}";

        using var request = SyncClient.Request(HttpMethod.Post, SyncProtocol.PushPath, server.Anna.Token, SyncClient.JsonBody(body));
        request.Headers.ExpectContinue = true; // the server answers from the headers, before the body is sent

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(ProblemCodes.TooLarge, (await response.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json))!.Code);
        await AssertNothingNew(before);
    }

    /// <summary>
    /// Without a length stated the server learns the size only as the body arrives, and stops reading at its limit. The body
    /// ends just past the limit: the client has sent all of it when the answer comes, so it is not cut off sending and always
    /// reads the answer.
    /// </summary>
    [Fact]
    public async Task Push_WithAnOversizedBodyOfNoStatedLength_Answers413()
    {
        var before = await server.Anna.Pull(0, 1);
        // The test server runs with the default settings.
        var limit = (int)new ServerSettings().MaxRequestBodyBytes;
        var head = "{\"mutations\":[{\"mutationId\":1,\"table\":\"clients\",\"rowId\":\"" + Guid.NewGuid() + "\",\"operation\":\"insert\",\"baseVersion\":0,\"columns\":{\"notes\":\"";
        const string tail = "\"}}]}";
        var body = System.Text.Encoding.UTF8.GetBytes(head + new string('x', limit + 1024 - head.Length - tail.Length) + tail);
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = SyncClient.Request(HttpMethod.Post, SyncProtocol.PushPath, server.Anna.Token, content);
        request.Headers.TransferEncodingChunked = true;

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(ProblemCodes.TooLarge, (await response.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json))!.Code);
        await AssertNothingNew(before);
    }

    [Theory]
    [InlineData("after=-1152921504606846977")]
    [InlineData("after=+-1")]
    [InlineData("after=abc")]
    [InlineData("limit=-1")]
    [InlineData("own=all")]
    [InlineData("own=HELD")]
    public async Task Pull_WithBadParameters_Answers400(string query)
    {
        using var response = await server.Http.SendAsync(SyncClient.Request(HttpMethod.Get, SyncProtocol.PullPath + "?" + query, server.Anna.Token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemCodes.InvalidRequest, (await response.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json))!.Code);
    }

    [Fact]
    public async Task UnknownPath_Answers404AsAProblem()
    {
        using var response = await server.Http.GetAsync("/sync/v1/nergens");

        Assert.True((int)response.StatusCode is 404 or 426);
        Assert.NotNull(await response.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json));
    }

    [Fact]
    public async Task UnknownTable_IsRefused_TheRestOfTheBatchProceeds()
    {
        var good = Guid.NewGuid();
        var bad = Guid.NewGuid();

        var response = await server.Anna.Push(
            new Mutation(server.Anna.NextMutationId(), "passwords", bad, "insert", 0, new Dictionary<string, string?> { ["x"] = "y" }),
            new Mutation(server.Anna.NextMutationId(), "clients", good, "insert", 0, ServerFixture.ClientColumns()));

        Assert.Equal(SyncProtocol.Results.Refused, response.Results[0].Status);
        Assert.Contains("Onbekende tabel", response.Results[0].Reason);
        Assert.Equal(SyncProtocol.Results.Accepted, response.Results[1].Status);
        var (changes, _) = await server.Bram.PullAll(0);
        Assert.Contains(changes, c => c.RowId == good);
        Assert.DoesNotContain(changes, c => c.RowId == bad);
    }

    [Theory]
    [InlineData("version")]
    [InlineData("updated_by")]
    [InlineData("team_id")]
    public async Task UnknownColumn_IsRefused(string column)
    {
        var client = Guid.NewGuid();
        var columns = ServerFixture.ClientColumns();
        columns[column] = "1";

        var result = await server.Anna.PushOne("clients", client, "insert", 0, columns);

        Assert.Equal(SyncProtocol.Results.Refused, result.Status);
        Assert.Contains("unknown column", result.Reason);
        await AssertAbsent(client);
    }

    [Fact]
    public async Task RowOfAnotherTeam_IsRefused()
    {
        var noordClient = await server.NewNoordClient();
        var signal = Guid.NewGuid();

        var update = await server.Zora.PushOne("clients", noordClient, "update", 1, new Dictionary<string, string?> { ["notes"] = "van Zuid" });
        var insert = await server.Zora.PushOne("signals", signal, "insert", 0, ServerFixture.SignalColumns(noordClient));
        var (zoraSees, _) = await server.Zora.PullAll(0);

        Assert.Equal(SyncProtocol.Results.Refused, update.Status);
        Assert.Equal(SyncProtocol.Results.Refused, insert.Status);
        Assert.Contains("caseload", update.Reason);
        Assert.DoesNotContain(zoraSees, c => c.RowId == noordClient);
        var (annaSees, _) = await server.Anna.PullAll(0);
        Assert.DoesNotContain(annaSees, c => c.RowId == signal);
        Assert.DoesNotContain(annaSees, c => c.RowId == noordClient && c.Columns.GetValueOrDefault("notes") == "van Zuid");
    }

    [Fact]
    public async Task Consultant_WritingASignal_IsRefused()
    {
        var client = await server.NewNoordClient();
        var signal = Guid.NewGuid();

        var result = await server.Carla.PushOne("signals", signal, "insert", 0, ServerFixture.SignalColumns(client));

        Assert.Equal(SyncProtocol.Results.Refused, result.Status);
        Assert.Contains("consultant", result.Reason);
        await AssertAbsent(signal);
    }

    [Fact]
    public async Task ForbiddenSignalTransition_IsRefused_AllowedOneIsAccepted()
    {
        var client = await server.NewNoordClient();
        var signal = Guid.NewGuid();
        Assert.Equal(SyncProtocol.Results.Accepted, (await server.Anna.PushOne("signals", signal, "insert", 0, ServerFixture.SignalColumns(client))).Status);

        var skip = await server.Anna.PushOne("signals", signal, "update", 1, new Dictionary<string, string?> { ["status"] = "Closed" });
        var pickUp = await server.Anna.PushOne("signals", signal, "update", 1, new Dictionary<string, string?> { ["status"] = "PickedUp" });
        var back = await server.Anna.PushOne("signals", signal, "update", 2, new Dictionary<string, string?> { ["status"] = "New" });

        Assert.Equal(SyncProtocol.Results.Refused, skip.Status);
        Assert.Contains("kan niet naar", skip.Reason);
        Assert.Equal(SyncProtocol.Results.Accepted, pickUp.Status);
        Assert.Equal(SyncProtocol.Results.Refused, back.Status);
        var (changes, _) = await server.Bram.PullAll(0);
        Assert.Equal("PickedUp", changes.Last(c => c.RowId == signal).Columns["status"]);
        Assert.Equal(2, changes.Last(c => c.RowId == signal).Version);
    }

    [Theory]
    [InlineData("status", "Lost")]
    [InlineData("status", "2")]
    [InlineData("urgency", "Hoog")]
    [InlineData("life_domains", "1,9")]
    public async Task BadEnumValue_IsRefused(string column, string value)
    {
        var client = await server.NewNoordClient();
        var signal = Guid.NewGuid();
        var columns = ServerFixture.SignalColumns(client);
        columns[column] = value;

        var result = await server.Anna.PushOne("signals", signal, "insert", 0, columns);

        Assert.Equal(SyncProtocol.Results.Refused, result.Status);
        await AssertAbsent(signal);
    }

    [Fact]
    public async Task InvalidClientFields_AreRefusedWithTheProblems()
    {
        var client = Guid.NewGuid();
        var columns = ServerFixture.ClientColumns();
        columns["postcode"] = "12345";
        columns["birth_date"] = "2999-01-01";

        var result = await server.Anna.PushOne("clients", client, "insert", 0, columns);

        Assert.Equal(SyncProtocol.Results.Refused, result.Status);
        Assert.Contains("postcode", result.Reason, StringComparison.OrdinalIgnoreCase);
        await AssertAbsent(client);
    }

    private async Task AssertAbsent(Guid row)
    {
        var (changes, _) = await server.Anna.PullAll(0);
        Assert.DoesNotContain(changes, c => c.RowId == row);
        await server.AssertHealthy();
    }

    private async Task AssertNothingNew(PullResponse before)
    {
        var after = await server.Anna.Pull(0, 1);
        Assert.Equal(before.ScopeCount, after.ScopeCount);
        Assert.Equal(before.ScopeChecksum, after.ScopeChecksum);
        await server.AssertHealthy();
    }
}
