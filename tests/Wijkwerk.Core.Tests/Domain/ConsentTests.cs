using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class ConsentTests
{
    private static readonly FakeClock Clock = new();
    private static readonly DateOnly Today = Clock.Today;

    private static Parsed<Consent> Record(string? purpose = "Overleg met huisarts", ConsentStatus status = ConsentStatus.Given, string? reason = null, DateOnly? date = null) =>
        Consent.Record(Id<Consent>.New(Clock), Id<Client>.New(Clock), purpose, status, reason, date ?? Today, Id<Worker>.New(Clock), Today);

    [Theory]
    [InlineData(ConsentStatus.Given)]
    [InlineData(ConsentStatus.Declined)]
    public void Record_GivenOrDeclinedWithoutReason_IsAccepted(ConsentStatus status)
    {
        var consent = ParsedAssert.Valid(Record(status: status));

        Assert.Equal(status, consent.Status);
        Assert.Equal("", consent.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Record_NotPossibleWithoutReason_IsRefused(string? reason)
    {
        ParsedAssert.Invalid(Record(status: ConsentStatus.NotPossible, reason: reason), "reden", TextId.ConsentReasonRequired);
    }

    [Fact]
    public void Record_NotPossibleWithReason_KeepsTrimmedReason()
    {
        var consent = ParsedAssert.Valid(Record(status: ConsentStatus.NotPossible, reason: "  Inwoner is verward en niet aanspreekbaar "));

        Assert.Equal(ConsentStatus.NotPossible, consent.Status);
        Assert.Equal("Inwoner is verward en niet aanspreekbaar", consent.Reason);
    }

    [Fact]
    public void Record_DateTomorrow_IsRefused()
    {
        ParsedAssert.Invalid(Record(date: Today.AddDays(1)), "datum", TextId.DateInFuture);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-400)]
    public void Record_DateTodayOrEarlier_IsAccepted(int days)
    {
        Assert.Equal(Today.AddDays(days), ParsedAssert.Valid(Record(date: Today.AddDays(days))).Date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Record_NoPurpose_IsRequired(string? purpose)
    {
        ParsedAssert.Invalid(Record(purpose: purpose), "doel", TextId.FieldRequired);
    }

    [Fact]
    public void Record_PurposeOverLimit_IsTooLong()
    {
        ParsedAssert.Invalid(Record(purpose: new string('p', Consent.MaxPurposeLength + 1)), "doel", TextId.TooLong);
        ParsedAssert.Valid(Record(purpose: new string('p', Consent.MaxPurposeLength)));
    }

    [Fact]
    public void Record_Valid_KeepsIdsAndTrimmedPurpose()
    {
        var id = Id<Consent>.New(Clock);
        var client = Id<Client>.New(Clock);
        var worker = Id<Worker>.New(Clock);

        var consent = ParsedAssert.Valid(Consent.Record(id, client, "  Delen met apotheek ", ConsentStatus.Given, null, Today, worker, Today));

        Assert.Equal(id, consent.Id);
        Assert.Equal(client, consent.ClientId);
        Assert.Equal(worker, consent.RecordedBy);
        Assert.Equal("Delen met apotheek", consent.Purpose);
    }
}
