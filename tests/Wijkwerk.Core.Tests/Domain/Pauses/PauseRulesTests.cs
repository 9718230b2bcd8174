using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Tests.Domain.Pauses;

/// <summary>The pause button: an end date that is required, not past and within the maximum; a warning a week before it ends.</summary>
public class PauseRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void APauseUpToTheMaximum_IsAccepted()
    {
        Assert.Empty(PauseRules.CheckNew(PauseUntil(Today.AddDays(56)), PauseSettings.Default, Today));
        Assert.Empty(PauseRules.CheckNew(PauseUntil(Today), PauseSettings.Default, Today));
    }

    [Fact]
    public void AnEndBeyondTheMaximum_IsRefusedInDutch_NamingTheMaximumAndTheLatestDay()
    {
        var problem = Assert.Single(PauseRules.CheckNew(PauseUntil(Today.AddDays(57)), PauseSettings.Default, Today));

        Assert.Equal("einddatum", problem.Field);
        Assert.Equal("ligt na het maximum van 8 weken; kies uiterlijk 25-01-2027, en verleng de pauze zo nodig later met een reden", problem.Describe(Lang.Nl));
    }

    [Fact]
    public void AnEndInThePast_OrNoEnd_IsRefused()
    {
        var past = Assert.Single(PauseRules.CheckNew(PauseUntil(Today.AddDays(-1)), PauseSettings.Default, Today));
        var none = Assert.Single(PauseRules.CheckNew(PauseUntil(default), PauseSettings.Default, Today));

        Assert.Equal(TextId.PauseEndInPast, past.Text);
        Assert.Contains("30-11-2026", past.Describe(Lang.Nl), StringComparison.Ordinal);
        Assert.Equal(TextId.PauseEndRequired, none.Text);
    }

    [Fact]
    public void TheAdminsMaximum_IsTheBoundary()
    {
        var twoWeeks = new PauseSettings(2);
        Assert.Empty(PauseRules.CheckNew(PauseUntil(Today.AddDays(14)), twoWeeks, Today));
        Assert.Equal(TextId.PauseEndBeyondMaximum, Assert.Single(PauseRules.CheckNew(PauseUntil(Today.AddDays(15)), twoWeeks, Today)).Text);
    }

    [Fact]
    public void EveryPartIsRequired_AndEveryProblemIsSaidAtOnce()
    {
        var empty = PauseUntil(Today.AddDays(10)) with { Action = " ", Department = "", RequestedBy = "", Reason = "" };
        Assert.Equal(["actie", "afdeling", "aangevraagd door", "reden"], PauseRules.CheckNew(empty, PauseSettings.Default, Today).Select(p => p.Field));
    }

    [Theory]
    [InlineData(8, PauseState.Holding)]
    [InlineData(7, PauseState.EndingSoon)]
    [InlineData(0, PauseState.EndingSoon)]
    [InlineData(-1, PauseState.Ended)]
    public void AWeekBeforeItsEnd_APauseEndsSoon_AndAfterItsEndItHasEnded(int daysLeft, PauseState expected)
    {
        Assert.Equal(expected, PauseUntil(Today.AddDays(daysLeft)).StateOn(Today));
    }

    [Fact]
    public void ALiftedPause_IsLifted_AndCannotBeLiftedOrExtendedAgain()
    {
        var lifted = PauseUntil(Today.AddDays(20)) with { LiftedOn = Today.AddDays(-2), LiftReason = "Het bleek pleinvrees, geen fraude." };

        Assert.Equal(PauseState.Lifted, lifted.StateOn(Today));
        Assert.Contains(PauseRules.CheckLift(lifted, "nogmaals", Today), p => p.Text == TextId.PauseNotHolding);
        Assert.Contains(PauseRules.CheckExtension(lifted, Today.AddDays(30), "langer", PauseSettings.Default, Today), p => p.Text == TextId.PauseNotHolding);
    }

    [Fact]
    public void LiftingAndExtending_NeedAReason_AndAnExtensionIsLaterAndWithinTheMaximumFromToday()
    {
        var pause = PauseUntil(Today.AddDays(5));

        Assert.Equal(TextId.FieldRequired, Assert.Single(PauseRules.CheckLift(pause, "  ", Today)).Text);
        Assert.Empty(PauseRules.CheckLift(pause, "Huisbezoek gedaan; de uitkering loopt door.", Today));
        Assert.Equal(TextId.PauseExtensionNotLater, Assert.Single(PauseRules.CheckExtension(pause, Today.AddDays(5), "reden", PauseSettings.Default, Today)).Text);
        Assert.Empty(PauseRules.CheckExtension(pause, Today.AddDays(56), "Wacht op de huisarts.", PauseSettings.Default, Today));
        var beyond = Assert.Single(PauseRules.CheckExtension(pause, Today.AddDays(57), "reden", PauseSettings.Default, Today));
        Assert.Equal(("nieuwe einddatum", TextId.PauseEndBeyondMaximum), (beyond.Field, beyond.Text));
        Assert.Equal(TextId.FieldRequired, Assert.Single(PauseRules.CheckExtension(pause, Today.AddDays(10), "", PauseSettings.Default, Today)).Text);
    }

    private static Pause PauseUntil(DateOnly end) => new(
        new Id<Pause>(Guid.NewGuid()), new Id<Client>(Guid.NewGuid()), "stopzetting bijstandsuitkering", "Werk en Inkomen", "handhaving",
        "Inwoner kwam niet op afspraken; eerst weten wat er speelt.", Today, end, new Id<Worker>(Guid.NewGuid()));
}
