using System.Globalization;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;

namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// The values a laptop may store, checked on every pushed value before the server merges it or keeps it
/// as the other side of a conflict: each value as the laptop's own row readers parse it (ISO dates that
/// exist, known names, guids, ZRM scores, 0/1 flags), no longer than its form allows, without control
/// characters; a new row with every column the laptop needs to store and read it; and the row as a whole
/// by the same domain rules as the form. Each check answers null (fine) or a Dutch sentence.
/// </summary>
public static class ValueRules
{
    private const int CodeLength = 40;
    private const int InstantLength = 40;
    private const int NumberLength = 19;
    private const int ZrmLength = 2000;

    /// <summary>The avoided routes of a decision as JSON: at most the calculator's 50 routes of a few hundred characters each.</summary>
    private const int RoutesLength = 30_000;

    private static readonly Dictionary<string, IReadOnlyList<ColumnFormat>> ByTable = new(StringComparer.Ordinal)
    {
        ["clients"] =
        [
            Text("first_name", PersonName.MaxPartLength) with { Required = true },
            Text("surname_prefix", PersonName.MaxPartLength),
            Text("surname", PersonName.MaxPartLength) with { Required = true },
            // Not after today either, but the client form names every problem at once: ClientInput judges the row.
            Date("birth_date"),
            Text("postcode", 7) with { Required = true },
            Text("house_number", 5) with { Required = true },
            Text("addition", Address.MaxAdditionLength),
            Text("phone", 20),
            Text("bsn", 11),
            Text("notes", Client.MaxNotesLength) with { MultiLine = true },
        ],
        ["household_members"] =
        [
            Id("client_id"),
            Text("name", HouseholdMember.MaxNameLength) with { Required = true },
            Known<HouseholdRelation>("relation"),
            Date("birth_date", allowEmpty: true) with { NotAfterToday = true },
        ],
        ["consents"] =
        [
            Id("client_id"),
            Text("purpose", Consent.MaxPurposeLength) with { Required = true },
            Known<ConsentStatus>("status"),
            Text("reason", Consent.MaxReasonLength) with { MultiLine = true },
            Date("date") with { NotAfterToday = true },
            Id("recorded_by"),
        ],
        ["signals"] =
        [
            Id("client_id"),
            Known<SignalSource>("source"),
            Text("source_other", Signal.MaxSourceOtherLength),
            Text("observation", Signal.MaxObservationLength) with { Required = true, MultiLine = true },
            LifeDomains("life_domains"),
            Known<Urgency>("urgency"),
            Flag("consent_in_consultation"),
            Text("consent_reason", ConsentBasis.MaxReasonLength),
            Id("assignee") with { Optional = true },
            Known<SignalStatus>("status"),
            Instant("reported_at"),
            Instant("picked_up_at") with { Optional = true },
            Text(BottleneckTag.Column, MandateDecision.MaxShortLength) with { Optional = true },
        ],
        ["follow_ups"] =
        [
            Id("signal_id"),
            Instant("at"),
            Id("worker"),
            Text("note", FollowUp.MaxNoteLength) with { Required = true, MultiLine = true },
        ],
        ["home_visits"] =
        [
            Id("client_id"),
            Date("date") with { NotAfterToday = true },
            Id("worker"),
            Text("notes", HomeVisit.MaxNotesLength) with { MultiLine = true },
            Zrm("zrm"),
        ],
        [AdviceColumns.AdviceTable] =
        [
            Id("client_id"),
            Id("author"),
            // The server sets the team of a new advice; a laptop need not send it.
            Text(AdviceColumns.TeamColumn, IndicationAdvice.MaxTeamLength) with { Optional = true },
            Known<AdviceStatus>("status"),
            Known<ProductCategory>("category"),
            Text("product_code", CodeLength),
            Number("amount"),
            Known<VolumeUnit>("unit"),
            Known<VolumeFrequency>("frequency"),
            Date("start_date"),
            Number("duration_months") with { Optional = true },
            Text("rationale", AdviceContent.MaxTextLength) with { MultiLine = true },
            Zrm("zrm"),
            Text("alternatives", AdviceContent.MaxTextLength) with { MultiLine = true },
            Text("client_wishes", AdviceContent.MaxTextLength) with { MultiLine = true },
            Date("melding_date"),
            Date("aanvraag_date") with { Optional = true },
            Known<LegalBasis>("legal_basis"),
            Known<ConsentStatus>("consent"),
            Text("consent_note", AdviceContent.MaxTextLength),
            Flag("client_support_offered"),
            Flag("personal_plan_offered"),
            Instant("created_at"),
            Instant("submitted_at") with { Optional = true },
            Known<ProductCategory>("decided_category") with { Optional = true },
            Text("decided_product_code", CodeLength) with { Optional = true },
            Number("decided_amount") with { Optional = true },
            Known<VolumeUnit>("decided_unit") with { Optional = true },
            Known<VolumeFrequency>("decided_frequency") with { Optional = true },
            Date("decided_start") with { Optional = true },
            Number("decided_duration_months") with { Optional = true },
            Text("decision_reason", AdviceRules.MaxReasonLength) with { MultiLine = true },
            Instant("decided_at") with { Optional = true },
            Id("decided_by") with { Optional = true },
            Date("extended_until") with { Optional = true },
            Text("extension_reason", AdviceRules.MaxReasonLength) with { MultiLine = true },
            // Absent from rows of laptops that do not keep it yet; whether it fits the amount is Volume.Check's.
            Known<VolumeUnit>(AdviceColumns.EnteredUnitColumn) with { Optional = true },
            Known<VolumeUnit>(AdviceColumns.DecidedEnteredUnitColumn) with { Optional = true },
            Text(BottleneckTag.Column, MandateDecision.MaxShortLength) with { Optional = true },
        ],
        [AdviceColumns.MessageTable] =
        [
            Id("advice_id"),
            Known<AdviceMessageKind>("kind"),
            Text("text", AdviceMessage.MaxLength) with { Required = true, MultiLine = true },
            Id("author"),
            Instant("at"),
        ],

        // Issue 11: what a mandate decision must say is MandateRules' to judge (RowRules.CheckRow); here only the shapes.
        [MandateColumns.DecisionTable] =
        [
            Id("client_id"),
            Id("decided_by"),
            Id("mandate_id"),
            Instant("decided_at"),
            Text("department", MandateDecision.MaxShortLength),
            Text("rule_overridden", MandateDecision.MaxShortLength),
            Text("refused_before", MandateDecision.MaxTextLength) with { MultiLine = true },
            Text("decision", MandateDecision.MaxTextLength) with { MultiLine = true },
            Text("executor_department", MandateDecision.MaxShortLength),
            Text("executor_contact", MandateDecision.MaxShortLength),
            Text("legitimacy", MandateDecision.MaxTextLength) with { MultiLine = true },
            Text("engagement", MandateDecision.MaxTextLength) with { MultiLine = true },
            Flag("resident_heard"),
            Number("own_cost") with { Optional = true },
            Number("avoided_cost") with { Optional = true },
            Number("net_return") with { Optional = true },
            Decimal("return_ratio") with { Optional = true },
            Number("horizon_months") with { Optional = true },
            Number("cost_table_version") with { Optional = true },
            Text("avoided_routes", RoutesLength) with { Optional = true },
            Text("bottleneck_tag", MandateDecision.MaxShortLength),
            Date("follow_up_on"),
            Known<FollowUpResult>("follow_up_result") with { Optional = true },
            Text("follow_up_how", MandateDecision.MaxTextLength) with { MultiLine = true },
            Instant("follow_up_at") with { Optional = true },
            Id("follow_up_by") with { Optional = true },
        ],
        [MandateColumns.AddendumTable] =
        [
            Id("decision_id"),
            Text("text", DecisionAddendum.MaxTextLength) with { Required = true, MultiLine = true },
            Instant("at"),
            Id("author"),
        ],

        // Issue 12: what a budget request or vote may say is BudgetRules' to judge (RowRules.CheckRow); here only the shapes.
        [BudgetColumns.RequestTable] =
        [
            Id("client_id"),
            Text("team", BudgetRequest.MaxShortLength) with { Required = true },
            Id("requested_by"),
            Instant("requested_at"),
            Text("what", BudgetRequest.MaxTextLength) with { MultiLine = true },
            Text("supplier_name", BudgetRequest.MaxShortLength),
            Text("supplier_reference", BudgetRequest.MaxShortLength),
            Number("amount_cents"),
            Known<BudgetCategory>("category"),
            Text("why_no_regular_route", BudgetRequest.MaxTextLength) with { MultiLine = true },
            Text("legitimacy", BudgetRequest.MaxTextLength) with { MultiLine = true },
            Text("engagement", BudgetRequest.MaxTextLength) with { MultiLine = true },
            Flag("resident_heard"),
            Number("own_cost") with { Optional = true },
            Number("avoided_cost") with { Optional = true },
            Number("net_return") with { Optional = true },
            Decimal("return_ratio") with { Optional = true },
            Number("horizon_months") with { Optional = true },
            Number("cost_table_version") with { Optional = true },
            Text("avoided_routes", RoutesLength) with { Optional = true },
            Text("bottleneck_tag", BudgetRequest.MaxShortLength),
            Known<BudgetRequestStatus>("status"),
            Instant("approved_at") with { Optional = true },
            Instant("outcome_at") with { Optional = true },
            Id("outcome_by") with { Optional = true },
            Text("outcome_note", BudgetRequest.MaxTextLength) with { MultiLine = true },
        ],
        [BudgetColumns.VoteTable] =
        [
            Id("request_id"),
            Id("voter"),
            Instant("at"),
            Known<VoteKind>("kind"),
            Text("alternative", BudgetVote.MaxAlternativeLength) with { MultiLine = true },
        ],

        // Issue 13: what a fund request or repayment may say is FundRules' to judge (the server's FundApplier); here only the shapes.
        [FundColumns.RequestTable] =
        [
            Id("client_id"),
            Text("team", FundRequest.MaxShortLength) with { Required = true },
            Id("requested_by"),
            Instant("requested_at"),
            Text("case_description", FundRequest.MaxCaseLength) with { MultiLine = true },
            Number("amount_cents"),
            Text("purpose", FundRequest.MaxTextLength) with { MultiLine = true },
            Text("payee", FundRequest.MaxShortLength),
            Text("responsible_partner", FundRequest.MaxShortLength),
            Text("why_regular_route_fails", FundRequest.MaxTextLength) with { MultiLine = true },
            Flag("durable_expected"),
            Text("durability_why", FundRequest.MaxTextLength) with { MultiLine = true },
            Text("legitimacy", FundRequest.MaxTextLength) with { MultiLine = true },
            Text("engagement", FundRequest.MaxTextLength) with { MultiLine = true },
            Flag("resident_heard"),
            Number("own_cost") with { Optional = true },
            Number("avoided_cost") with { Optional = true },
            Number("net_return") with { Optional = true },
            Decimal("return_ratio") with { Optional = true },
            Number("horizon_months") with { Optional = true },
            Number("cost_table_version") with { Optional = true },
            Text("avoided_routes", RoutesLength) with { Optional = true },
            Text("bottleneck_tag", FundRequest.MaxShortLength),
            Known<FundRequestStatus>("status"),
            Instant("decided_at") with { Optional = true },
            Id("decided_by") with { Optional = true },
            Text("decision_note", FundRequest.MaxTextLength) with { MultiLine = true },
            Instant("paid_at") with { Optional = true },
            Id("paid_by") with { Optional = true },
            Text("payment_reference", FundRequest.MaxTextLength),
            Instant("evaluated_at") with { Optional = true },
            Id("evaluated_by") with { Optional = true },
            Flag("worked") with { Optional = true },
            Flag("durable") with { Optional = true },
            Text("evaluation_note", FundRequest.MaxTextLength) with { MultiLine = true },
            Instant("settled_at") with { Optional = true },
            Id("settled_by") with { Optional = true },
            Text("shares", RoutesLength) with { Optional = true },
        ],
        [FundColumns.RepaymentTable] =
        [
            Id("request_id"),
            Text("partner", FundRequest.MaxShortLength) with { Required = true },
            Number("amount_cents"),
            Date("received_on"),
            Id("recorded_by"),
            Instant("recorded_at"),
        ],

        // Issue 14: what a pause, a step on it or an escalation may say is PauseRules' and EscalationRules' to judge
        // (the server's PauseApplier); here only the shapes.
        [PauseColumns.PauseTable] =
        [
            Id("client_id"),
            Text("action", Pause.MaxShortLength),
            Text("department", Pause.MaxShortLength),
            Text("requested_by", Pause.MaxShortLength),
            Text("reason", Pause.MaxTextLength) with { MultiLine = true },
            Date("starts_on"),
            Date("ends_on"),
            Id("recorded_by"),
        ],
        [PauseColumns.StepTable] =
        [
            Id("pause_id"),
            Known<PauseStepKind>("kind"),
            Date("new_end", allowEmpty: true),
            Text("reason", Pause.MaxTextLength) with { MultiLine = true },
            Date("taken_on"),
            Id("taken_by"),
            Instant("taken_at"),
        ],
        [EscalationColumns.Table] =
        [
            Id("client_id"),
            Known<EscalationLevel>("level"),
            Text("reason", Escalation.MaxTextLength) with { MultiLine = true },
            Text("tried", Escalation.MaxTextLength) with { MultiLine = true },
            Text("parties", Escalation.MaxShortLength),
            Date("raised_on"),
            Date("follow_up_on"),
            Id("raised_by"),
            Text("bottleneck_tag", Escalation.MaxShortLength),
            Date("closed_on", allowEmpty: true),
            Text("outcome", Escalation.MaxTextLength) with { MultiLine = true },
        ],
    };

