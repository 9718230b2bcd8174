using System.Globalization;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// A pattern step as the column texts that travel up. A step is about no client, so it is no row of a team's scope:
/// the laptop pushes it like any outbox row, the server keeps it with its pattern, and every step comes back down
/// inside the pattern in the reference data. Only ever inserted.
/// </summary>
public static class PatternColumns
{
    public const string StepTable = "pattern_steps";

    public static IReadOnlyList<string> Step { get; } = ["pattern_id", "to_state", "at", "by", "reason", "fix_what", "fix_who", "fix_by"];

    public static Dictionary<string, string?> ToColumns(PatternStep s) => new(StringComparer.Ordinal)
    {
        ["pattern_id"] = s.PatternId.ToString(),
        ["to_state"] = s.To.ToString(),
        ["at"] = InstantText.Write(s.At),
        ["by"] = s.By.ToString(),
        ["reason"] = s.Reason,
        ["fix_what"] = s.Fix?.What ?? "",
        ["fix_who"] = s.Fix?.Who ?? "",
        ["fix_by"] = s.Fix is { } fix ? DateText.Iso(fix.By) : "",
    };

    public static Parsed<PatternStep> FromColumns(Guid id, IReadOnlyDictionary<string, string?> row)
    {
        try
        {
            var r = new ColumnReader(row);
            var fix = r.Has("fix_what") || r.Has("fix_who") || r.Has("fix_by")
                ? new StructuralFix(r.Text("fix_what"), r.Text("fix_who"), r.OptionalDate("fix_by") ?? default)
                : null;
            return Parsed<PatternStep>.Ok(new PatternStep(id, r.Guid("pattern_id"), r.Enum<PatternState>("to_state"), r.Instant("at"), new Id<Worker>(r.Guid("by")), r.Text("reason"), fix));
        }
        catch (ColumnException e)
        {
            return Parsed<PatternStep>.Fail(e.Column, TextId.ColumnValueInvalid, e.Column);
        }
    }
}
