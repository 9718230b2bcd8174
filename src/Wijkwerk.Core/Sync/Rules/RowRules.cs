using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// The domain rules a synced row must keep, whoever stores it: role, allowed columns, enum values,
/// the signal state machine and client validation. Each check answers null (fine) or a Dutch sentence
/// a person can act on. Knows no database: the server (and later any other store) supplies the rows.
/// </summary>
public static class RowRules
{
    /// <summary>
    /// Only the people who work with dossiers write them; the Wmo consultant writes only on indication
    /// advice (which parts, <see cref="AdviceRules"/> decides); administrators write nothing.
    /// </summary>
    public static string? CheckRole(Role role, string table)
    {
        if (table is AdviceColumns.AdviceTable or AdviceColumns.MessageTable)
        {
            return AdviceWorkflow.ActorFor(role) is null
                ? $"Uw rol ({role.Code()}) werkt niet met indicatieadviezen; dat doen wijkverpleegkundigen, teamleiders en Wmo-consulenten."
                : null;
        }

        if (table is MandateColumns.DecisionTable or MandateColumns.AddendumTable)
        {
            return role == Role.TeamLeader
                ? null
                : $"Uw rol ({role.Code()}) legt geen mandaatbesluiten vast; dat doet een teamleider met mandaat.";
        }

        // Issue 13: member professionals request, the secretariat takes the steps and books the repayments.
        if (table == FundColumns.RequestTable)
        {
            return role == Role.FundSecretary || role.RecordsSignalsAndVisits()
                ? null
                : $"Fondsverzoek: uw rol ({role.Code()}) vraagt geen geld aan bij het revolverend fonds; dat doen alleen lid-professionals (wijkverpleegkundigen en teamleiders), nooit inwoners of andere rollen.";
        }
        if (table == FundColumns.RepaymentTable)
        {
            return role == Role.FundSecretary
                ? null
                : $"Uw rol ({role.Code()}) boekt geen terugbetalingen aan het revolverend fonds; dat doet het fondssecretariaat.";
        }

        return role.RecordsSignalsAndVisits()
            ? null
            : $"Uw rol ({role.Code()}) mag geen gegevens in '{table}' vastleggen; dat doen wijkverpleegkundigen en teamleiders.";
    }

    /// <summary>
    /// Advice and its thread are a record of what was advised, asked and decided: an advice ends by being
    /// withdrawn or decided, never by disappearing, whichever role asks.
    /// </summary>
    public static string? CheckDelete(string table) => table switch
    {
        AdviceColumns.AdviceTable or AdviceColumns.MessageTable =>
            "Een indicatieadvies of een bericht daarover wordt niet verwijderd; trek een advies in als het niet meer nodig is.",
        MandateColumns.DecisionTable => Sentence("Mandaatbesluit", new Problem("besluit", TextId.MandateDecisionFixed)),
        MandateColumns.AddendumTable => Sentence("Aanvulling op mandaatbesluit", new Problem("aanvulling", TextId.MandateAddendumFixed)),
        BudgetColumns.RequestTable => Sentence(BudgetRequestSubject, new Problem("verzoek", TextId.BudgetRequestFixed)),
        BudgetColumns.VoteTable => Sentence(BudgetVoteSubject, new Problem("stem", TextId.BudgetVoteFixed)),
        FundColumns.RequestTable => Sentence(FundRequestSubject, new Problem("verzoek", TextId.FundRequestFixed)),
        FundColumns.RepaymentTable => Sentence(FundRepaymentSubject, new Problem("terugbetaling", TextId.FundRepaymentFixed)),
        PauseColumns.PauseTable or PauseColumns.StepTable => Sentence(PauseSubject, new Problem("pauze", TextId.PauseFixed)),
        EscalationColumns.Table => Sentence(EscalationSubject, new Problem("escalatie", TextId.EscalationFixed)),
        _ => null,
    };

    /// <summary>Every pushed column must be a writable column of the table (no mass assignment).</summary>
    public static string? CheckColumns(SyncSchema.SyncTable table, IEnumerable<string> columns)
    {
        foreach (var column in columns)
        {
            if (!SyncSchema.HasColumn(table.Name, column))
                return $"Onbekende kolom '{Echo.Short(column)}' in tabel '{table.Name}' (unknown column); deze wijziging is niet opgeslagen.";
        }

        return null;
    }

