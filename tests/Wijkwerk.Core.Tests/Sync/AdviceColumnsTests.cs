using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Sync;

/// <summary>Advice and messages as column texts: what goes out comes back equal; a value no laptop writes names its column.</summary>
public class AdviceColumnsTests
{
    private static readonly DateOnly Today = AdviceSamples.Today;

    public static TheoryData<AdviceStatus> EveryStatus()
    {
        var data = new TheoryData<AdviceStatus>();
        foreach (var status in AdviceStates.All)
            data.Add(status);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Advice_InEveryStatus_RoundTrips(AdviceStatus status)
    {
        var advice = AdviceStates.In(status, aanvraag: Today.AddDays(-3));
        if (status.IsUnderReview())
            advice = advice.Extend(AdviceSamples.Consultant, Today.AddDays(25), "Verlengd.", Today).Value;

        var columns = AdviceColumns.ToColumns(advice);

        Assert.Equal(AdviceColumns.Advice.Order(), columns.Keys.Order());
        Assert.Equal(advice, ParsedAssert.Valid(AdviceColumns.FromColumns(advice.Id.Value, columns)));
        Assert.Equal(status.ToString(), columns["status"]);
    }

    [Fact]
    public void Advice_WithEurosNoDurationNoZrmNoCode_RoundTrips()
    {
        var provision = new Provision(ProductCategory.HousingAids, "", new Volume(125_050, VolumeUnit.Euro, VolumeFrequency.TotalWithinValidity), Today, 1);
        var content = AdviceSamples.Content(provision) with { Zrm = null, ClientSupportOffered = false, Consent = ConsentStatus.NotPossible, ConsentNote = "Cliënt kan niet beslissen." };
        var advice = ParsedAssert.Valid(AdviceStates.In(AdviceStatus.Concept).Edit(AdviceSamples.Nurse, content, Today));
        var adjusted = ParsedAssert.Valid(ParsedAssert.Valid(advice.Submit(AdviceSamples.Nurse, AdviceStates.StepTime, Today))
            .Adjust(AdviceSamples.Consultant, provision with { Volume = provision.Volume with { Amount = 99_900 }, DurationMonths = 2, Category = ProductCategory.OtherAids }, "Goedkoper model.", AdviceStates.LaterTime, Today));

        foreach (var a in new[] { advice, adjusted })
            Assert.Equal(a, ParsedAssert.Valid(AdviceColumns.FromColumns(a.Id.Value, AdviceColumns.ToColumns(a))));
        Assert.Equal("125050", AdviceColumns.ToColumns(advice)["amount"]);
        Assert.Equal(("OtherAids", "2", "99900"), (AdviceColumns.ToColumns(adjusted)["decided_category"], AdviceColumns.ToColumns(adjusted)["decided_duration_months"], AdviceColumns.ToColumns(adjusted)["decided_amount"]));
    }

    [Fact]
    public void Advice_VolumesTypedInAnotherUnit_RoundTripWithThatUnit_AndTheIwmoAmountStaysWholeMinutes()
    {
        var halfAnHour = ParsedAssert.Valid(Volume.Parse("0,5", VolumeUnit.Hour, VolumeFrequency.PerWeek));
        var halfADagdeel = ParsedAssert.Valid(Volume.Parse("0,5", VolumeUnit.Dagdeel, VolumeFrequency.PerWeek));
        var provision = AdviceSamples.Provision() with { Volume = halfAnHour };
        var advice = ParsedAssert.Valid(AdviceStates.In(AdviceStatus.Concept).Edit(AdviceSamples.Nurse, AdviceSamples.Content(provision), Today));
        var adjusted = ParsedAssert.Valid(ParsedAssert.Valid(advice.Submit(AdviceSamples.Nurse, AdviceStates.StepTime, Today))
            .Adjust(AdviceSamples.Consultant, provision with { Volume = halfADagdeel }, "Minder.", AdviceStates.LaterTime, Today));

        var columns = AdviceColumns.ToColumns(adjusted);

        Assert.Equal(("30", "Minute", "Hour"), (columns["amount"], columns["unit"], columns[AdviceColumns.EnteredUnitColumn]));
        Assert.Equal(("120", "Minute", "Dagdeel"), (columns["decided_amount"], columns["decided_unit"], columns[AdviceColumns.DecidedEnteredUnitColumn]));
        var read = ParsedAssert.Valid(AdviceColumns.FromColumns(adjusted.Id.Value, columns));
        Assert.Equal(adjusted, read);
        Assert.Equal(("0,5", VolumeUnit.Hour), read.Content.Provision.Volume.AsTyped());
        Assert.Equal(("0,5", VolumeUnit.Dagdeel), read.Decision!.Decided!.Volume.AsTyped());
    }

    [Fact]
    public void Advice_FromAnOlderRowWithoutTheUnitTyped_StillReads_AndKeepsItsScopeChecksum()
    {
        var advice = AdviceStates.In(AdviceStatus.Adjusted);
        var columns = AdviceColumns.ToColumns(advice);
        var older = columns.Where(c => !AdviceColumns.AddedLater.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value);

        Assert.Equal(advice, ParsedAssert.Valid(AdviceColumns.FromColumns(advice.Id.Value, older)));
        // The sum a server computed before the columns existed: the older columns alone, in the same order.
        var olderValues = AdviceColumns.Advice.Where(c => !AdviceColumns.AddedLater.Contains(c)).Select(older.GetValueOrDefault).ToList();
        var before = ScopeChecksum.Of(AdviceColumns.AdviceTable, advice.Id.Value, 3, olderValues);
        Assert.Equal(before, ScopeChecksum.Of(AdviceColumns.AdviceTable, advice.Id.Value, 3, older));
        Assert.Equal(before, ScopeChecksum.Of(AdviceColumns.AdviceTable, advice.Id.Value, 3, new Dictionary<string, string?>(older) { [AdviceColumns.EnteredUnitColumn] = "" }));
        Assert.NotEqual(before, ScopeChecksum.Of(AdviceColumns.AdviceTable, advice.Id.Value, 3, new Dictionary<string, string?>(older) { [AdviceColumns.EnteredUnitColumn] = "Hour" }));
    }

    [Theory]
    [InlineData(AdviceColumns.EnteredUnitColumn, "Uur", "kolom 'entered_unit' heeft een ongeldige waarde 'Uur'")]
    [InlineData(AdviceColumns.DecidedEnteredUnitColumn, "4", "kolom 'decided_entered_unit' heeft een ongeldige waarde")]
    public void ServerValueRules_RefuseAUnitTypedThatIsNoUnit(string column, string value, string expected) =>
        Assert.Contains(expected, ValueRules.CheckPushed(AdviceColumns.AdviceTable, new Dictionary<string, string?> { [column] = value }, wholeRow: false, Today));

    [Fact]
    public void ServerRowRules_RefuseAUnitTypedThatDoesNotExplainTheAmount_AndTakeOneThatDoes()
    {
        var concept = AdviceStates.In(AdviceStatus.Concept);
        var before = AdviceColumns.ToColumns(concept);
        var nurse = AdviceSamples.Nurse.Id.Value;
        var halfAnHour = new Dictionary<string, string?>(before) { ["amount"] = "30", ["unit"] = "Minute", [AdviceColumns.EnteredUnitColumn] = "Hour" };
        var hoursAsHours = new Dictionary<string, string?>(before) { [AdviceColumns.EnteredUnitColumn] = "Hour" };
        var sevenMinutesInHours = new Dictionary<string, string?>(halfAnHour) { ["amount"] = "7" };

        Assert.Null(ValueRules.CheckPushed(AdviceColumns.AdviceTable, halfAnHour, wholeRow: true, Today));
        Assert.Null(RowRules.CheckRow(AdviceColumns.AdviceTable, before, halfAnHour, concept.Id.Value, Today, Role.Nurse, nurse));
        Assert.Contains("eenheid", RowRules.CheckRow(AdviceColumns.AdviceTable, before, hoursAsHours, concept.Id.Value, Today, Role.Nurse, nurse));
        Assert.Contains("eenheid", RowRules.CheckRow(AdviceColumns.AdviceTable, before, sevenMinutesInHours, concept.Id.Value, Today, Role.Nurse, nurse));
    }

    [Fact]
    public void Message_RoundTrips()
    {
        foreach (var (kind, by) in new[] { (AdviceMessageKind.Question, AdviceSamples.Consultant), (AdviceMessageKind.Answer, AdviceSamples.Nurse) })
        {
            var message = AdviceMessage.Write(new Id<AdviceMessage>(Guid.CreateVersion7()), new Id<IndicationAdvice>(Guid.CreateVersion7()), kind, "Hoe gaat het met de trap?", by, AdviceStates.StepTime).Value;
            var columns = AdviceColumns.ToColumns(message);

            Assert.Equal(AdviceColumns.Message.Order(), columns.Keys.Order());
            Assert.Equal(message, ParsedAssert.Valid(AdviceColumns.MessageFromColumns(message.Id.Value, columns)));
        }
    }

    public static TheoryData<string, string, string?> MalformedAdvice => new()
    {
        { "unit", "unit", "Jaar" },
        { "status", "status", "2" },
        { "status", "status", "submitted" },
        { "category", "category", "01" },
        { "melding_date", "melding_date", "14-03-2026" },
        { "start_date", "start_date", "" },
        { "client_support_offered", "client_support_offered", "ja" },
        { "amount", "amount", "drie" },
        { "duration_months", "duration_months", "12 maanden" },
        { "client_id", "client_id", "geen-guid" },
        { "created_at", "created_at", "gisteren" },
        { "zrm", "zrm", "kapot" },
        { "decided_at", "decided_category", "HouseholdHelp" },
        { "decided_at", "decided_by", "0193a000-0000-7000-8000-00000000cccc" },
        { "decided_at", "decision_reason", "Afgewezen." },
    };

    [Theory]
    [MemberData(nameof(MalformedAdvice))]
    public void Advice_WithAValueNoLaptopWrites_NamesTheColumn(string expectedColumn, string column, string? value)
    {
        var columns = AdviceColumns.ToColumns(AdviceStates.In(AdviceStatus.Submitted));
        columns[column] = value;

        var parsed = AdviceColumns.FromColumns(Guid.CreateVersion7(), columns);

        var problem = ParsedAssert.Invalid(parsed, expectedColumn, TextId.ColumnValueInvalid);
        Assert.Contains(expectedColumn, problem.Describe(Lang.Nl));
    }

    [Fact]
    public void Advice_DecisionWithABadDecidedColumn_NamesThatColumn()
    {
        var columns = AdviceColumns.ToColumns(AdviceStates.In(AdviceStatus.Adjusted));
        columns["decided_unit"] = "4";

        ParsedAssert.Invalid(AdviceColumns.FromColumns(Guid.CreateVersion7(), columns), "decided_unit", TextId.ColumnValueInvalid);
    }

    [Theory]
    [InlineData("kind", "Vraag")]
    [InlineData("at", "")]
    [InlineData("advice_id", "123")]
    public void Message_WithAValueNoLaptopWrites_NamesTheColumn(string column, string value)
    {
        var message = AdviceMessage.Write(new Id<AdviceMessage>(Guid.CreateVersion7()), new Id<IndicationAdvice>(Guid.CreateVersion7()), AdviceMessageKind.Question, "Vraag?", AdviceSamples.Consultant, AdviceStates.StepTime).Value;
        var columns = AdviceColumns.ToColumns(message);
        columns[column] = value;

        ParsedAssert.Invalid(AdviceColumns.MessageFromColumns(message.Id.Value, columns), column, TextId.ColumnValueInvalid);
    }

    [Fact]
    public void RowRules_AdviceOnTheServer_JudgesTheSameWayAsTheLaptop()
    {
        var submitted = AdviceStates.In(AdviceStatus.Submitted);
        var before = AdviceColumns.ToColumns(submitted);
        var granted = AdviceColumns.ToColumns(submitted.Grant(AdviceSamples.Consultant, "", AdviceStates.LaterTime, Today).Value);
        var nurse = AdviceSamples.Nurse.Id.Value;
        var consultant = AdviceSamples.Consultant.Id.Value;

        Assert.Null(RowRules.CheckRow(AdviceColumns.AdviceTable, before, granted, submitted.Id.Value, Today, Role.WmoConsultant, consultant));
        var byNurse = RowRules.CheckRow(AdviceColumns.AdviceTable, before, granted, submitted.Id.Value, Today, Role.Nurse, nurse);
        Assert.NotNull(byNurse);
        Assert.StartsWith("Indicatieadvies: status", byNurse);
        Assert.Contains(Texts.Format(TextId.AdviceTransitionNotAllowed, Lang.Nl, Role.Nurse, AdviceStatus.Submitted, AdviceStatus.Granted), byNurse);

        var broken = new Dictionary<string, string?>(before) { ["unit"] = "Jaar" };
        Assert.Contains("'unit'", RowRules.CheckRow(AdviceColumns.AdviceTable, null, broken, submitted.Id.Value, Today, Role.Nurse, nurse));
        Assert.NotNull(SyncSchema.Find(AdviceColumns.AdviceTable));
    }

    [Fact]
    public void RowRules_AdviceAndMessagesAndMandateDecisionsAndBudgetRequests_AreNeverDeleted_OtherRowsMayBe()
    {
        string[] kept =
        [
            AdviceColumns.AdviceTable, AdviceColumns.MessageTable, MandateColumns.DecisionTable, MandateColumns.AddendumTable, BudgetColumns.RequestTable, BudgetColumns.VoteTable,
            FundColumns.RequestTable, FundColumns.RepaymentTable, PauseColumns.PauseTable, PauseColumns.StepTable, EscalationColumns.Table,
        ];
        Assert.Contains("trek een advies in", RowRules.CheckDelete(AdviceColumns.AdviceTable));
        Assert.All(kept, t => Assert.NotNull(RowRules.CheckDelete(t)));
        Assert.Contains("aanvulling", RowRules.CheckDelete(MandateColumns.DecisionTable));
        Assert.Contains("trek het in", RowRules.CheckDelete(BudgetColumns.RequestTable));
        Assert.All(SyncSchema.Tables.Where(t => !kept.Contains(t.Name)), t => Assert.Null(RowRules.CheckDelete(t.Name)));
    }

    [Fact]
    public void RowRules_AMessageOnceSent_IsNeverRewritten()
    {
        var message = AdviceMessage.Write(new Id<AdviceMessage>(Guid.CreateVersion7()), new Id<IndicationAdvice>(Guid.CreateVersion7()), AdviceMessageKind.Question, "Vraag?", AdviceSamples.Consultant, AdviceStates.StepTime).Value;
        var columns = AdviceColumns.ToColumns(message);
        var consultant = AdviceSamples.Consultant.Id.Value;

        Assert.Null(RowRules.CheckRow(AdviceColumns.MessageTable, null, columns, message.Id.Value, Today, Role.WmoConsultant, consultant));
        Assert.Null(RowRules.CheckRow(AdviceColumns.MessageTable, columns, columns, message.Id.Value, Today, Role.WmoConsultant, consultant));
        var rewritten = new Dictionary<string, string?>(columns) { ["text"] = "Andere vraag?" };
        Assert.Contains("gewijzigd", RowRules.CheckRow(AdviceColumns.MessageTable, columns, rewritten, message.Id.Value, Today, Role.WmoConsultant, consultant));
        Assert.Contains("consulent", RowRules.CheckRow(AdviceColumns.MessageTable, null, columns, message.Id.Value, Today, Role.Nurse, AdviceSamples.Nurse.Id.Value));
    }
}