    private static readonly Dictionary<string, string> Subjects = new(StringComparer.Ordinal)
    {
        ["clients"] = "Cliëntgegevens",
        ["household_members"] = "Huisgenoot",
        ["consents"] = "Toestemming",
        ["signals"] = "Signaal",
        ["follow_ups"] = "Vervolgnotitie bij signaal",
        ["home_visits"] = "Huisbezoek",
        [AdviceColumns.AdviceTable] = "Indicatieadvies",
        [AdviceColumns.MessageTable] = "Bericht bij indicatieadvies",
        [MandateColumns.DecisionTable] = "Mandaatbesluit",
        [MandateColumns.AddendumTable] = "Aanvulling op mandaatbesluit",
        [BudgetColumns.RequestTable] = "Budgetverzoek",
        [BudgetColumns.VoteTable] = "Stem over budgetverzoek",
        [FundColumns.RequestTable] = RowRules.FundRequestSubject,
        [FundColumns.RepaymentTable] = RowRules.FundRepaymentSubject,
        [PauseColumns.PauseTable] = RowRules.PauseSubject,
        [PauseColumns.StepTable] = RowRules.PauseStepSubject,
        [EscalationColumns.Table] = RowRules.EscalationSubject,
    };

    /// <summary>The format of every column of a synced table, in schema order; empty for a table that does not travel.</summary>
    public static IReadOnlyList<ColumnFormat> Formats(string table) => ByTable.TryGetValue(table, out var formats) ? formats : [];