    /// <summary>
    /// Checks the row as it will be after the merge. <paramref name="current"/> is the server's row before
    /// this change (null for a new row): status moves are judged from the server's status, not the laptop's.
    /// </summary>
    /// <param name="parent">For a new row of a child table, its parent row as stored (e.g. the advice a message is about).</param>
    /// <param name="mandates">The pushing worker's mandates, as the server holds them: what a new mandate decision is judged by.</param>
    public static string? CheckRow(
        string table, IReadOnlyDictionary<string, string?>? current, IReadOnlyDictionary<string, string?> merged, Guid rowId, DateOnly today, Role role, Guid worker,
        IReadOnlyDictionary<string, string?>? parent = null, IReadOnlyList<Mandate>? mandates = null) =>
        table switch
        {
            MandateColumns.DecisionTable => CheckMandateDecision(current, merged, rowId, today, role, worker, mandates ?? []),
            MandateColumns.AddendumTable => CheckAddendum(current, merged, rowId, today, role, worker, parent),
            AdviceColumns.AdviceTable => CheckAdvice(current, merged, rowId, today, role, worker),
            AdviceColumns.MessageTable => CheckMessage(current, merged, rowId, role, worker, parent),
            "clients" => CheckClient(merged, rowId, today),
            "signals" => CheckSignal(current, merged),
            "consents" => CheckEnum<ConsentStatus>(merged, "status", "toestemmingsstatus") ?? CheckGuid(merged, "recorded_by", "vastgelegd door"),
            "home_visits" => CheckGuid(merged, "worker", "medewerker"),
            "follow_ups" => CheckGuid(merged, "worker", "medewerker"),
            _ => null,
        };

    private static string? CheckClient(IReadOnlyDictionary<string, string?> row, Guid rowId, DateOnly today)
    {
        var input = new ClientInput(
            Get(row, "first_name"), Get(row, "surname"), Get(row, "birth_date"), Get(row, "postcode"), Get(row, "house_number"),
            Get(row, "addition"), Get(row, "phone"), Get(row, "bsn"), Get(row, "notes"), Get(row, "surname_prefix"));
        var (_, problems) = input.Validate(new Id<Client>(rowId), today);
        return problems.Count == 0
            ? null
            : "Cliëntgegevens kloppen niet: " + string.Join("; ", problems.Select(p => $"{p.Field}: {Echo.Describe(p)}"));
    }

    private static string? CheckSignal(IReadOnlyDictionary<string, string?>? current, IReadOnlyDictionary<string, string?> merged)
    {
        var problem = CheckEnum<SignalSource>(merged, "source", "bron")
            ?? CheckEnum<Urgency>(merged, "urgency", "urgentie")
            ?? CheckEnum<SignalStatus>(merged, "status", "status")
            ?? CheckGuid(merged, "assignee", "toegewezen aan")
            ?? CheckLifeDomains(merged);
        if (problem is not null)
            return problem;
        if (Get(merged, "consent_in_consultation") is { } consent && consent is not ("0" or "1"))
            return "Toestemming in overleg moet 0 of 1 zijn.";

        if (current is null || Get(current, "status") is not { } before || Get(merged, "status") is not { } after)
            return null;
        if (!TryEnum<SignalStatus>(before, out var from) || !TryEnum<SignalStatus>(after, out var to) || from == to)
            return null;
        return SignalTransitions.IsAllowed(from, to)
            ? null
            : $"Een signaal met status {EnumTexts.Name(from, Lang.Nl)} kan niet naar {EnumTexts.Name(to, Lang.Nl)}; ververs het signaal en kies een toegestane stap.";
    }

    private static string? CheckAdvice(
        IReadOnlyDictionary<string, string?>? current, IReadOnlyDictionary<string, string?> merged, Guid rowId, DateOnly today, Role role, Guid worker)
    {
        var after = AdviceColumns.FromColumns(rowId, merged);
        if (!after.IsValid)
            return Sentence("Indicatieadvies", after.Problem);
        IndicationAdvice? before = null;
        if (current is not null)
        {
            var stored = AdviceColumns.FromColumns(rowId, current);
            if (!stored.IsValid)
                return Sentence("Indicatieadvies op de server", stored.Problem);
            before = stored.Value;
        }

        return AdviceRules.CheckChange(role, new Id<Worker>(worker), before, after.Value, today) is { } problem
            ? Sentence("Indicatieadvies", problem)
            : null;
    }

