using System.Globalization;
using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>The conflicts the server reported for this laptop's scope, newest first.</summary>
public sealed class ConflictRepository(LocalStore store)
{
    public IReadOnlyList<SyncConflict> All() =>
        store.Query("conflicts", "", r => new SyncConflict(
                Guid.Parse(r.Id),
                r.Text("table_name"),
                Guid.Parse(r.Text("row_id")),
                r.NullableText("client_id") is { Length: > 0 } client ? Guid.Parse(client) : null,
                r.Text("column_name"),
                r.Secret("kept_value"),
                r.Secret("other_value"),
                r.Text("kept_by"),
                r.Text("other_by"),
                DateTimeOffset.Parse(r.Text("at"), CultureInfo.InvariantCulture),
                r.NullableText("resolved") is { Length: > 0 }))
            .OrderByDescending(c => c.At)
            .ToList();
}
