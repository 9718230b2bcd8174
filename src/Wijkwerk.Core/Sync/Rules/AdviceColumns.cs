using Wijkwerk.Core.Domain.Patterns;
using System.Globalization;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// An advice and its messages as the column texts that travel and are stored: enum names, ISO dates,
/// UTC instants, whole numbers (cents for euros). The laptop's store and the server read rows back
/// through the same code, so both judge exactly the same values.
/// </summary>
public static class AdviceColumns
{
    public const string AdviceTable = "indication_advices";
    public const string MessageTable = "advice_messages";

    /// <summary>The team an advice counts for in reports; the server sets it when it takes a new advice.</summary>
    public const string TeamColumn = "team";

    /// <summary>Set once, when the author submits; never cleared (see AdviceRules).</summary>
    public const string SubmittedColumn = "submitted_at";

    public static IReadOnlyList<string> Advice { get; } =
    [
        "client_id", "author", "team", "status", "category", "product_code", "amount", "unit", "frequency", "start_date", "duration_months",
        "rationale", "zrm", "alternatives", "client_wishes", "melding_date", "aanvraag_date", "legal_basis", "consent", "consent_note",
        "client_support_offered", "personal_plan_offered", "created_at", "submitted_at",
        "decided_category", "decided_product_code", "decided_amount", "decided_unit", "decided_frequency", "decided_start", "decided_duration_months",
        "decision_reason", "decided_at", "decided_by", "extended_until", "extension_reason",
        EnteredUnitColumn, DecidedEnteredUnitColumn, BottleneckTag.Column,
    ];

    /// <summary>The unit of time a volume kept in minutes was typed in (<see cref="Volume.EnteredIn"/>); added after the first release.</summary>
    public const string EnteredUnitColumn = "entered_unit";

    public const string DecidedEnteredUnitColumn = "decided_entered_unit";

    /// <summary>
    /// Columns added after rows were already stored and checksummed: empty on every older row, so they count
    /// in the scope checksum only when set and the server's stored sums of older rows stay right.
    /// </summary>
    public static IReadOnlySet<string> AddedLater { get; } = new HashSet<string>(StringComparer.Ordinal) { EnteredUnitColumn, DecidedEnteredUnitColumn, BottleneckTag.Column };

    public static IReadOnlyList<string> Message { get; } = ["advice_id", "kind", "text", "author", "at"];

    /// <summary>Free text about the client: sealed on the laptop.</summary>
    public static IReadOnlyList<string> AdviceSecrets { get; } =
        ["rationale", "zrm", "alternatives", "client_wishes", "consent_note", "decision_reason", "extension_reason"];

    public static IReadOnlyList<string> MessageSecrets { get; } = ["text"];

