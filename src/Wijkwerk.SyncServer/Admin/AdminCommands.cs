using System.Globalization;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.SyncServer.Enrolment;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Admin;

/// <summary>
/// The administrator's commands. Output for people on stdout; problems on stderr with exit code 1
/// (unknown or duplicate) or 2 (bad input such as a role or id that is not valid).
/// </summary>
public static class AdminCommands
{
    public const int Failed = 1;
    public const int BadInput = 2;
    public static readonly TimeSpan CodeValidity = TimeSpan.FromHours(24);

    public static Task<int> AddTeam(StoreOptions options, string name) => Run(options, async store =>
    {
        var id = await store.AddTeamAsync(name, DateTimeOffset.UtcNow);
        Console.WriteLine($"Team '{name.Trim()}' toegevoegd ({id}).");
        return 0;
    });

    public static Task<int> AddUser(StoreOptions options, string team, string name, string role)
    {
        if (!RoleCodes.TryParse(role, out var parsed))
            return Fail(BadInput, $"Onbekende rol '{role}'; kies nurse, consultant, teamleader, fundsecretary of admin.");
        return Run(options, async store =>
        {
            var id = await store.AddWorkerAsync(name, parsed, team, DateTimeOffset.UtcNow);
            Console.WriteLine($"Medewerker '{name.Trim()}' ({parsed.Code()}) toegevoegd aan team '{team.Trim()}' ({id}).");
            return 0;
        });
    }

    public static Task<int> EnrolDevice(StoreOptions options, string user) => Run(options, async store =>
    {
        var code = Secrets.NewEnrolmentCode();
        var expires = DateTimeOffset.UtcNow + CodeValidity;
        await store.AddEnrolmentCodeAsync(user, Secrets.HashCode(code), expires, DateTimeOffset.UtcNow);
        Console.WriteLine($"Eenmalige inschrijfcode voor '{user.Trim()}', geldig tot {expires:yyyy-MM-dd HH:mm} UTC:");
        Console.WriteLine(code);
        return 0;
    });

    public static Task<int> ListDevices(StoreOptions options) => RunOnExisting(options, async store =>
    {
        foreach (var device in await store.ListDevicesAsync())
        {
            var status = device.RevokedAt is { } at ? "ingetrokken " + at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "actief";
            Console.WriteLine($"{device.Id}\t{device.WorkerName}\t{device.Name}\t{device.EnrolledAt:yyyy-MM-dd HH:mm}\t{status}");
        }

        return 0;
    });

    public static Task<int> RevokeDevice(StoreOptions options, string id)
    {
        if (!Guid.TryParse(id, out var device))
            return Fail(BadInput, $"'{id}' is geen geldig apparaat-id (een GUID); zie 'admin device list'.");
        return Run(options, async store =>
        {
            await store.RevokeDeviceAsync(device, DateTimeOffset.UtcNow);
            Console.WriteLine($"Apparaat {device} ingetrokken; het wordt bij het volgende contact geweigerd en gewist.");
            return 0;
        });
    }

    public static Task<int> AssignClient(StoreOptions options, string clientId, string team, bool assign)
    {
        if (!Guid.TryParse(clientId, out var client))
            return Fail(BadInput, $"'{clientId}' is geen geldig cliënt-id (een GUID).");
        return Run(options, async store =>
        {
            if (assign)
            {
                await store.AssignClientAsync(client, team, DateTimeOffset.UtcNow);
                Console.WriteLine($"Cliënt {client} staat nu op de caseload van team '{team.Trim()}'.");
            }
            else
            {
                await store.UnassignClientAsync(client, team, DateTimeOffset.UtcNow);
                Console.WriteLine($"Cliënt {client} is van de caseload van team '{team.Trim()}' gehaald; de laptops van het team wissen de gegevens bij de volgende synchronisatie.");
            }

            return 0;
        });
    }

    /// <summary>
    /// NEN 7513, "who looked at my file": the central log for one client, one event a line, oldest first —
    /// the laptops' uploaded events and the server's deliveries (transfers) of the client's data.
    /// </summary>
    public static Task<int> ClientAudit(StoreOptions options, string clientId)
    {
        if (!Guid.TryParse(clientId, out var client))
            return Fail(BadInput, $"'{clientId}' is geen geldig cliënt-id (een GUID).");
        return RunOnExisting(options, async store =>
        {
            foreach (var e in await store.ClientAuditAsync(client))
            {
                var who = e.WorkerName.Length > 0 ? $"{e.WorkerName} ({e.WorkerId})" : e.WorkerId.ToString();
                var seq = e.Seq is { } n ? "\tseq=" + n.ToString(CultureInfo.InvariantCulture) : "";
                Console.WriteLine($"{e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\t{e.Source}\t{e.Type}\t{e.Outcome}\t{who}\t{e.Role}\tapparaat={e.DeviceId}\t{e.Detail}{seq}");
            }

            return 0;
        });
    }

    /// <summary>A command that only reads the server store refuses a SQLite path without one, rather than leave an empty store there.</summary>
    internal static Task<int> RunOnExisting(StoreOptions options, Func<ISyncStore, Task<int>> action) =>
        RunOnExisting(options, (store, _) => action(store));

    internal static Task<int> RunOnExisting(StoreOptions options, Func<ISyncStore, StoreChoice, Task<int>> action) =>
        Run(options, action, mustExist: true);

    internal static Task<int> Run(StoreOptions options, Func<ISyncStore, Task<int>> action) =>
        Run(options, (store, _) => action(store), mustExist: false);

    private static async Task<int> Run(StoreOptions options, Func<ISyncStore, StoreChoice, Task<int>> action, bool mustExist)
    {
        StoreChoice choice;
        try
        {
            choice = options.Choose();
        }
        catch (StoreChoiceException e)
        {
            return await Fail(BadInput, e.Message);
        }

        if (mustExist && !choice.Exists)
            return await Fail(Failed, Texts.Format(TextId.ServerStoreMissing, Lang.Nl, choice.Database));
        try
        {
            var store = await choice.OpenAsync();
            return await action(store, choice);
        }
        catch (Exception e) when (e is AdminException or StoreChoiceException)
        {
            return await Fail(Failed, e.Message);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return await Fail(Failed, $"De serveropslag '{choice.Database}' kon niet worden gebruikt (SQLite-fout {e.SqliteErrorCode}); controleer het pad en de rechten.");
        }
    }

    internal static async Task<int> Fail(int exitCode, string message)
    {
        await Console.Error.WriteLineAsync(message);
        return exitCode;
    }
}
