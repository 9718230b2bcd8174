using System.Globalization;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// Issue 14: a pause and its steps as the column texts that travel and are stored. The pause row is fixed once
/// recorded; each lift or extension is its own insert-only row under it. Laptop and server read rows through this code.
/// </summary>
public static class PauseColumns
{
    public const string PauseTable = "pauses";
    public const string StepTable = "pause_steps";

    public static IReadOnlyList<string> Pause { get; } =
        ["client_id", "action", "department", "requested_by", "reason", "starts_on", "ends_on", "recorded_by"];

    public static IReadOnlyList<string> Step { get; } = ["pause_id", "kind", "new_end", "reason", "taken_on", "taken_by", "taken_at"];

    /// <summary>Free text about the client's situation and the people involved: sealed on the laptop. Dates and department stay plain for the reminders.</summary>
    public static IReadOnlyList<string> PauseSecrets { get; } = ["action", "requested_by", "reason"];

    public static IReadOnlyList<string> StepSecrets { get; } = ["reason"];

    public static Dictionary<string, string?> ToColumns(Pause p) => new(StringComparer.Ordinal)
    {
        ["client_id"] = p.ClientId.ToString(),
        ["action"] = p.Action,
        ["department"] = p.Department,
        ["requested_by"] = p.RequestedBy,
        ["reason"] = p.Reason,
        ["starts_on"] = DateText.Iso(p.StartsOn),
        ["ends_on"] = DateText.Iso(p.EndsOn),
        ["recorded_by"] = p.RecordedBy.ToString(),
    };

    /// <summary>Reads a stored or pushed pause as recorded (no steps applied); a value that is not what <see cref="ToColumns(Pause)"/> writes is named as a problem.</summary>
    public static Parsed<Pause> FromColumns(Guid id, IReadOnlyDictionary<string, string?> row)
    {
        try
        {
            var r = new ColumnReader(row);
            return Parsed<Pause>.Ok(new Pause(
                new Id<Pause>(id), new Id<Client>(r.Guid("client_id")), r.Text("action"), r.Text("department"), r.Text("requested_by"), r.Text("reason"),
                r.Date("starts_on"), r.Date("ends_on"), new Id<Worker>(r.Guid("recorded_by"))));
        }
        catch (ColumnException e)
        {
            return Parsed<Pause>.Fail(e.Column, TextId.ColumnValueInvalid, e.Column);
        }
    }

    public static Dictionary<string, string?> ToColumns(PauseStep s) => new(StringComparer.Ordinal)
    {
        ["pause_id"] = s.PauseId.ToString(),
        ["kind"] = s.Kind.ToString(),
        ["new_end"] = s.NewEnd is { } end ? DateText.Iso(end) : "",
        ["reason"] = s.Reason,
        ["taken_on"] = DateText.Iso(s.On),
        ["taken_by"] = s.By.ToString(),
        ["taken_at"] = InstantText.Write(s.At),
    };

    public static Parsed<PauseStep> StepFromColumns(Guid id, IReadOnlyDictionary<string, string?> row)
    {
        try
        {
            var r = new ColumnReader(row);
            var kind = r.Enum<PauseStepKind>("kind");
            var newEnd = r.OptionalDate("new_end");
            if ((kind == PauseStepKind.Extend) != newEnd.HasValue)
                throw new ColumnException("new_end", null);
            return Parsed<PauseStep>.Ok(new PauseStep(
                new Id<PauseStep>(id), new Id<Pause>(r.Guid("pause_id")), kind, newEnd, r.Text("reason"), r.Date("taken_on"), new Id<Worker>(r.Guid("taken_by")), r.Instant("taken_at")));
        }
        catch (ColumnException e)
        {
            return Parsed<PauseStep>.Fail(e.Column, TextId.ColumnValueInvalid, e.Column);
        }
    }
}
