using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>A conflict record as a store holds it: whose client it concerns, its version, whether it is settled.</summary>
public sealed record StoredConflict(Guid ClientId, long Version, bool Resolved);

/// <summary>
/// The one change a laptop may make to a conflict record: mark it resolved. The worker's chosen value
/// travels as an ordinary change of the record itself; this only closes the conflict, for every laptop
/// in scope (a new version and change sequence). Store-independent: the store only loads and writes.
/// </summary>
public static class ConflictResolution
{
    public static MutationResult Apply(IPushTransaction s, DeviceSession device, Mutation m)
    {
        if (m.Operation != SyncProtocol.Operations.Update)
            return MutationApplier.Refused(m, 0, "Een conflict kan alleen als opgelost worden gemarkeerd; aanmaken of verwijderen kan niet vanaf een laptop.");
        var pushed = m.Columns ?? new Dictionary<string, string?>();
        if (pushed.Count != 1 || !pushed.TryGetValue(SyncProtocol.ResolvedColumn, out var resolved))
        {
            var other = pushed.Keys.Where(k => k != SyncProtocol.ResolvedColumn).ToList();
            var others = string.Join(", ", other.Take(3).Select(k => $"'{Echo.Short(k)}'")) + (other.Count > 3 ? ", …" : "");
            return MutationApplier.Refused(m, 0, others.Length > 0
                ? $"Van een conflict mag alleen 'resolved' worden gewijzigd, niet {others}; deze wijziging is niet opgeslagen."
                : "De wijziging van het conflict mist de kolom 'resolved'; deze wijziging is niet opgeslagen.");
        }

        if (string.IsNullOrWhiteSpace(resolved))
            return MutationApplier.Refused(m, 0, "Een opgelost conflict kan niet weer worden geopend; deze wijziging is niet opgeslagen.");
        if (device.Role is not (Role.Nurse or Role.TeamLeader))
            return MutationApplier.Refused(m, 0, "Alleen een wijkverpleegkundige of teamleider mag een conflict oplossen.");
        if (m.RowId == Guid.Empty || s.LoadConflict(m.RowId) is not { } conflict)
            return MutationApplier.Refused(m, 0, "Dit conflict is niet bekend op de server; deze wijziging is niet opgeslagen.");
        if (!s.InScope(conflict.ClientId))
            return MutationApplier.Refused(m, conflict.Version, "Dit conflict hoort bij een cliënt die niet op de caseload van uw team staat; u mag het niet oplossen.");

        // Settled already (by a colleague, or by this same change arriving again): the first resolution stands.
        if (conflict.Resolved)
            return new MutationResult(m.MutationId, SyncProtocol.Results.Accepted, conflict.Version, null, []);
        var version = conflict.Version + 1;
        s.ResolveConflict(m.RowId, conflict.ClientId, conflict.Version, version);
        return new MutationResult(m.MutationId, SyncProtocol.Results.Accepted, version, null, []);
    }
}
