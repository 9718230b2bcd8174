using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Indications;

/// <summary>Bad input on the advice form and in its parts: each problem names the field and says what is wrong.</summary>
public class AdviceInputTests
{
    private static readonly DateOnly Today = AdviceSamples.Today;

    private static AdviceInput Good() => AdviceInput.From(AdviceSamples.Content());

    private static void Single(IEnumerable<Problem> problems, string field, TextId text)
    {
        var list = problems.ToList();
        var problem = Assert.Single(list);
        Assert.Equal((field, text), (problem.Field, problem.Text));
        Assert.False(string.IsNullOrWhiteSpace(problem.Describe(Lang.Nl)));
        Assert.NotEqual(problem.Describe(Lang.Nl), problem.Describe(Lang.En));
    }

    [Theory]
    [InlineData(30, VolumeUnit.Hour, VolumeFrequency.PerDay)]
    [InlineData(2, VolumeUnit.Etmaal, VolumeFrequency.PerDay)]
    [InlineData(7, VolumeUnit.Dagdeel, VolumeFrequency.PerDay)]
    [InlineData(1441, VolumeUnit.Minute, VolumeFrequency.PerDay)]
    [InlineData(8, VolumeUnit.Etmaal, VolumeFrequency.PerWeek)]
    [InlineData(745, VolumeUnit.Hour, VolumeFrequency.PerMonth)]
    public void Volume_MoreTimeThanThePeriodHolds_IsRefusedOnTheFrequency(long amount, VolumeUnit unit, VolumeFrequency frequency) =>
        Single(new Volume(amount, unit, frequency).Check(ProductCategory.PersonalCare, 12), "frequentie", TextId.VolumeExceedsPeriod);

    [Fact]
    public void Volume_ThatDoesNotFit_SaysWhatWasTypedAndWhatToDo()
    {
        var problem = new Volume(2, VolumeUnit.Etmaal, VolumeFrequency.PerDay).Check(ProductCategory.ShortStay, 12).Single();

        Assert.Equal("past niet: 2 etmalen per dag is meer tijd dan die periode heeft; kies een andere eenheid of frequentie", problem.Describe(Lang.Nl));
        Assert.Equal("does not fit: 2 days and nights per day is more time than that period holds; choose another unit or frequency", problem.Describe(Lang.En));
    }

    [Theory]
    [InlineData(24, VolumeUnit.Hour, VolumeFrequency.PerDay)]
    [InlineData(1, VolumeUnit.Etmaal, VolumeFrequency.PerDay)]
    [InlineData(6, VolumeUnit.Dagdeel, VolumeFrequency.PerDay)]
    [InlineData(7, VolumeUnit.Etmaal, VolumeFrequency.PerWeek)]
    [InlineData(3, VolumeUnit.Hour, VolumeFrequency.PerWeek)]
    [InlineData(90, VolumeUnit.Minute, VolumeFrequency.PerDay)]
    [InlineData(40, VolumeUnit.Pieces, VolumeFrequency.PerDay)]
    public void Volume_ThatFits_HasNoProblem(long amount, VolumeUnit unit, VolumeFrequency frequency) =>
        Assert.Empty(new Volume(amount, unit, frequency).Check(ProductCategory.PersonalCare, 12));

    [Theory]
    [InlineData(ProductCategory.Wheelchairs, VolumeUnit.Hour, VolumeFrequency.PerWeek)]
    [InlineData(ProductCategory.Wheelchairs, VolumeUnit.Pieces, VolumeFrequency.PerWeek)]
    [InlineData(ProductCategory.HousingAids, VolumeUnit.Minute, VolumeFrequency.TotalWithinValidity)]
    [InlineData(ProductCategory.TransportAids, VolumeUnit.Dagdeel, VolumeFrequency.PerYear)]
    public void Volume_ForAnAid_NotInPiecesOrEurosOnce_IsRefusedOnTheUnit(ProductCategory category, VolumeUnit unit, VolumeFrequency frequency)
    {
        var problems = new Volume(1, unit, frequency).Check(category, 12).ToList();
        Assert.Contains(problems, p => p.Field == "eenheid" && p.Text == TextId.VolumeAidUnitFrequency);
    }

