using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class FollowUpTests
{
    private static readonly FakeClock Clock = new();

    private static Parsed<FollowUp> Write(string? note, DateTimeOffset? at = null) =>
        FollowUp.Write(Id<FollowUp>.New(Clock), Id<Signal>.New(Clock), at ?? Clock.UtcNow, Id<Worker>.New(Clock), note);

    [Fact]
    public void Write_Note_IsTrimmedAndTimeInUtc()
    {
        var at = new DateTimeOffset(2026, 3, 14, 11, 0, 0, TimeSpan.FromHours(1));

        var followUp = ParsedAssert.Valid(Write("  Huisarts gebeld.  ", at));

        Assert.Equal("Huisarts gebeld.", followUp.Note);
        Assert.Equal(at, followUp.At);
        Assert.Equal(TimeSpan.Zero, followUp.At.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Write_NoNote_IsRequired(string? note)
    {
        ParsedAssert.Invalid(Write(note), "notitie", TextId.FieldRequired);
    }

    [Fact]
    public void Write_NoteOverLimit_IsTooLong()
    {
        ParsedAssert.Invalid(Write(new string('n', FollowUp.MaxNoteLength + 1)), "notitie", TextId.TooLong);
        ParsedAssert.Valid(Write(new string('n', FollowUp.MaxNoteLength)));
    }
}
