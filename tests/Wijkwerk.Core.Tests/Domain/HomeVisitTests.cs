using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class HomeVisitTests
{
    private static readonly FakeClock Clock = new();
    private static readonly DateOnly Today = Clock.Today;

    private static Parsed<HomeVisit> Record(DateOnly date, string? notes = "Keukentafelgesprek.", ZrmAssessment? zrm = null) =>
        HomeVisit.Record(Id<HomeVisit>.New(Clock), Id<Client>.New(Clock), date, Id<Worker>.New(Clock), notes, zrm, Today);

    [Fact]
    public void Record_DateTomorrow_IsRefused()
    {
        ParsedAssert.Invalid(Record(Today.AddDays(1)), "datum", TextId.DateInFuture);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-365)]
    public void Record_DateTodayOrBefore_IsAccepted(int days)
    {
        Assert.Equal(Today.AddDays(days), ParsedAssert.Valid(Record(Today.AddDays(days))).Date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Record_NoNotes_IsAcceptedWithEmptyNotes(string? notes)
    {
        Assert.Equal("", ParsedAssert.Valid(Record(Today, notes)).Notes);
    }

    [Fact]
    public void Record_Notes_AreTrimmed()
    {
        Assert.Equal("Dochter aanwezig.", ParsedAssert.Valid(Record(Today, "\n Dochter aanwezig. ")).Notes);
    }

    [Fact]
    public void Record_NotesOverLimit_IsTooLong()
    {
        ParsedAssert.Invalid(Record(Today, new string('n', HomeVisit.MaxNotesLength + 1)), "notities", TextId.TooLong);
        ParsedAssert.Valid(Record(Today, new string('n', HomeVisit.MaxNotesLength)));
    }

    [Fact]
    public void Record_WithZrm_KeepsAssessment()
    {
        var zrm = ZrmAssessment.Create(ZrmVersion.Zrm2017, new Dictionary<ZrmDomain, int> { [ZrmDomain.PhysicalHealth] = 2 }).Value;

        var visit = ParsedAssert.Valid(Record(Today, zrm: zrm));

        Assert.Same(zrm, visit.Zrm);
        Assert.Null(ParsedAssert.Valid(Record(Today)).Zrm);
    }
}
