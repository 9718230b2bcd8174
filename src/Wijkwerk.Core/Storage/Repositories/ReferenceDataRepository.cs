using System.Text.Json;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>
/// The administrator's reference data as the server last sent it with a pull: departments, this worker's
/// mandates, every version of the cost table. Kept as the one document of its version, replaced whole in the
/// transaction of the page that brought it. Holds nothing about a client, so reading it is not logged.
/// </summary>
public sealed class ReferenceDataRepository(LocalStore store)
{
    /// <summary>The version held; 0 before the first pull that brought reference data.</summary>
    public long Version
    {
        get
        {
            using var command = store.Command("SELECT version FROM reference_data WHERE id = 1");
            return command.ExecuteScalar() is long version ? version : 0;
        }
    }

    public IReadOnlyList<Department> Departments() => Current()?.DepartmentList() ?? [];

    /// <summary>This worker's mandates, valid or not (a form says why an expired one cannot be used).</summary>
    public IReadOnlyList<Mandate> MyMandates() =>
        Current()?.MandateList().Where(m => m.Worker == store.Identity.WorkerId).ToList() ?? [];

    /// <summary>Every version of the cost table the server sent; <see cref="CostTable.Latest"/> is what a new decision uses.</summary>
    public CostTable CostTable() => Current()?.CostTable() ?? Domain.Maatwerk.CostTable.Empty;

    /// <summary>
    /// The teams the server named for this laptop (empty before the first pull that brought them). Home asks at every
    /// start, so SQLite picks them out of the document instead of the whole set being mapped.
    /// </summary>
    public IReadOnlyList<string> MyTeams()
    {
        using var command = store.Command("SELECT value FROM reference_data, json_each(reference_data.body, '$.myTeams') WHERE reference_data.id = 1 AND json_each.type = 'text'");
        using var reader = command.ExecuteReader();
        var teams = new List<string>();
        while (reader.Read())
            teams.Add(reader.GetString(0));
        return teams;
    }

    /// <summary>
    /// Issue 14: the admin's bottleneck tags and merges (empty before the first pull that brought them). Read for every
    /// query that reads a tag, so SQLite picks them out of the document instead of the whole set being mapped.
    /// </summary>
    public BottleneckTagList Tags()
    {
        using var command = store.Command("SELECT json_extract(body, '$.bottlenecks') FROM reference_data WHERE id = 1");
        return command.ExecuteScalar() is string json && JsonSerializer.Deserialize(json, ReferenceDataJson.Default.BottleneckInfo) is { } info
            ? info.ToList()
            : BottleneckTagList.Empty;
    }

    /// <summary>The whole set as held; null before the first pull that brought it.</summary>
    public ReferenceData? Current()
    {
        using var command = store.Command("SELECT body FROM reference_data WHERE id = 1");
        return command.ExecuteScalar() is string body ? JsonSerializer.Deserialize(body, ReferenceDataJson.Default.ReferenceData) : null;
    }

    /// <summary>Takes a set without a server: the demo store's and a test's. A pull replaces it with the server's.</summary>
    internal void Replace(ReferenceData reference) => store.Write(scope =>
    {
        Remember(scope, reference);
        return 0;
    });

    internal static void Remember(WriteScope scope, ReferenceData reference)
    {
        using var command = scope.Command(
            "INSERT INTO reference_data (id, version, body) VALUES (1, $v, $b) ON CONFLICT (id) DO UPDATE SET version = excluded.version, body = excluded.body");
        command.Parameters.AddWithValue("$v", reference.Version);
        command.Parameters.AddWithValue("$b", JsonSerializer.Serialize(reference, ReferenceDataJson.Default.ReferenceData));
        command.ExecuteNonQuery();
    }
}