    public static Dictionary<string, string?> ToColumns(IndicationAdvice a)
    {
        var c = a.Content;
        var decided = a.Decision?.Decided;
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["client_id"] = a.ClientId.ToString(),
            ["author"] = a.Author.ToString(),
            [TeamColumn] = a.Team,
            ["status"] = a.Status.ToString(),
            ["category"] = c.Provision.Category.ToString(),
            ["product_code"] = c.Provision.ProductCode,
            ["amount"] = Number(c.Provision.Volume.Amount),
            ["unit"] = c.Provision.Volume.Unit.ToString(),
            ["frequency"] = c.Provision.Volume.Frequency.ToString(),
            ["start_date"] = DateText.Iso(c.Provision.Start),
            ["duration_months"] = c.Provision.DurationMonths is { } months ? Number(months) : null,
            ["rationale"] = c.Rationale,
            ["zrm"] = ZrmText.Write(c.Zrm),
            ["alternatives"] = c.AlternativesConsidered,
            ["client_wishes"] = c.ClientWishes,
            ["melding_date"] = DateText.Iso(c.MeldingDate),
            ["aanvraag_date"] = c.AanvraagDate is { } aanvraag ? DateText.Iso(aanvraag) : null,
            ["legal_basis"] = c.LegalBasis.ToString(),
            ["consent"] = c.Consent.ToString(),
            ["consent_note"] = c.ConsentNote,
            ["client_support_offered"] = c.ClientSupportOffered ? "1" : "0",
            ["personal_plan_offered"] = c.PersonalPlanOffered ? "1" : "0",
            ["created_at"] = InstantText.Write(a.CreatedAt),
            ["submitted_at"] = a.SubmittedAt is { } submitted ? InstantText.Write(submitted) : null,
            ["decided_category"] = decided?.Category.ToString(),
            ["decided_product_code"] = decided?.ProductCode,
            ["decided_amount"] = decided is null ? null : Number(decided.Volume.Amount),
            ["decided_unit"] = decided?.Volume.Unit.ToString(),
            ["decided_frequency"] = decided?.Volume.Frequency.ToString(),
            ["decided_start"] = decided is null ? null : DateText.Iso(decided.Start),
            ["decided_duration_months"] = decided?.DurationMonths is { } decidedMonths ? Number(decidedMonths) : null,
            ["decision_reason"] = a.Decision?.Reason ?? "",
            ["decided_at"] = a.Decision is { } decision ? InstantText.Write(decision.At) : null,
            ["decided_by"] = a.Decision?.By.ToString(),
            ["extended_until"] = a.Extension is { } extension ? DateText.Iso(extension.Until) : null,
            ["extension_reason"] = a.Extension?.Reason ?? "",
            [EnteredUnitColumn] = c.Provision.Volume.EnteredIn?.ToString(),
            [DecidedEnteredUnitColumn] = decided?.Volume.EnteredIn?.ToString(),
            [BottleneckTag.Column] = a.BottleneckTag.Length == 0 ? null : a.BottleneckTag,
        };
    }

    /// <summary>Reads a stored or pushed row; a value that is not what <see cref="ToColumns"/> writes is named as a problem.</summary>
    public static Parsed<IndicationAdvice> FromColumns(Guid id, IReadOnlyDictionary<string, string?> row)
    {
        try
        {
            var reader = new ColumnReader(row);
            var provision = new Provision(
                reader.Enum<ProductCategory>("category"), reader.Text("product_code"),
                new Volume(reader.Long("amount"), reader.Enum<VolumeUnit>("unit"), reader.Enum<VolumeFrequency>("frequency"), reader.OptionalEnum<VolumeUnit>(EnteredUnitColumn)),
                reader.Date("start_date"), reader.OptionalInt("duration_months"));
            var content = new AdviceContent(
                provision, reader.Text("rationale"), reader.Zrm("zrm"), reader.Text("alternatives"), reader.Text("client_wishes"),
                reader.Date("melding_date"), reader.OptionalDate("aanvraag_date"), reader.Enum<LegalBasis>("legal_basis"),
                reader.Enum<ConsentStatus>("consent"), reader.Text("consent_note"),
                reader.Flag("client_support_offered"), reader.Flag("personal_plan_offered"));
            AdviceDecision? decision = null;
            if (reader.Has("decided_at"))
            {
                Provision? decided = reader.Has("decided_category")
                    ? new Provision(
                        reader.Enum<ProductCategory>("decided_category"), reader.Text("decided_product_code"),
                        new Volume(
                            reader.Long("decided_amount"), reader.Enum<VolumeUnit>("decided_unit"), reader.Enum<VolumeFrequency>("decided_frequency"),
                            reader.OptionalEnum<VolumeUnit>(DecidedEnteredUnitColumn)),
                        reader.Date("decided_start"), reader.OptionalInt("decided_duration_months"))
                    : null;
                decision = new AdviceDecision(decided, reader.Text("decision_reason"), reader.Instant("decided_at"), new Id<Worker>(reader.Guid("decided_by")));
            }
            else if (reader.Has("decided_category") || reader.Has("decided_by") || reader.Text("decision_reason").Length > 0)
            {
                throw new ColumnException("decided_at", null);
            }

            var extension = reader.Has("extended_until") ? new DecisionExtension(reader.Date("extended_until"), reader.Text("extension_reason")) : null;
            return Parsed<IndicationAdvice>.Ok(new IndicationAdvice(
                new Id<IndicationAdvice>(id), new Id<Client>(reader.Guid("client_id")), new Id<Worker>(reader.Guid("author")), reader.Text(TeamColumn),
                reader.Enum<AdviceStatus>("status"), content, reader.Instant("created_at"), reader.OptionalInstant("submitted_at"), decision, extension)
            {
                BottleneckTag = reader.Text(BottleneckTag.Column),
            });
        }
        catch (ColumnException e)
        {
            return Parsed<IndicationAdvice>.Fail(e.Column, TextId.ColumnValueInvalid, e.Column);
        }
    }

    /// <summary>The plain columns the status and the legal clocks are read from: counting by them opens no sealed text.</summary>
    public static IReadOnlyList<string> ClockColumns { get; } = ["status", "melding_date", "aanvraag_date", "extended_until", "decided_at"];

    /// <summary>
    /// The status and the legal clocks from <see cref="ClockColumns"/> alone, computed as
    /// <see cref="IndicationAdvice.Clocks"/> does; null when one of those values is not readable.
    /// </summary>
    public static (AdviceStatus Status, LegalClocks Clocks)? ClocksFromColumns(IReadOnlyDictionary<string, string?> row)
    {
        try
        {
            var reader = new ColumnReader(row);
            var status = reader.Enum<AdviceStatus>("status");
            DateOnly? decidedOn = reader.OptionalInstant("decided_at") is { } decided ? AmsterdamTime.DayOf(decided) : null;
            return (status, new LegalClocks(
                reader.Date("melding_date"), reader.OptionalDate("aanvraag_date"), reader.OptionalDate("extended_until"), decidedOn, status == AdviceStatus.Withdrawn));
        }
        catch (ColumnException)
        {
            return null;
        }
    }

    public static Dictionary<string, string?> ToColumns(AdviceMessage m) => new(StringComparer.Ordinal)
    {
        ["advice_id"] = m.AdviceId.ToString(),
        ["kind"] = m.Kind.ToString(),
        ["text"] = m.Text,
        ["author"] = m.Author.ToString(),
        ["at"] = InstantText.Write(m.At),
    };

    public static Parsed<AdviceMessage> MessageFromColumns(Guid id, IReadOnlyDictionary<string, string?> row)
    {
        try
        {
            var reader = new ColumnReader(row);
            return Parsed<AdviceMessage>.Ok(new AdviceMessage(
                new Id<AdviceMessage>(id), new Id<IndicationAdvice>(reader.Guid("advice_id")), reader.Enum<AdviceMessageKind>("kind"),
                reader.Text("text"), new Id<Worker>(reader.Guid("author")), reader.Instant("at")));
        }
        catch (ColumnException e)
        {
            return Parsed<AdviceMessage>.Fail(e.Column, TextId.ColumnValueInvalid, e.Column);
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
