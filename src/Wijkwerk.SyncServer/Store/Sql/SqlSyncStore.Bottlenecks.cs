using System.Text.Json;
using System.Data.Common;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// Issue 14: the bottleneck tags. One row per tag key in <c>bottleneck_tags</c>: the label as first typed, its state
/// (accepted, proposed, merged), the key it was merged into, and who proposed it when (server UTC; no worker for a tag
/// the admin added). A tag a laptop pushes that the table does not hold becomes a proposal in the push's transaction.
/// The accepted tags and the merges are reference data: changing them raises its version; a proposal does not.
/// </summary>
public abstract partial class SqlSyncStore
{
    private const string TagColumn = BottleneckTag.Column;

    public Task<string> AddBottleneckAsync(string label, DateTimeOffset now) => Write((db, tx) =>
    {
        var (key, typed) = CheckTag(label);
        if (FindTag(db, tx, key) is { } existing)
            throw new AdminException(existing.State switch
            {
                BottleneckState.Proposed => $"Het knelpunt '{existing.Label}' is al voorgesteld; neem het op met 'admin bottleneck accept \"{existing.Label}\"'.",
                BottleneckState.Merged => $"Het knelpunt '{existing.Label}' is al samengevoegd met '{TagLabel(db, tx, existing.MergedInto!)}'.",
                _ => $"Het knelpunt '{existing.Label}' staat al in de lijst.",
            });
        Exec(db, tx, "INSERT INTO bottleneck_tags(key, label, state, merged_into, proposed_by, proposed_at) VALUES (@k, @l, 'accepted', NULL, NULL, @at);",
            ("@k", key), ("@l", typed), ("@at", Iso(now)));
        BumpReference(db, tx);
        return typed;
    });

    public Task<string> AcceptBottleneckAsync(string label, DateTimeOffset now) => Write((db, tx) =>
    {
        var tag = KnownTag(db, tx, label);
        if (tag.State == BottleneckState.Accepted)
            throw new AdminException($"Het knelpunt '{tag.Label}' staat al in de lijst.");
        if (tag.State == BottleneckState.Merged)
            throw new AdminException($"Het knelpunt '{tag.Label}' is samengevoegd met '{TagLabel(db, tx, tag.MergedInto!)}'; zo telt het al mee.");
        Exec(db, tx, "UPDATE bottleneck_tags SET state = 'accepted' WHERE key = @k;", ("@k", tag.Key));
        BumpReference(db, tx);
        return tag.Label;
    });

    /// <summary>Merges a proposed or accepted tag into an accepted one (or one merged on into an accepted one); refuses a circle.</summary>
    public Task<(string From, string Into)> MergeBottleneckAsync(string from, string into, DateTimeOffset now) => Write((db, tx) =>
    {
        var merged = KnownTag(db, tx, from);
        var target = KnownTag(db, tx, into);
        if (target.State == BottleneckState.Proposed)
            throw new AdminException($"--into: '{target.Label}' is nog maar voorgesteld; neem het eerst op met 'admin bottleneck accept \"{target.Label}\"', of voeg samen in een knelpunt uit de lijst.");
        var merges = MergesOf(db, tx).With(merged.Key, target.Key);
        if (merges is null)
        {
            throw new AdminException(merged.Key == target.Key
                ? $"'{merged.Label}' kan niet met zichzelf worden samengevoegd; kies met --into een ander knelpunt."
                : $"'{merged.Label}' samenvoegen met '{target.Label}' maakt een kring: '{target.Label}' telt al mee onder '{merged.Label}'. Kies met --into een knelpunt dat niet onder '{merged.Label}' valt.");
        }

        Exec(db, tx, "UPDATE bottleneck_tags SET state = 'merged', merged_into = @into WHERE key = @k;", ("@k", merged.Key), ("@into", target.Key));
        BumpReference(db, tx);
        // The merged tag's cases now count under the other: together they may make a pattern, in the same transaction.
        RefreshPatterns(db, tx, now);
        return (merged.Label, TagLabel(db, tx, merges.Resolve(merged.Key)));
    });