    [Fact]
    public void Volume_ForAnAid_OnePieceOrAnAmountOnce_Fits()
    {
        Assert.Empty(new Volume(1, VolumeUnit.Pieces, VolumeFrequency.TotalWithinValidity).Check(ProductCategory.Wheelchairs, 60));
        Assert.Empty(new Volume(450_000, VolumeUnit.Euro, VolumeFrequency.TotalWithinValidity).Check(ProductCategory.HousingAids, 12));
    }

    [Fact]
    public void Volume_TotalWithinValidity_WithoutDuration_IsRefusedOnTheDuration()
    {
        Single(new Volume(40, VolumeUnit.Hour, VolumeFrequency.TotalWithinValidity).Check(ProductCategory.Guidance, null), "duur", TextId.VolumeTotalNeedsDuration);
        Assert.Empty(new Volume(40, VolumeUnit.Hour, VolumeFrequency.TotalWithinValidity).Check(ProductCategory.Guidance, 6));
        Single(new Volume(10_000, VolumeUnit.Hour, VolumeFrequency.TotalWithinValidity).Check(ProductCategory.Guidance, 12), "frequentie", TextId.VolumeExceedsPeriod);
    }

    [Fact]
    public void Volume_UnknownCodesOrAmountOutOfRange_AreNamed()
    {
        Single(new Volume(3, (VolumeUnit)5, VolumeFrequency.PerWeek).Check(ProductCategory.Guidance, 12), "eenheid", TextId.UnknownCode);
        Single(new Volume(3, VolumeUnit.Hour, (VolumeFrequency)9).Check(ProductCategory.Guidance, 12), "frequentie", TextId.UnknownCode);
        Single(new Volume(0, VolumeUnit.Hour, VolumeFrequency.PerWeek).Check(ProductCategory.Guidance, 12), "omvang", TextId.VolumeAmountShape);
        Single(new Volume(Volume.MaxWholeAmount + 1, VolumeUnit.Pieces, VolumeFrequency.PerYear).Check(ProductCategory.Guidance, 12), "omvang", TextId.VolumeTooLarge);
    }

    [Theory]
    [InlineData("", VolumeUnit.Hour, TextId.FieldRequired)]
    [InlineData("drie", VolumeUnit.Hour, TextId.VolumeAmountShape)]
    [InlineData("0", VolumeUnit.Hour, TextId.VolumeAmountShape)]
    [InlineData("-3", VolumeUnit.Hour, TextId.VolumeAmountShape)]
    [InlineData("2,5", VolumeUnit.Pieces, TextId.VolumeWholePieces)]
    [InlineData("2,555", VolumeUnit.Hour, TextId.VolumeAmountShape)]
    [InlineData("1.250", VolumeUnit.Hour, TextId.VolumeAmountShape)]
    [InlineData("2,5,0", VolumeUnit.Hour, TextId.VolumeAmountShape)]
    [InlineData("0,01", VolumeUnit.Hour, TextId.VolumeWholeMinutes)]
    [InlineData("0,5", VolumeUnit.Minute, TextId.VolumeWholeMinutes)]
    [InlineData("1666,75", VolumeUnit.Hour, TextId.VolumeTooLarge)]
    [InlineData("100001", VolumeUnit.Pieces, TextId.VolumeTooLarge)]
    [InlineData("0,00", VolumeUnit.Euro, TextId.VolumeAmountShape)]
    [InlineData("10.000.001,00", VolumeUnit.Euro, TextId.VolumeTooLarge)]
    public void Parse_BadText_IsRefusedOnTheAmount(string text, VolumeUnit unit, TextId expected) =>
        ParsedAssert.Invalid(Volume.Parse(text, unit, VolumeFrequency.PerWeek), "omvang", expected);

    [Fact]
    public void Parse_EurosInCents_AndWholeNumbersInTheirOwnUnit()
    {
        Assert.Equal(new Volume(125_000, VolumeUnit.Euro, VolumeFrequency.TotalWithinValidity), ParsedAssert.Valid(Volume.Parse("1.250,00", VolumeUnit.Euro, VolumeFrequency.TotalWithinValidity)));
        Assert.Equal(new Volume(3, VolumeUnit.Hour, VolumeFrequency.PerWeek), ParsedAssert.Valid(Volume.Parse(" 3 ", VolumeUnit.Hour, VolumeFrequency.PerWeek)));
        Assert.Equal(new Volume(2, VolumeUnit.Hour, VolumeFrequency.PerWeek), ParsedAssert.Valid(Volume.Parse("2,0", VolumeUnit.Hour, VolumeFrequency.PerWeek)));
    }

