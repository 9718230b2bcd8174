using System.Net;
using System.Net.Http.Json;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Hosting;

/// <summary>
/// The server as a municipality installs it (<c>scripts/publish server</c>: Native AOT), on both stores. Its JSON runs only through
/// generated code and its settings through the generated binder in every build, so the other tests cover those paths; here the
/// published program itself: admin commands, settings from the environment (store, file or connection, log folder, enrolment
/// limit), enrolment, a push with one row accepted and one refused, a colleague's pull, an answer to a request without a token.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class NativeServerTests(NativeServer native, PostgresCluster cluster) : IClassFixture<NativeServer>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkwerk-native-server-test-").FullName;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Native_TakesItsSettings_EnrolsPushesPullsAndRefuses(string store)
    {
        Assert.True(native.Problem is null, native.Problem);
        var logs = Path.Combine(_folder, "logs");
        var database = Path.Combine(_folder, "store", "server.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var settings = new Dictionary<string, string> { ["Wijkwerk__LogFolder"] = logs, ["Wijkwerk__EnrolPermitsPerMinute"] = "3" };
        if (store == "postgres")
        {
            settings["Wijkwerk__Store"] = "postgres";
            settings["Wijkwerk__Connection"] = await cluster.CreateDatabaseAsync();
        }
        else
        {
            settings["Wijkwerk__Database"] = database;
        }

        await Admin(settings, "admin", "team", "add", "Noord");
        await Admin(settings, "admin", "user", "add", "--team", "Noord", "--name", "Anna", "--role", "nurse");
        await Admin(settings, "admin", "user", "add", "--team", "Noord", "--name", "Bram", "--role", "nurse");
        var annaCode = (await Admin(settings, "admin", "device", "enroll", "--user", "Anna")).LastLine;
        var bramCode = (await Admin(settings, "admin", "device", "enroll", "--user", "Bram")).LastLine;
        await using var server = await ServerProgram.Running.StartWith([], settings, program: native.Program);
        using var http = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromSeconds(30) };

        var anna = await Enrolled(http, annaCode);
        var bram = await Enrolled(http, bramCode);
        var (client, refused) = (Guid.NewGuid(), Guid.NewGuid());
        var badPostcode = ServerFixture.ClientColumns("Pieter");
        badPostcode["postcode"] = "12345";
        var pushed = await anna.Push(
            new Mutation(anna.NextMutationId(), "clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Jan")),
            new Mutation(anna.NextMutationId(), "clients", refused, SyncProtocol.Operations.Insert, 0, badPostcode));
        var (changes, _) = await bram.PullAll(0);
        using var anonymous = await http.SendAsync(SyncClient.Request(HttpMethod.Get, SyncProtocol.PullPath + "?after=0", null));
        using var third = await http.SendAsync(SyncClient.Request(HttpMethod.Post, SyncProtocol.EnrolPath, null, SyncClient.JsonBody("""{"code":"AAAA-BBBB","deviceName":"x"}""")));
        using var fourth = await http.SendAsync(SyncClient.Request(HttpMethod.Post, SyncProtocol.EnrolPath, null, SyncClient.JsonBody("""{"code":"AAAA-BBBB","deviceName":"x"}""")));

        Assert.Equal([SyncProtocol.Results.Accepted, SyncProtocol.Results.Refused], pushed.Results.Select(r => r.Status));
        Assert.Contains("postcode", pushed.Results[1].Reason, StringComparison.OrdinalIgnoreCase);
        var row = Assert.Single(changes, c => c.Table == "clients");
        Assert.Equal((client, "Jan"), (row.RowId, row.Columns["first_name"]));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(ProblemCodes.Unauthorized, (await anonymous.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json))!.Code);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests), (third.StatusCode, fourth.StatusCode));
        Assert.NotEmpty(Directory.GetFiles(logs));
        Assert.Equal(store == "sqlite", File.Exists(database));
        Assert.Contains(anna.DeviceId.ToString(), (await Admin(settings, "admin", "device", "list")).Out, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<ServerProgram.Outcome> Admin(Dictionary<string, string> settings, params string[] args)
    {
        var outcome = await ServerProgram.RunProgram(native.Program, settings, args);
        Assert.True(outcome.ExitCode == 0, $"{string.Join(' ', args)}: {outcome.ExitCode} {outcome.Error}");
        return outcome;
    }

    private static async Task<SyncClient> Enrolled(HttpClient http, string code)
    {
        var (_, enrolled, problem) = await SyncClient.Enrol(http, code);
        Assert.True(enrolled is not null, problem?.Message);
        return new SyncClient(http, enrolled.Token, enrolled.DeviceId, enrolled.WorkerId, enrolled.Role);
    }
}
