using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>The names of the team's workers as the server last sent them with a pull: who entered a value, who moved a signal.</summary>
public sealed class WorkerNameRepository(LocalStore store)
{
    private const string Table = "worker_names";
    private const string NameColumn = "name";
    private const string HeldKey = "worker_names_held";

    /// <summary>The worker's name; null for a worker the server never named to this laptop (not in its teams).</summary>
    public string? NameOf(Id<Worker> worker)
    {
        if (worker == store.Identity.WorkerId)
            return store.Identity.WorkerName;
        var id = worker.ToString();
        using var command = store.Command($"SELECT {NameColumn} FROM {Table} WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is byte[] name ? store.Fields.Decrypt(name, Table, NameColumn, id) : null;
    }

    /// <summary>
    /// The <see cref="WorkerNames"/> fingerprint of the names this laptop holds, for the server to leave out a list it
    /// would send again; null when it holds none (never pulled, or forgotten with an earlier worker's rows). Sealed like
    /// the names: a hash of a few names in the clear would let a thief confirm a guess at them.
    /// </summary>
    internal static string? Held(LocalStore store)
    {
        using var command = store.Command($"SELECT value FROM meta WHERE key = $key AND EXISTS (SELECT 1 FROM {Table})");
        command.Parameters.AddWithValue("$key", HeldKey);
        return command.ExecuteScalar() is byte[] held ? store.Fields.Decrypt(held, "meta", HeldKey, store.StoreId) : null;
    }

    /// <summary>
    /// Takes the names a pull brought in place of those known before: a renamed worker is renamed here too, and
    /// one who left the worker's teams is no longer named on this laptop.
    /// </summary>
    internal static void Remember(LocalStore store, WriteScope scope, IReadOnlyList<WorkerInfo> workers)
    {
        using (var forget = scope.Command($"DELETE FROM {Table}"))
            forget.ExecuteNonQuery();
        new MetaTable(store, scope.Transaction).Set(HeldKey, scope.Seal("meta", HeldKey, store.StoreId, WorkerNames.Fingerprint(workers)));
        using var command = scope.Command($"INSERT INTO {Table} (id, {NameColumn}) VALUES ($id, $name)");
        var id = command.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        var name = command.Parameters.Add("$name", Microsoft.Data.Sqlite.SqliteType.Blob);
        foreach (var worker in workers)
        {
            id.Value = worker.Id.ToString();
            name.Value = scope.Seal(Table, NameColumn, worker.Id.ToString(), worker.Name);
            command.ExecuteNonQuery();
        }
    }
}