    [Theory]
    [InlineData("2,5", VolumeUnit.Hour, 150)]
    [InlineData("2.5", VolumeUnit.Hour, 150)]
    [InlineData("0,25", VolumeUnit.Hour, 15)]
    [InlineData("1,5", VolumeUnit.Dagdeel, 360)]
    [InlineData("1,5", VolumeUnit.Etmaal, 2160)]
    public void Parse_PartOfATimeUnit_IsKeptAsWholeMinutes_TheIwmoWay_WithTheUnitTyped(string text, VolumeUnit unit, long minutes) =>
        Assert.Equal(new Volume(minutes, VolumeUnit.Minute, VolumeFrequency.PerWeek, unit), ParsedAssert.Valid(Volume.Parse(text, unit, VolumeFrequency.PerWeek)));

    [Theory]
    [InlineData("0,5", VolumeUnit.Hour, 30, "0,5 uur (30 minuten) per week", "0.5 hours (30 minutes) per week")]
    [InlineData("2,5", VolumeUnit.Hour, 150, "2,5 uur (150 minuten) per week", "2.5 hours (150 minutes) per week")]
    [InlineData("1,25", VolumeUnit.Hour, 75, "1,25 uur (75 minuten) per week", "1.25 hours (75 minutes) per week")]
    [InlineData("0,5", VolumeUnit.Dagdeel, 120, "0,5 dagdeel (120 minuten) per week", "0.5 half-days (120 minutes) per week")]
    [InlineData("1,5", VolumeUnit.Dagdeel, 360, "1,5 dagdelen (360 minuten) per week", "1.5 half-days (360 minutes) per week")]
    [InlineData("0,25", VolumeUnit.Etmaal, 360, "0,25 etmaal (360 minuten) per week", "0.25 days and nights (360 minutes) per week")]
    [InlineData("1,5", VolumeUnit.Etmaal, 2160, "1,5 etmalen (2160 minuten) per week", "1.5 days and nights (2160 minutes) per week")]
    public void DecimalOfAnyTimeUnit_ReadsBackInTheUnitTyped_WithTheMinutesBeside(string text, VolumeUnit unit, long minutes, string dutch, string english)
    {
        var volume = ParsedAssert.Valid(Volume.Parse(text, unit, VolumeFrequency.PerWeek));

        Assert.Equal(minutes, volume.Amount);
        Assert.Equal(dutch, volume.Show(Lang.Nl));
        Assert.Equal(english, volume.Show(Lang.En));
        Assert.Equal((text, unit), volume.AsTyped());
        Assert.Equal(volume, ParsedAssert.Valid(Volume.Parse(volume.AsTyped().Amount, volume.AsTyped().Unit, volume.Frequency)));
    }

    [Theory]
    [InlineData("150")]
    [InlineData("30")]
    [InlineData("120")]
    public void MinutesTypedAsMinutes_ReadBackAsMinutes_EvenWhereAPartOfAnHourWouldExplainThem(string text)
    {
        var volume = ParsedAssert.Valid(Volume.Parse(text, VolumeUnit.Minute, VolumeFrequency.PerWeek));

        Assert.Equal($"{text} minuten per week", volume.Show(Lang.Nl));
        Assert.Equal((text, VolumeUnit.Minute), volume.AsTyped());
    }

    [Fact]
    public void OlderMinutesWithoutTheUnitTyped_StillReadBackAsBefore()
    {
        Assert.Equal(("2,5", VolumeUnit.Hour), new Volume(150, VolumeUnit.Minute, VolumeFrequency.PerWeek).AsTyped());
        Assert.Equal(("30", VolumeUnit.Minute), new Volume(30, VolumeUnit.Minute, VolumeFrequency.PerWeek).AsTyped());
    }

