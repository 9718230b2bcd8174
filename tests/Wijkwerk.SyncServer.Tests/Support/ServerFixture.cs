using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// One real server process on 127.0.0.1:0 with a temp store, set up through the real admin commands:
/// teams Noord and Zuid; nurses Anna and Bram and consultant Carla on Noord; nurse Zora on Zuid.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wijkwerk-server-tests-" + Guid.NewGuid().ToString("N"));

    public string Db => Path.Combine(_folder, "server.db");
    public ServerProgram.Running Server { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public SyncClient Anna { get; private set; } = null!;
    public SyncClient Bram { get; private set; } = null!;
    public SyncClient Carla { get; private set; } = null!;
    public SyncClient Zora { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await Admin("admin", "team", "add", "Noord");
        await Admin("admin", "team", "add", "Zuid");
        await Task.WhenAll(
            Admin("admin", "user", "add", "--team", "Noord", "--name", "Anna", "--role", "nurse"),
            Admin("admin", "user", "add", "--team", "Noord", "--name", "Bram", "--role", "nurse"),
            Admin("admin", "user", "add", "--team", "Noord", "--name", "Carla", "--role", "consultant"),
            Admin("admin", "user", "add", "--team", "Zuid", "--name", "Zora", "--role", "nurse"));

        Server = await ServerProgram.Running.Start(Db, new Dictionary<string, string> { ["Wijkwerk__EnrolPermitsPerMinute"] = "1000" });
        Http = new HttpClient { BaseAddress = new Uri(Server.Address), Timeout = TimeSpan.FromSeconds(30) };
        var devices = await Task.WhenAll(NewDevice("Anna"), NewDevice("Bram"), NewDevice("Carla"), NewDevice("Zora"));
        (Anna, Bram, Carla, Zora) = (devices[0], devices[1], devices[2], devices[3]);
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Server is not null)
            await Server.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Runs an admin command against this store; asserts it succeeded.</summary>
    public async Task<ServerProgram.Outcome> Admin(params string[] args)
    {
        var outcome = await ServerProgram.Run([.. args, "--db", Db]);
        Assert.True(outcome.ExitCode == 0, $"{string.Join(' ', args)}: {outcome.ExitCode} {outcome.Error}");
        return outcome;
    }

    public async Task<string> NewCode(string user) => (await Admin("admin", "device", "enroll", "--user", user)).LastLine;

    public async Task<SyncClient> NewDevice(string user)
    {
        var (_, enrolled, problem) = await SyncClient.Enrol(Http, await NewCode(user));
        Assert.True(enrolled is not null, problem?.Message);
        return new SyncClient(Http, enrolled.Token, enrolled.DeviceId, enrolled.WorkerId, enrolled.Role);
    }

    public async Task AssertHealthy()
    {
        Assert.False(Server.HasExited, Server.Log);
        using var response = await Http.GetAsync("/healthz");
        Assert.True(response.IsSuccessStatusCode);
    }

    /// <summary>A whole client row as a laptop pushes it: every column, empty where nothing was typed.</summary>
    public static Dictionary<string, string?> ClientColumns(string firstName = "Jan", string? phone = null) => new()
    {
        ["first_name"] = firstName,
        ["surname_prefix"] = "",
        ["surname"] = "Jansen",
        ["birth_date"] = "1950-01-02",
        ["postcode"] = "1234AB",
        ["house_number"] = "5",
        ["addition"] = "",
        ["phone"] = phone ?? "",
        ["bsn"] = "",
        ["notes"] = "",
    };

    /// <summary>A whole household member row as a laptop pushes it (no birth date known).</summary>
    public static Dictionary<string, string?> HouseholdColumns(Guid client, string name = "Piet") => new()
    {
        ["client_id"] = client.ToString(),
        ["name"] = name,
        ["relation"] = "Partner",
        ["birth_date"] = "",
    };

    public static Dictionary<string, string?> SignalColumns(Guid client, string status = "New") => new()
    {
        ["client_id"] = client.ToString(),
        ["source"] = "Pharmacy",
        ["observation"] = "Post stapelt zich op",
        ["life_domains"] = "1,2",
        ["urgency"] = "Normal",
        ["consent_in_consultation"] = "1",
        ["status"] = status,
        ["reported_at"] = "2026-11-01T09:00:00Z",
        ["source_other"] = "",
        ["consent_reason"] = "",
    };

    /// <summary>A new client on Noord's caseload (created by Anna's laptop, so it joins her team).</summary>
    public async Task<Guid> NewNoordClient(string firstName = "Jan")
    {
        var id = Guid.NewGuid();
        var result = await Anna.PushOne("clients", id, SyncProtocol.Operations.Insert, 0, ClientColumns(firstName));
        Assert.Equal(SyncProtocol.Results.Accepted, result.Status);
        return id;
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