    /// <summary>A question or answer is said once: it is never rewritten afterwards.</summary>
    private static string? CheckMessage(
        IReadOnlyDictionary<string, string?>? current, IReadOnlyDictionary<string, string?> merged, Guid rowId, Role role, Guid worker,
        IReadOnlyDictionary<string, string?>? advice)
    {
        var message = AdviceColumns.MessageFromColumns(rowId, merged);
        if (!message.IsValid)
            return Sentence("Bericht bij indicatieadvies", message.Problem);
        if (current is not null)
            return current.Count == merged.Count && current.All(c => merged.GetValueOrDefault(c.Key) == c.Value)
                ? null
                : Sentence("Bericht bij indicatieadvies", new Problem("bericht", TextId.AdviceMessageFixed));
        var problem = AdviceMessage.Check(message.Value, role, new Id<Worker>(worker));
        if (problem is null && advice is not null && TryEnum<AdviceStatus>(advice.GetValueOrDefault("status") ?? "", out var status)
            && Guid.TryParse(advice.GetValueOrDefault("author"), out var author))
            problem = AdviceMessage.CheckTurn(message.Value, status, new Id<Worker>(author));
        return problem is null ? null : Sentence("Bericht bij indicatieadvies", problem);
    }

    private static string? CheckMandateDecision(
        IReadOnlyDictionary<string, string?>? current, IReadOnlyDictionary<string, string?> merged, Guid rowId, DateOnly today, Role role, Guid worker,
        IReadOnlyList<Mandate> mandates)
    {
        const string Subject = "Mandaatbesluit";
        var after = MandateColumns.FromColumns(rowId, merged);
        if (!after.IsValid)
            return Sentence(Subject, after.Problem);
        if (current is null)
            return MandateRules.CheckNew(role, new Id<Worker>(worker), mandates, after.Value, today) is { } problem ? Sentence(Subject, problem) : null;
        var before = MandateColumns.FromColumns(rowId, current);
        if (!before.IsValid)
            return Sentence(Subject + " op de server", before.Problem);
        return MandateRules.CheckChange(role, new Id<Worker>(worker), before.Value, after.Value, today) is { } change ? Sentence(Subject, change) : null;
    }

    /// <summary>An addendum is added once and then stands as it was written.</summary>
    private static string? CheckAddendum(
        IReadOnlyDictionary<string, string?>? current, IReadOnlyDictionary<string, string?> merged, Guid rowId, DateOnly today, Role role, Guid worker,
        IReadOnlyDictionary<string, string?>? decisionRow)
    {
        const string Subject = "Aanvulling op mandaatbesluit";
        if (current is not null)
        {
            return current.Count == merged.Count && current.All(c => merged.GetValueOrDefault(c.Key) == c.Value)
                ? null
                : Sentence(Subject, new Problem("aanvulling", TextId.MandateAddendumFixed));
        }

        var addendum = MandateColumns.AddendumFromColumns(rowId, merged);
        if (!addendum.IsValid)
            return Sentence(Subject, addendum.Problem);
        MandateDecision? decision = null;
        if (decisionRow is not null && Guid.TryParse(decisionRow.GetValueOrDefault("client_id"), out _))
        {
            var parsed = MandateColumns.FromColumns(addendum.Value.DecisionId.Value, decisionRow);
            decision = parsed.IsValid ? parsed.Value : null;
        }

        return MandateRules.CheckAddendum(role, new Id<Worker>(worker), addendum.Value, decision, today) is { } problem ? Sentence(Subject, problem) : null;
    }

    public const string BudgetRequestSubject = "Budgetverzoek";
    public const string BudgetVoteSubject = "Stem over budgetverzoek";