    public Task<IReadOnlyList<BottleneckListing>> ListBottlenecksAsync()
    {
        using var db = Open();
        using var tx = BeginRead(db);
        var tags = Tags(db, tx);
        var merges = MergesOf(db, tx);
        var typed = TagUse(db, tx);
        var labels = tags.ToDictionary(t => t.Key, t => t.Label, StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<BottleneckListing>>(tags.Select(t => new BottleneckListing(
            t.Label, t.State, t.MergedInto is { } key ? labels.GetValueOrDefault(merges.Resolve(key), key) : null, t.ProposedBy, t.ProposedAt,
            typed.GetValueOrDefault(t.Key),
            typed.Where(u => merges.Resolve(u.Key) == t.Key).Sum(u => u.Value))).ToList());
    }

    /// <summary>The admin's merges, for every reader of tags on the server (pattern detection too).</summary>
    internal static TagMerges MergesOf(DbConnection db, DbTransaction? tx)
    {
        using var cmd = Command(db, tx, "SELECT key, merged_into FROM bottleneck_tags WHERE state = 'merged' ORDER BY key;");
        using var reader = cmd.ExecuteReader();
        var merges = TagMerges.None;
        while (reader.Read())
            merges = merges.With(reader.GetString(0), reader.GetString(1)) ?? merges;
        return merges;
    }

    /// <summary>A tag on a pushed row that the list does not hold yet becomes a proposal by the pushing worker.</summary>
    internal static void ProposeTag(DbConnection db, DbTransaction tx, IReadOnlyDictionary<string, string?> columns, Guid workerId, DateTimeOffset now)
    {
        if (!columns.TryGetValue(TagColumn, out var tag) || tag is null || BottleneckTag.Key(tag).Length == 0)
            return;
        Exec(db, tx, "INSERT INTO bottleneck_tags(key, label, state, merged_into, proposed_by, proposed_at) VALUES (@k, @l, 'proposed', NULL, @w, @at) ON CONFLICT(key) DO NOTHING;",
            ("@k", BottleneckTag.Key(tag)), ("@l", tag.Trim()), ("@w", S(workerId)), ("@at", Iso(now)));
    }

    /// <summary>Migration 9: the tags rows already carry (issues 11 to 13) become proposals by whoever last wrote them.</summary>
    internal static void ProposeTagsInStore(DbConnection db, DbTransaction tx)
    {
        using var cmd = Command(db, tx, $"SELECT columns, updated_by, updated_at FROM rows WHERE deleted = 0 AND json_extract(columns, '$.{TagColumn}') IS NOT NULL ORDER BY updated_at, seq;");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            ProposeTag(db, tx, JsonSerializer.Deserialize(reader.GetString(0), ProtocolJson.Default.DictionaryStringString)!, Guid.Parse(reader.GetString(1)), ParseIso(reader.GetString(2)));
    }

    private static BottleneckInfo BottlenecksOf(DbConnection db, DbTransaction tx)
    {
        var tags = Tags(db, tx);
        return new BottleneckInfo(
            tags.Where(t => t.State == BottleneckState.Accepted).Select(t => t.Label).ToList(),
            tags.Where(t => t.State == BottleneckState.Merged).Select(t => new TagMergeInfo(t.Key, t.MergedInto!)).ToList());
    }

    // Rows per typed tag key, live rows of every table that carries a tag.
    private static Dictionary<string, int> TagUse(DbConnection db, DbTransaction tx)
    {
        using var cmd = Command(db, tx, $"SELECT json_extract(columns, '$.{TagColumn}') FROM rows WHERE deleted = 0 AND json_extract(columns, '$.{TagColumn}') IS NOT NULL;");
        using var reader = cmd.ExecuteReader();
        var use = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var key = BottleneckTag.Key(reader.GetString(0));
            if (key.Length > 0)
                use[key] = use.GetValueOrDefault(key) + 1;
        }

        return use;
    }

    private static (string Key, string Label) CheckTag(string label)
    {
        var key = BottleneckTag.Key(label);
        if (key.Length == 0)
            throw new AdminException("Geef de naam van het knelpunt, zoals \"Spookbewoning\".");
        if (label.Trim().Length > Core.Domain.Mandates.MandateDecision.MaxShortLength)
            throw new AdminException($"De naam van het knelpunt is {label.Trim().Length} tekens; houd hem op hoogstens {Core.Domain.Mandates.MandateDecision.MaxShortLength}.");
        return (key, label.Trim());
    }

    private static TagRow KnownTag(DbConnection db, DbTransaction tx, string label) =>
        FindTag(db, tx, CheckTag(label).Key)
            ?? throw new AdminException($"Onbekend knelpunt '{label.Trim()}'; zie 'admin bottleneck list' (een knelpunt komt in de lijst met 'admin bottleneck add' of doordat een medewerker het voorstelt).");

    private static TagRow? FindTag(DbConnection db, DbTransaction tx, string key) =>
        Tags(db, tx, key).SingleOrDefault();

    private static string TagLabel(DbConnection db, DbTransaction tx, string key) => FindTag(db, tx, key)?.Label ?? key;

    private static List<TagRow> Tags(DbConnection db, DbTransaction? tx, string? key = null)
    {
        using var cmd = Command(db, tx, $"""
            SELECT t.key, t.label, t.state, t.merged_into, w.name, t.proposed_at FROM bottleneck_tags t LEFT JOIN workers w ON w.id = t.proposed_by
            {(key is null ? "" : "WHERE t.key = @k")} ORDER BY t.key;
            """, key is null ? [] : [("@k", key)]);
        using var reader = cmd.ExecuteReader();
        var tags = new List<TagRow>();
        while (reader.Read())
        {
            tags.Add(new TagRow(reader.GetString(0), reader.GetString(1), Enum.Parse<BottleneckState>(reader.GetString(2), ignoreCase: true),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), ParseIso(reader.GetString(5))));
        }

        return tags;
    }

    private sealed record TagRow(string Key, string Label, BottleneckState State, string? MergedInto, string? ProposedBy, DateTimeOffset ProposedAt);
}