    /// <summary>
    /// Checks the values of one pushed change before any merge. <paramref name="wholeRow"/> for an insert: then
    /// every column the laptop cannot store without must be there. Columns outside the table are
    /// <see cref="RowRules.CheckColumns"/>' to refuse.
    /// </summary>
    public static string? CheckPushed(string table, IReadOnlyDictionary<string, string?> pushed, bool wholeRow, DateOnly today)
    {
        var formats = Formats(table);
        if (wholeRow && MissingRequired(formats, pushed) is { } missing)
        {
            return $"{Subject(table)}: een nieuwe rij mist de verplichte kolommen {string.Join(", ", missing)}; "
                + "vul die gegevens in en sla opnieuw op (of werk Wijkwerk bij). Deze wijziging is niet opgeslagen.";
        }

        foreach (var format in formats)
        {
            if (pushed.TryGetValue(format.Column, out var value) && CheckValue(format, value, today) is { } problem)
                return $"{Subject(table)}: {problem}";
        }

        return null;
    }

    /// <summary>
    /// The whole row by the domain rules of its form (required fields, lengths, dates not in the future,
    /// consent reasons), for the tables whose rules <see cref="RowRules.CheckRow"/> does not already hold:
    /// a new row as pushed, a changed row as merged.
    /// </summary>
    public static string? CheckRow(string table, IReadOnlyDictionary<string, string?> row, Guid rowId, DateOnly today)
    {
        try
        {
            var r = new Reader(row);
            var problem = table switch
            {
                "household_members" => HouseholdMember.Record(
                    new(rowId), new(r.Guid("client_id")), r.Text("name"), r.Enum<HouseholdRelation>("relation"), r.OptionalDate("birth_date"), today).Problem,
                "consents" => Consent.Record(
                    new(rowId), new(r.Guid("client_id")), r.Text("purpose"), r.Enum<ConsentStatus>("status"), r.Text("reason"), r.Date("date"),
                    new Id<Worker>(r.Guid("recorded_by")), today).Problem,
                "signals" => Signal.Report(
                    new(rowId), new(r.Guid("client_id")), r.Enum<SignalSource>("source"), r.Text("source_other"), r.Text("observation"),
                    r.LifeDomains("life_domains"), r.Enum<Urgency>("urgency"), new ConsentBasis(r.Flag("consent_in_consultation"), r.Text("consent_reason")),
                    r.OptionalGuid("assignee") is { } assignee ? new Id<Worker>(assignee) : null, r.Instant("reported_at")).Problem,
                "follow_ups" => FollowUp.Write(new(rowId), new(r.Guid("signal_id")), r.Instant("at"), new Id<Worker>(r.Guid("worker")), r.Text("note")).Problem,
                "home_visits" => HomeVisit.Record(
                    new(rowId), new(r.Guid("client_id")), r.Date("date"), new Id<Worker>(r.Guid("worker")), r.Text("notes"), r.Zrm("zrm"), today).Problem,
                _ => null,
            };
            return problem is null ? null : $"{Subject(table)}: {problem.Field} {Echo.Describe(problem)}";
        }
        catch (ColumnException e)
        {
            return $"{Subject(table)}: kolom '{e.Column}' ontbreekt of heeft een ongeldige waarde; vul die in en sla opnieuw op. Deze wijziging is niet opgeslagen.";
        }
    }