    [Theory]
    [InlineData(30, VolumeUnit.Hour, VolumeUnit.Hour)]
    [InlineData(7, VolumeUnit.Minute, VolumeUnit.Hour)]
    [InlineData(100, VolumeUnit.Minute, VolumeUnit.Etmaal)]
    [InlineData(2, VolumeUnit.Pieces, VolumeUnit.Pieces)]
    [InlineData(60, VolumeUnit.Minute, VolumeUnit.Euro)]
    public void AUnitTyped_ThatDoesNotFitTheAmount_IsAProblemOnTheUnit(long amount, VolumeUnit unit, VolumeUnit entered)
    {
        var problem = Assert.Single(new Volume(amount, unit, VolumeFrequency.PerWeek, entered).Check(ProductCategory.PersonalCare, 12), p => p.Text == TextId.VolumeEnteredUnitMismatch);
        Assert.Equal("eenheid", problem.Field);
    }

    [Theory]
    [InlineData(30, VolumeUnit.Hour)]
    [InlineData(7, VolumeUnit.Minute)]
    [InlineData(360, VolumeUnit.Etmaal)]
    [InlineData(120, VolumeUnit.Dagdeel)]
    public void AUnitTyped_ThatExplainsTheMinutes_IsFine(long minutes, VolumeUnit entered) =>
        Assert.Empty(new Volume(minutes, VolumeUnit.Minute, VolumeFrequency.PerWeek, entered).Check(ProductCategory.PersonalCare, 12));

    [Fact]
    public void DecimalHours_AreShownAndReadBackAsTyped_WithTheMinutesBeside()
    {
        var volume = ParsedAssert.Valid(Volume.Parse("2,5", VolumeUnit.Hour, VolumeFrequency.PerWeek));

        Assert.Equal("2,5 uur (150 minuten) per week", volume.Show(Lang.Nl));
        Assert.Equal("2.5 hours (150 minutes) per week", volume.Show(Lang.En));
        Assert.Equal(("2,5", VolumeUnit.Hour), volume.AsTyped());
        Assert.Equal(volume, ParsedAssert.Valid(Volume.Parse(volume.AsTyped().Amount, volume.AsTyped().Unit, volume.Frequency)));
    }

    [Theory]
    [InlineData(120, "120 minuten per week", "120")]
    [InlineData(30, "30 minuten per week", "30")]
    [InlineData(61, "61 minuten per week", "61")]
    public void Minutes_ThatNoPartOfAnHourExplains_StayMinutes(long minutes, string shown, string typed)
    {
        var volume = new Volume(minutes, VolumeUnit.Minute, VolumeFrequency.PerWeek);

        Assert.Equal(shown, volume.Show(Lang.Nl));
        Assert.Equal((typed, VolumeUnit.Minute), volume.AsTyped());
    }

    [Fact]
    public void AnInvalidAmount_SaysWhatToTypeInstead()
    {
        var problem = Volume.Parse("anderhalf", VolumeUnit.Hour, VolumeFrequency.PerWeek).Problem!;
        Assert.Contains("zoals 3 of 2,5", problem.Describe(Lang.Nl), StringComparison.Ordinal);
        var minutes = Volume.Parse("0,01", VolumeUnit.Hour, VolumeFrequency.PerWeek).Problem!;
        Assert.Equal("komt niet uit op hele minuten; kies de eenheid minuut en vul bijvoorbeeld 1 in", minutes.Describe(Lang.Nl));
    }

    [Theory]
    [InlineData("01A012")]
    [InlineData("01-A")]
    [InlineData("01 A")]
    [InlineData("ÄBC")]
    public void Provision_ProductCodeTooLongOrWithSymbols_IsRefused(string code) =>
        Single((AdviceSamples.Provision() with { ProductCode = code }).Check(), "productcode", TextId.ProductCodeShape);

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    public void Provision_DurationOutOfRange_IsRefused(int months) =>
        Single((AdviceSamples.Provision() with { DurationMonths = months }).Check(), "duur", TextId.DurationShape);

    [Fact]
    public void Provision_NoCodeAndNoEnd_IsFine_AndChangesNameEachPart()
    {
        var advised = AdviceSamples.Provision() with { ProductCode = "", DurationMonths = null };
        Assert.Empty(advised.Check());
        var decided = advised with { Category = ProductCategory.Guidance, Volume = advised.Volume with { Amount = 2 }, DurationMonths = 6 };
        Assert.Equal([ProvisionPart.Category, ProvisionPart.Volume, ProvisionPart.Duration], decided.ChangesFrom(advised));
        Assert.Empty(advised.ChangesFrom(advised));
    }

