using Wijkwerk.Core.Security;
using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// Seals the secret values of a pulled page as soon as it arrives, while the page before it is still being written: sealing
/// needs nothing of the store but its key, and took ten AES-GCM operations a client on the thread that writes. It has keys
/// of its own, as a cipher serves one thread at a time. Once told how the rows are stored (<see cref="CountWith"/>), it works
/// out each row's share of the scope checksum too, for the writer to count it with.
/// </summary>
internal sealed class PageSealer(LocalStore store) : IDisposable
{
    private readonly KeyRing _keys = store.CopyKeys();
    private readonly Lock _sealing = new();
    private StoredForms? _forms;

    /// <summary>
    /// From the next page on, each row's share is worked out here. Not from the start of every sync: reading how the rows
    /// are stored costs about half a millisecond (once per open store, <see cref="DeclaredTypes"/>), which the program's
    /// one sync with nothing to pull would spend for nothing.
    /// </summary>
    public void CountWith(StoredForms forms)
    {
        lock (_sealing)
            _forms = forms;
    }

    /// <summary>Seals one page at a time: pages asked for ahead may arrive together, on threads of their own.</summary>
    public PageSeals Seal(PullResponse page)
    {
        lock (_sealing)
            return SealOne(page);
    }

    private PageSeals SealOne(PullResponse page)
    {
        // A malformed page or change (a broken server's) is left to the writer, which meets it where a page's failures are handled.
        if (page.Changes is null)
            return new PageSeals([], []);
        var rows = new byte[]?[]?[page.Changes.Count];
        var sums = new uint?[page.Changes.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var change = page.Changes[i];
            if (change is not { Table: { } table, Columns: { } columns } || change.Removed || change.Deleted)
                continue;
            sums[i] = _forms?.Sum(change);
            var secrets = SecretColumns.InOrder(table);
            if (secrets.Count == 0)
                continue;
            var values = new byte[]?[secrets.Count];
            for (var s = 0; s < secrets.Count; s++)
            {
                if (columns.TryGetValue(secrets[s], out var value))
                    values[s] = _keys.Fields.Encrypt(value ?? "", table, secrets[s], change.RowId);
            }

            rows[i] = values;
        }

        return new PageSeals(rows, sums);
    }

    public void Dispose() => _keys.Dispose();
}

/// <summary>
/// A page's secret values as <see cref="PageSealer"/> sealed them: by change, in <see cref="SecretColumns.InOrder"/> order;
/// and each change's share of the scope checksum once stored whole (<see cref="StoredForms.Sum"/>).
/// </summary>
internal sealed class PageSeals(byte[]?[]?[] rows, uint?[] sums)
{
    /// <summary>The sealed values of the page's change at <paramref name="index"/>; null for a change with none.</summary>
    public byte[]?[]? Of(int index) => index < rows.Length ? rows[index] : null;

    /// <summary>The share of the page's change at <paramref name="index"/>; null when it was not worked out or cannot be told.</summary>
    public uint? SumOf(int index) => index < sums.Length ? sums[index] : null;
}
