using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// A real server with one device of every role on team Noord (nurse Anna, team leader Tom, Wmo consultant
/// Carla, fund secretary Fleur, admin Ad), and advice built with Core's own steps as those workers.
/// </summary>
public sealed class AdviceServerFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wijkwerk-advice-tests-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<Role, (SyncClient Device, Worker Worker)> _devices = [];

    public static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>The server's day: it judges dates by its own clock.</summary>
    public static DateOnly Today => AmsterdamTime.Today(TimeProvider.System);

    public ServerProgram.Running Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Guid Client { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var db = Path.Combine(_folder, "server.db");
        Task Admin(params string[] args) => Run([.. args, "--db", db]);
        await Admin("admin", "team", "add", "Noord");
        var users = new (string Name, Role Role)[] { ("Anna", Role.Nurse), ("Tom", Role.TeamLeader), ("Carla", Role.WmoConsultant), ("Fleur", Role.FundSecretary), ("Ad", Role.Admin) };
        foreach (var (name, role) in users)
            await Admin("admin", "user", "add", "--team", "Noord", "--name", name, "--role", role.Code());

        Server = await ServerProgram.Running.Start(db, new Dictionary<string, string> { ["Wijkwerk__EnrolPermitsPerMinute"] = "1000" });
        Http = new HttpClient { BaseAddress = new Uri(Server.Address), Timeout = TimeSpan.FromSeconds(30) };
        foreach (var (name, role) in users)
        {
            var code = (await ServerProgram.Run("admin", "device", "enroll", "--user", name, "--db", db)).LastLine;
            var (_, enrolled, problem) = await SyncClient.Enrol(Http, code);
            Assert.True(enrolled is not null, problem?.Message);
            _devices[role] = (new SyncClient(Http, enrolled.Token, enrolled.DeviceId, enrolled.WorkerId, enrolled.Role), new Worker(new Id<Worker>(enrolled.WorkerId), name, role, []));
        }

        Client = Guid.NewGuid();
        var client = await Device(Role.Nurse).PushOne("clients", Client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns());
        Assert.Equal(SyncProtocol.Results.Accepted, client.Status);
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

    public SyncClient Device(Role role) => _devices[role].Device;

    public Worker Worker(Role role) => _devices[role].Worker;

    public static AdviceContent Content() => new(
        new Provision(ProductCategory.HouseholdHelp, "01A01", new Volume(3, VolumeUnit.Hour, VolumeFrequency.PerWeek), Today.AddDays(7), 12),
        "Mevrouw kan door artrose het huis niet meer schoonhouden.",
        ZrmAssessment.Create(ZrmVersion.Zrm2017, new Dictionary<ZrmDomain, int> { [ZrmDomain.InstrumentalAdl] = 2 }).Value,
        "Dochter helpt één keer per week.",
        "Zo lang mogelijk thuis blijven wonen.",
        Today.AddDays(-10),
        null,
        LegalBasis.WmoTask,
        ConsentStatus.Given,
        "",
        true,
        false);

    /// <summary>A new concept by the worker, for this fixture's client.</summary>
    public IndicationAdvice Draft(Worker author) =>
        IndicationAdvice.Draft(new Id<IndicationAdvice>(Guid.CreateVersion7()), new Id<Client>(Client), author, "Noord", Content(), Now, Today).Value;

    /// <summary>Pushes the change from <paramref name="before"/> (null: a new row) to <paramref name="after"/>: only the columns that differ.</summary>
    public static async Task<MutationResult> Push(SyncClient device, IndicationAdvice? before, IndicationAdvice after, long version)
    {
        var columns = AdviceColumns.ToColumns(after);
        if (before is not null)
        {
            var old = AdviceColumns.ToColumns(before);
            columns = columns.Where(c => old[c.Key] != c.Value).ToDictionary(c => c.Key, c => c.Value);
        }

        return await device.PushOne(AdviceColumns.AdviceTable, after.Id.Value, before is null ? SyncProtocol.Operations.Insert : SyncProtocol.Operations.Update, version, columns);
    }

    private static async Task Run(string[] args)
    {
        var outcome = await ServerProgram.Run(args);
        Assert.True(outcome.ExitCode == 0, $"{string.Join(' ', args)}: {outcome.ExitCode} {outcome.Error}");
    }
}