    [Fact]
    public void Content_DatesInTheWrongOrder_AreRefused()
    {
        var content = AdviceSamples.Content();
        var melding = content.MeldingDate;

        Single((content with { AanvraagDate = melding.AddDays(-1) }).Check(Today), "aanvraagdatum", TextId.DateBeforeOther);
        Single((content with { Provision = content.Provision with { Start = melding.AddDays(-1) } }).Check(Today), "startdatum", TextId.DateBeforeOther);
        Single((content with { MeldingDate = Today.AddDays(1), Provision = content.Provision with { Start = Today.AddDays(1) } }).Check(Today), "meldingsdatum", TextId.DateInFuture);
        Single((content with { AanvraagDate = Today.AddDays(1) }).Check(Today), "aanvraagdatum", TextId.DateInFuture);
        Assert.Empty((content with { AanvraagDate = melding }).Check(Today));
        Assert.Empty((content with { MeldingDate = Today, AanvraagDate = Today, Provision = content.Provision with { Start = Today } }).Check(Today));
    }

    [Fact]
    public void Content_ConsentBasisWithoutConsent_AndMissingConsentNote_AreRefused()
    {
        var content = AdviceSamples.Content();

        Single((content with { LegalBasis = LegalBasis.Consent, Consent = ConsentStatus.Declined, ConsentNote = "Wil niet dat gegevens gedeeld worden." }).Check(Today), "grondslag", TextId.LegalBasisConsentNotGiven);
        Single((content with { Consent = ConsentStatus.Declined, ConsentNote = "  " }).Check(Today), "toelichting toestemming", TextId.ConsentNoteRequired);
        Single((content with { Consent = ConsentStatus.NotPossible, ConsentNote = "" }).Check(Today), "toelichting toestemming", TextId.ConsentNoteRequired);
        Assert.Empty((content with { Consent = ConsentStatus.NotPossible, ConsentNote = "Cliënt is wilsonbekwaam; dochter is mentor." }).Check(Today));
        Assert.Empty((content with { LegalBasis = LegalBasis.Consent }).Check(Today));
    }