    /// <summary>
    /// A budget request as pushed: a new one by <see cref="BudgetRules.CheckNew"/> against the team's budget, a change
    /// by <see cref="BudgetRules.CheckChange"/> from the request as stored (so a laptop never sets "approved").
    /// </summary>
    public static string? CheckBudgetRequest(
        IReadOnlyDictionary<string, string?>? current, IReadOnlyDictionary<string, string?> merged, Guid rowId, DateOnly today, BudgetActor actor,
        Func<string, int, TeamBudget?> budgetOf)
    {
        var after = BudgetColumns.FromColumns(rowId, merged);
        if (!after.IsValid)
            return Sentence(BudgetRequestSubject, after.Problem);
        if (current is null)
        {
            var request = after.Value;
            return BudgetRules.CheckNew(actor, request, budgetOf(request.Team, BudgetLedger.YearOf(request)), today) is { } problem
                ? Sentence(BudgetRequestSubject, problem)
                : null;
        }

        var before = BudgetColumns.FromColumns(rowId, current);
        if (!before.IsValid)
            return Sentence(BudgetRequestSubject + " op de server", before.Problem);
        return BudgetRules.CheckChange(actor, before.Value, after.Value, today) is { } change ? Sentence(BudgetRequestSubject, change) : null;
    }

    /// <summary>A budget rule's problem as the sentence a refused push carries.</summary>
    public static string BudgetSentence(string table, Problem problem) =>
        Sentence(table == BudgetColumns.VoteTable ? BudgetVoteSubject : BudgetRequestSubject, problem);

    public const string FundRequestSubject = "Fondsverzoek";
    public const string FundRepaymentSubject = "Terugbetaling aan het fonds";

    /// <summary>A fund rule's problem as the sentence a refused push carries.</summary>
    public static string FundSentence(string table, Problem problem) =>
        Sentence(table == FundColumns.RepaymentTable ? FundRepaymentSubject : FundRequestSubject, problem);

    public const string PauseSubject = "Pauze";
    public const string PauseStepSubject = "Stap in pauze";
    public const string EscalationSubject = "Escalatie";

    /// <summary>A pause or escalation rule's problem as the sentence a refused push carries.</summary>
    public static string PauseSentence(string table, Problem problem) =>
        Sentence(table == PauseColumns.StepTable ? PauseStepSubject : table == EscalationColumns.Table ? EscalationSubject : PauseSubject, problem);

    // A problem about a column names the column itself; the others read "field: what is wrong".
    private static string Sentence(string subject, Problem problem) =>
        problem.Text == TextId.ColumnValueInvalid ? $"{subject}: {Echo.Describe(problem)}" : $"{subject}: {problem.Field} {Echo.Describe(problem)}";

    private static string? CheckLifeDomains(IReadOnlyDictionary<string, string?> row)
    {
        if (Get(row, "life_domains") is not { } text)
            return null;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || !Enum.IsDefined((LifeDomain)value))
                return $"Leefgebied '{Echo.Short(part)}' bestaat niet.";
        }

        return null;
    }

    private static string? CheckEnum<T>(IReadOnlyDictionary<string, string?> row, string column, string label)
        where T : struct, Enum =>
        Get(row, column) is { } text && !TryEnum<T>(text, out _) ? $"Onbekende waarde '{Echo.Short(text)}' voor {label}." : null;

    private static string? CheckGuid(IReadOnlyDictionary<string, string?> row, string column, string label) =>
        Get(row, column) is { } text && !Guid.TryParse(text, out _) ? $"'{Echo.Short(text)}' is geen geldige verwijzing voor {label}." : null;

    /// <summary>Enum values travel by name ("PickedUp"); numbers and unknown names are refused.</summary>
    public static bool TryEnum<T>(string text, out T value)
        where T : struct, Enum
    {
        // Exactly one declared name: no numbers, no "A, B" flag combinations, no other casing.
        value = default;
        return Array.IndexOf(DeclaredNames<T>.All, text) >= 0 && Enum.TryParse(text, ignoreCase: false, out value);
    }

    /// <summary>
    /// An enum's declared names, read once: <see cref="Enum.GetNames{TEnum}"/> copies them on every call, a copy for every
    /// value a push checks (9 ns a value instead of 28, PushRowBenchmarks).
    /// </summary>
    private static class DeclaredNames<T>
        where T : struct, Enum
    {
        public static readonly string[] All = Enum.GetNames<T>();
    }

    private static string? Get(IReadOnlyDictionary<string, string?> row, string column) =>
        row.TryGetValue(column, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