    // Every pushed value of a first upload passes through here: the list of missing columns and the column's name in a
    // message are made only for a row that has a problem.
    private static List<string>? MissingRequired(IReadOnlyList<ColumnFormat> formats, IReadOnlyDictionary<string, string?> pushed)
    {
        List<string>? missing = null;
        foreach (var format in formats)
        {
            if (!format.Optional && !pushed.ContainsKey(format.Column))
                (missing ??= []).Add($"'{format.Column}'");
        }

        return missing;
    }

    private static string? CheckValue(ColumnFormat format, string? value, DateOnly today)
    {
        var problem = ValueProblem(format, value, today);
        return problem is null ? null : $"kolom '{format.Column}' {problem}";
    }

    /// <summary>What is wrong with the value, to follow the column's name; null when nothing.</summary>
    private static string? ValueProblem(ColumnFormat format, string? value, DateOnly today)
    {
        if (value is null)
            return format.Optional ? null : "mag niet leeg (null) zijn; werk Wijkwerk bij. Deze wijziging is niet opgeslagen.";
        if (BadCharacter(value, format.MultiLine) is { } bad)
            return $"bevat een ongeldig teken ({bad}); haal het weg en sla opnieuw op.";
        if (value.Length == 0 && format.Optional)
            return null;
        if (format.Required && value.Trim().Length == 0)
            return "is verplicht; vul het in en sla opnieuw op.";
        // Shape before length: "31-02-never" is not a date, rather than a date that is too long.
        if (!format.IsValid(value))
            return Invalid(value, format);
        if (value.Length > format.MaxLength)
            return $"is te lang: {value.Length} tekens, maximaal {format.MaxLength}; maak het korter en sla opnieuw op.";
        return format.NotAfterToday && IsoDate(value) is { } date && date > today
            ? $"ligt in de toekomst ({value}); controleer de datum en sla opnieuw op."
            : null;
    }