    [Fact]
    public void Content_MissingOrTooLongTexts_AreNamed()
    {
        var content = AdviceSamples.Content() with { Rationale = " ", ClientWishes = new string('w', AdviceContent.MaxTextLength + 1) };
        var problems = content.Check(Today);
        Assert.Contains(problems, p => p.Field == "onderbouwing" && p.Text == TextId.FieldRequired);
        Assert.Contains(problems, p => p.Field == "wens van de cliënt" && p.Text == TextId.TooLong);
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Validate_GoodForm_GivesTheContent()
    {
        var (content, problems) = Good().Validate(Today);
        Assert.Empty(problems);
        Assert.Equal(AdviceSamples.Content(), content);
    }

    [Fact]
    public void Validate_ProductCodeIsUpperCasedAndTrimmed()
    {
        var (content, _) = (Good() with { ProductCode = " 01a01 " }).Validate(Today);
        Assert.Equal("01A01", content!.Provision.ProductCode);
    }

    public static TheoryData<string, Func<AdviceInput, AdviceInput>, string, TextId> BadForms => new()
    {
        { "30 uur per dag", i => i with { Amount = "30", Unit = VolumeUnit.Hour, Frequency = VolumeFrequency.PerDay }, "frequentie", TextId.VolumeExceedsPeriod },
        { "2 etmaal per dag", i => i with { Amount = "2", Unit = VolumeUnit.Etmaal, Frequency = VolumeFrequency.PerDay }, "frequentie", TextId.VolumeExceedsPeriod },
        { "rolstoel in uren per week", i => i with { Category = ProductCategory.Wheelchairs, Amount = "1", Unit = VolumeUnit.Hour, Frequency = VolumeFrequency.PerWeek }, "eenheid", TextId.VolumeAidUnitFrequency },
        { "totaal zonder duur", i => i with { Frequency = VolumeFrequency.TotalWithinValidity, DurationMonths = "" }, "duur", TextId.VolumeTotalNeedsDuration },
        { "productcode te lang", i => i with { ProductCode = "01A012" }, "productcode", TextId.ProductCodeShape },
        { "productcode met tekens", i => i with { ProductCode = "01/A" }, "productcode", TextId.ProductCodeShape },
        { "duur geen getal", i => i with { DurationMonths = "een jaar" }, "duur", TextId.DurationShape },
        { "aanvraag voor melding", i => i with { MeldingDate = "10-03-2026", AanvraagDate = "09-03-2026", Start = "10-03-2026" }, "aanvraagdatum", TextId.DateBeforeOther },
        { "start voor melding", i => i with { MeldingDate = "10-03-2026", Start = "09-03-2026" }, "startdatum", TextId.DateBeforeOther },
        { "melding in de toekomst", i => i with { MeldingDate = "15-03-2026", Start = "16-03-2026" }, "meldingsdatum", TextId.DateInFuture },
        { "melding geen datum", i => i with { MeldingDate = "31-02-2026" }, "meldingsdatum", TextId.DateShape },
        { "grondslag toestemming zonder toestemming", i => i with { LegalBasis = LegalBasis.Consent, Consent = ConsentStatus.Declined, ConsentNote = "Wil het niet." }, "grondslag", TextId.LegalBasisConsentNotGiven },
        { "geen toelichting", i => i with { Consent = ConsentStatus.Declined, ConsentNote = "" }, "toelichting toestemming", TextId.ConsentNoteRequired },
        { "geen onderbouwing", i => i with { Rationale = "" }, "onderbouwing", TextId.FieldRequired },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public void Validate_OneBadField_NamesThatFieldAndKeepsNoContent(string what, Func<AdviceInput, AdviceInput> spoil, string field, TextId text)
    {
        var (content, problems) = spoil(Good()).Validate(Today);

        Assert.Null(content);
        var problem = Assert.Single(problems);
        Assert.True((field, text) == (problem.Field, problem.Text), $"{what}: got {problem.Field} {problem.Text}");
    }

    [Fact]
    public void Validate_ManyBadFields_ReportsEveryProblemAtOnce()
    {
        var input = Good() with
        {
            ProductCode = "01A012",
            Amount = "30",
            Unit = VolumeUnit.Hour,
            Frequency = VolumeFrequency.PerDay,
            MeldingDate = "10-03-2026",
            AanvraagDate = "01-03-2026",
            Start = "05-03-2026",
            Consent = ConsentStatus.Declined,
            ConsentNote = "",
            Rationale = " ",
        };

        var (content, problems) = input.Validate(Today);

        Assert.Null(content);
        var expected = new HashSet<(string, TextId)>
        {
            ("productcode", TextId.ProductCodeShape), ("frequentie", TextId.VolumeExceedsPeriod), ("onderbouwing", TextId.FieldRequired),
            ("aanvraagdatum", TextId.DateBeforeOther), ("startdatum", TextId.DateBeforeOther), ("toelichting toestemming", TextId.ConsentNoteRequired),
        };
        Assert.Equal(expected, problems.Select(p => (p.Field, p.Text)).ToHashSet());
        Assert.Equal(expected.Count, problems.Count);
    }

    [Fact]
    public void Validate_UnparsableParts_AreAllNamed_TogetherWithMissingTexts()
    {
        var input = Good() with { Amount = "veel", Start = "morgen", MeldingDate = "", AanvraagDate = "32-01-2026", ClientWishes = "" };

        var (content, problems) = input.Validate(Today);

        Assert.Null(content);
        var fields = problems.Select(p => p.Field).ToHashSet();
        Assert.Equal(new HashSet<string> { "omvang", "startdatum", "meldingsdatum", "aanvraagdatum", "wens van de cliënt" }, fields);
    }

    [Fact]
    public void Validate_AmountMissing_StillNamesTheConsentProblem()
    {
        var input = Good() with { Amount = "", Consent = ConsentStatus.Declined, ConsentNote = "" };

        var (content, problems) = input.Validate(AdviceSamples.Today);

        Assert.Null(content);
        Assert.Contains(problems, p => p.Field == "omvang" && p.Text == TextId.FieldRequired);
        Assert.Contains(problems, p => p.Field == "toelichting toestemming" && p.Text == TextId.ConsentNoteRequired);
    }
}