    private static string Invalid(string value, ColumnFormat format) =>
        $"heeft een ongeldige waarde '{Echo.Short(value)}'; verwacht {format.Expected}. Deze wijziging is niet opgeslagen.";

    /// <summary>A control character (line breaks and tabs only in multi-line text) or half a surrogate pair, shown as its code.</summary>
    private static string? BadCharacter(string value, bool multiLine)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
                return $"stuurteken U+{(int)c:X4}";
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
                return $"losse helft van een teken U+{(int)c:X4}";
        }

        return null;
    }

    private static string Subject(string table) => Subjects.TryGetValue(table, out var subject) ? subject : table;

    private static ColumnFormat Text(string column, int maxLength) => new(column, maxLength, _ => true, "tekst");

    private static ColumnFormat Id(string column) => new(column, 36, v => System.Guid.TryParseExact(v, "D", out _), "een id (guid, 36 tekens)");

    private static ColumnFormat Date(string column, bool allowEmpty = false) =>
        new(column, 10, v => (allowEmpty && v.Length == 0) || IsoDate(v) is not null, allowEmpty ? "een bestaande datum als jjjj-mm-dd, of leeg" : "een bestaande datum als jjjj-mm-dd");

    private static ColumnFormat Instant(string column) => new(column, InstantLength, v => IsoInstant(v) is not null, "een tijdstip als jjjj-mm-ddTuu:mm:ssZ");

    private static ColumnFormat Flag(string column) => new(column, 1, v => v is "0" or "1", "0 of 1");

    private static ColumnFormat Number(string column) => new(column, NumberLength, v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _), "een geheel getal");

    private static ColumnFormat Decimal(string column) =>
        new(column, NumberLength + 3, v => decimal.TryParse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _), "een getal met een punt, zoals 12.75");

    private static ColumnFormat Known<T>(string column)
        where T : struct, Enum =>
        new(column, CodeLength, v => RowRules.TryEnum<T>(v, out _), "een van: " + string.Join(", ", Enum.GetNames<T>()));

    private static ColumnFormat LifeDomains(string column) =>
        new(column, 20, v => v.Length == 0 || v.Split(',').All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && Enum.IsDefined((LifeDomain)d)),
            "leefgebieden als nummers met komma's, zoals 1,3 (1 tot en met 5)");

    private static ColumnFormat Zrm(string column) => new(column, ZrmLength, v => v.Length == 0 || (v.Length <= ZrmLength && ReadsAsZrm(v)), "ZRM-scores zoals Wijkwerk ze opslaat, of leeg");

    private static bool ReadsAsZrm(string text)
    {
        try
        {
            ZrmText.Read(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static DateOnly? IsoDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static readonly string[] InstantFormats =
        ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:sszzz"];

    private const DateTimeStyles InUtc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    /// <summary>By the formats above; what every laptop writes (the first of them) through <see cref="InstantText.TryReadWritten"/> first.</summary>
    private static DateTimeOffset? IsoInstant(string text) =>
        InstantText.TryReadWritten(text, out var at) || DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, InUtc, out at)
            ? at
            : null;

    private sealed class ColumnException(string column) : Exception(column)
    {
        public string Column { get; } = column;
    }

    /// <summary>Typed values of a row for the domain factories; a missing or unreadable value names its column.</summary>
    private sealed class Reader(IReadOnlyDictionary<string, string?> row)
    {
        public string Text(string column) => row.TryGetValue(column, out var value) && value is not null ? value : throw new ColumnException(column);

        public System.Guid Guid(string column) => System.Guid.TryParse(Text(column), out var id) ? id : throw new ColumnException(column);

        public System.Guid? OptionalGuid(string column) => string.IsNullOrEmpty(row.GetValueOrDefault(column)) ? null : Guid(column);

        public T Enum<T>(string column)
            where T : struct, System.Enum =>
            RowRules.TryEnum<T>(Text(column), out var value) ? value : throw new ColumnException(column);

        public DateOnly Date(string column) => IsoDate(Text(column)) ?? throw new ColumnException(column);

        public DateOnly? OptionalDate(string column) => Text(column).Length == 0 ? null : Date(column);

        public DateTimeOffset Instant(string column) => IsoInstant(Text(column)) ?? throw new ColumnException(column);

        public bool Flag(string column) => Text(column) switch
        {
            "1" => true,
            "0" => false,
            _ => throw new ColumnException(column),
        };

        public IEnumerable<LifeDomain> LifeDomains(string column) =>
            Text(column).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p =>
                int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && System.Enum.IsDefined((LifeDomain)d) ? (LifeDomain)d : throw new ColumnException(column)).ToList();

        public ZrmAssessment? Zrm(string column) => ReadsAsZrm(Text(column)) ? ZrmText.Read(Text(column)) : throw new ColumnException(column);
    }
}
