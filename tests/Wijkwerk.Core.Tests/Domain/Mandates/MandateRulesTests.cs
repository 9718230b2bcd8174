using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Mandates;

public class MandateRulesTests
{
    private static readonly Id<Worker> Leader = new(Guid.CreateVersion7());
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly Mandate Mandate = MandateSamples.MandateOf(Leader, "Wonen", "Opvang");

    private static MandateDecision Decision(string department = "Opvang") => MandateSamples.Decision(Leader, Mandate, Noon, department);

    [Fact]
    public void CheckNew_TeamLeaderWithValidCoveringMandateAndFullTriangle_IsAllowed()
    {
        Assert.Null(MandateRules.CheckNew(Role.TeamLeader, Leader, [Mandate], Decision(), Today));
    }

    [Theory]
    [InlineData(Role.Nurse)]
    [InlineData(Role.WmoConsultant)]
    [InlineData(Role.FundSecretary)]
    [InlineData(Role.Admin)]
    public void CheckNew_AnyoneButATeamLeader_IsRefusedNamingTheRole(Role role)
    {
        var problem = MandateRules.CheckNew(role, Leader, [Mandate], Decision(), Today);

        Assert.Equal(TextId.MandateRoleNotAllowed, problem?.Text);
        Assert.Contains(EnumTexts.Name(role, Lang.Nl), problem!.Describe(Lang.Nl));
    }

    [Fact]
    public void CheckNew_InAnotherWorkersName_IsRefused()
    {
        var other = new Id<Worker>(Guid.CreateVersion7());

        Assert.Equal(TextId.MandateNotInOwnName, MandateRules.CheckNew(Role.TeamLeader, other, [Mandate], Decision(), Today)?.Text);
    }

    [Fact]
    public void CheckNew_ExpiredMandate_IsRefusedWithTheDayItEnded()
    {
        var problem = MandateRules.CheckNew(Role.TeamLeader, Leader, [Mandate], Decision(), new DateOnly(2027, 1, 1));

        Assert.Equal(TextId.MandateExpired, problem?.Text);
        Assert.Contains("31-12-2026", problem!.Describe(Lang.Nl));
    }

    [Fact]
    public void CheckNew_MandateOnItsLastAndFirstDay_IsAllowed()
    {
        var decision = Decision() with { DecidedAt = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero), FollowUpOn = new DateOnly(2026, 12, 31) };

        Assert.Null(MandateRules.CheckNew(Role.TeamLeader, Leader, [Mandate], decision, new DateOnly(2026, 12, 31)));
        Assert.Null(MandateRules.CheckNew(Role.TeamLeader, Leader, [Mandate], decision, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void CheckNew_NotYetValidMandate_IsRefusedWithTheDayItStarts()
    {
        var later = Mandate with { ValidFrom = new DateOnly(2026, 7, 1) };

        var problem = MandateRules.CheckNew(Role.TeamLeader, Leader, [later], Decision(), Today);

        Assert.Equal(TextId.MandateNotYetValid, problem?.Text);
        Assert.Contains("01-07-2026", problem!.Describe(Lang.Nl));
    }

    [Fact]
    public void CheckNew_RevokedMandate_IsRefused()
    {
        var revoked = Mandate with { RevokedAt = Noon.AddDays(-3) };

        Assert.Equal(TextId.MandateRevoked, MandateRules.CheckNew(Role.TeamLeader, Leader, [revoked], Decision(), Today)?.Text);
    }

    [Fact]
    public void CheckNew_DepartmentNotCovered_IsRefusedNamingWhatIsCovered()
    {
        var problem = MandateRules.CheckNew(Role.TeamLeader, Leader, [Mandate], Decision("Werk en Inkomen"), Today);

        Assert.Equal(TextId.MandateDepartmentNotCovered, problem?.Text);
        Assert.Contains("Werk en Inkomen valt niet onder uw mandaat (wel: Wonen, Opvang)", problem!.Describe(Lang.Nl));
    }

    [Fact]
    public void CheckNew_DepartmentInOtherCase_IsCovered()
    {
        Assert.Null(MandateRules.CheckNew(Role.TeamLeader, Leader, [Mandate], Decision("opvang"), Today));
    }

    [Fact]
    public void CheckNew_MandateOfAnotherWorker_CountsAsNoMandate()
    {
        var others = Mandate with { Worker = new Id<Worker>(Guid.CreateVersion7()) };

        Assert.Equal(TextId.MandateNone, MandateRules.CheckNew(Role.TeamLeader, Leader, [others], Decision(), Today)?.Text);
        Assert.Equal(TextId.MandateNone, MandateRules.CheckNew(Role.TeamLeader, Leader, [], Decision(), Today)?.Text);
    }

    public static TheoryData<string, Func<MandateDecision, MandateDecision>> MissingSides => new()
    {
        { "legitimiteit", d => d with { Triangle = d.Triangle with { Legitimacy = "  " } } },
        { "maatschappelijk rendement", d => d with { Triangle = d.Triangle with { SocialReturn = null } } },
        { "betrokkenheid", d => d with { Triangle = d.Triangle with { Engagement = "" } } },
    };

    [Theory]
    [MemberData(nameof(MissingSides))]
    public void CheckNew_ASideOfTheTriangleMissing_IsRefusedNamingTheSide(string side, Func<MandateDecision, MandateDecision> strip)
    {
        var problem = MandateRules.CheckNew(Role.TeamLeader, Leader, [Mandate], strip(Decision()), Today);

        Assert.Equal((side, TextId.MandateTriangleSideMissing), (problem?.Field, problem?.Text));
        Assert.Contains("waardendriehoek", problem!.Describe(Lang.Nl));
    }

    [Fact]
    public void CheckNew_FiguresThatDoNotAddUp_AreRefused()
    {
        var decision = Decision();
        var forged = decision with { Triangle = decision.Triangle with { SocialReturn = decision.Triangle.SocialReturn! with { NetReturn = Money.FromEuros(1_000_000) } } };

        Assert.Equal(TextId.MandateFiguresDoNotAddUp, MandateRules.CheckNew(Role.TeamLeader, Leader, [Mandate], forged, Today)?.Text);
    }

    [Fact]
    public void CheckContent_EmptyForm_ListsEveryMissingField()
    {
        var d = Decision() with
        {
            Department = "", RuleOverridden = "", RefusedBefore = "", Decision = "", CarriedOutBy = new DecisionExecutor("", ""),
            Triangle = new ValueTriangle("", null, "", false), BottleneckTag = "",
        };

        var fields = MandateRules.CheckContent(d, Today).Select(p => p.Field).ToList();

        Assert.Equal(
            ["afdeling", "overruled regel", "eerder geweigerd", "besluit", "uitvoerende afdeling", "contactpersoon", "legitimiteit", "maatschappelijk rendement", "betrokkenheid", "knelpunt"],
            fields);
    }

    [Fact]
    public void CheckContent_FollowUpBeforeTheDecision_IsRefused()
    {
        var problem = Assert.Single(MandateRules.CheckContent(Decision() with { FollowUpOn = Today.AddDays(-1) }, Today));

        Assert.Equal(("opvolgdatum", TextId.DateBeforeOther), (problem.Field, problem.Text));
    }

    [Fact]
    public void CheckNew_FollowedUpBeforeTheLaptopSynced_IsJudgedAsAFollowUp()
    {
        var d = Decision() with { FollowUp = new DecisionFollowUp(FollowUpResult.CarriedOut, "klaar", Noon.AddHours(1), Leader) };
        var other = new Id<Worker>(Guid.CreateVersion7());

        Assert.Null(MandateRules.CheckNew(Role.TeamLeader, Leader, [Mandate], d, Today));
        Assert.Equal(TextId.MandateNotInOwnName, MandateRules.CheckNew(Role.TeamLeader, Leader, [Mandate], d with { FollowUp = d.FollowUp! with { By = other } }, Today)?.Text);
        Assert.Equal(TextId.FieldRequired, MandateRules.CheckNew(Role.TeamLeader, Leader, [Mandate], d with { FollowUp = d.FollowUp! with { HowItEnded = "" } }, Today)?.Text);
    }

    public static TheoryData<Func<MandateDecision, MandateDecision>> Edits => new()
    {
        d => d with { Decision = "iets anders" },
        d => d with { Department = "Wonen" },
        d => d with { FollowUpOn = d.FollowUpOn.AddDays(1) },
        d => d with { Triangle = d.Triangle with { ResidentHeard = false } },
        d => d with { Triangle = d.Triangle with { SocialReturn = MandateSamples.WorkedExampleReturn(version: 2) } },
        d => d with { CarriedOutBy = d.CarriedOutBy with { Contact = "iemand anders" } },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void CheckChange_EditOfARecordedField_IsRefused(Func<MandateDecision, MandateDecision> edit)
    {
        var before = Decision();

        Assert.Equal(TextId.MandateDecisionFixed, MandateRules.CheckChange(Role.TeamLeader, Leader, before, edit(before), Today)?.Text);
    }

    [Fact]
    public void CheckChange_SameFiguresInANewList_IsNoEdit()
    {
        var before = Decision();
        var copy = before with { Triangle = before.Triangle with { SocialReturn = before.Triangle.SocialReturn! with { Routes = before.Triangle.SocialReturn.Routes.ToList() } } };

        Assert.Null(MandateRules.CheckChange(Role.TeamLeader, Leader, before, copy, Today));
    }

    [Fact]
    public void CheckChange_FollowUpByATeamLeader_IsAllowedOnce()
    {
        var before = Decision();
        var followed = before with { FollowUp = new DecisionFollowUp(FollowUpResult.Partly, "Opvang voerde het deels uit", Noon.AddHours(1), Leader) };

        Assert.Null(MandateRules.CheckChange(Role.TeamLeader, Leader, before, followed, Today));
        var again = followed with { FollowUp = followed.FollowUp! with { Result = FollowUpResult.CarriedOut } };
        var problem = MandateRules.CheckChange(Role.TeamLeader, Leader, followed, again, Today);
        Assert.Equal(TextId.MandateFollowUpDone, problem?.Text);
        Assert.Contains("01-06-2026", problem!.Describe(Lang.Nl));
    }

    [Fact]
    public void CheckChange_FollowUpByANurse_IsRefused()
    {
        var before = Decision();
        var nurse = new Id<Worker>(Guid.CreateVersion7());
        var followed = before with { FollowUp = new DecisionFollowUp(FollowUpResult.CarriedOut, "klaar", Noon, nurse) };

        Assert.Equal(TextId.MandateRoleNotAllowed, MandateRules.CheckChange(Role.Nurse, nurse, before, followed, Today)?.Text);
    }

    [Fact]
    public void CheckChange_FollowUpWithoutHowItEnded_IsRefused()
    {
        var before = Decision();
        var followed = before with { FollowUp = new DecisionFollowUp(FollowUpResult.NotCarriedOut, " ", Noon, Leader) };

        Assert.Equal(("hoe het afliep", TextId.FieldRequired), (MandateRules.CheckChange(Role.TeamLeader, Leader, before, followed, Today)?.Field, TextId.FieldRequired));
    }

    [Fact]
    public void CheckAddendum_ByTheTeamLeaderOnAKnownDecision_IsAllowed()
    {
        var decision = Decision();
        var addendum = new DecisionAddendum(new Id<DecisionAddendum>(Guid.CreateVersion7()), decision.Id, "Correctie: contact is de teamleider Opvang", Noon, Leader);

        Assert.Null(MandateRules.CheckAddendum(Role.TeamLeader, Leader, addendum, decision, Today));
        Assert.Equal(TextId.MandateAddendumWithoutDecision, MandateRules.CheckAddendum(Role.TeamLeader, Leader, addendum, null, Today)?.Text);
        Assert.Equal(TextId.MandateRoleNotAllowed, MandateRules.CheckAddendum(Role.Nurse, Leader, addendum, decision, Today)?.Text);
        Assert.Equal(TextId.FieldRequired, MandateRules.CheckAddendum(Role.TeamLeader, Leader, addendum with { Text = "" }, decision, Today)?.Text);
    }

    [Fact]
    public void UsableMandate_SeveralMandates_PicksTheValidCoveringOneOrSaysWhy()
    {
        var old = Mandate with { Id = new Id<Mandate>(Guid.CreateVersion7()), ValidFrom = new DateOnly(2025, 1, 1), ValidUntil = new DateOnly(2025, 12, 31) };
        var jeugd = Mandate with { Id = new Id<Mandate>(Guid.CreateVersion7()), Departments = ["Jeugd"] };

        Assert.Equal(Mandate, ParsedAssert.Valid(MandateRules.UsableMandate([old, Mandate, jeugd], "Opvang", Today)));
        ParsedAssert.Invalid(MandateRules.UsableMandate([old], "Opvang", Today), "mandaat", TextId.MandateExpired);
        ParsedAssert.Invalid(MandateRules.UsableMandate([Mandate, jeugd], "Handhaving", Today), "afdeling", TextId.MandateDepartmentNotCovered);
        ParsedAssert.Invalid(MandateRules.UsableMandate([], "Opvang", Today), "mandaat", TextId.MandateNone);
    }

    [Fact]
    public void Columns_RoundTrip_GiveTheSameDecisionWithItsFiguresAndFollowUp()
    {
        var decision = Decision() with { FollowUp = new DecisionFollowUp(FollowUpResult.Partly, "deels", Noon, Leader) };

        var back = ParsedAssert.Valid(MandateColumns.FromColumns(decision.Id.Value, MandateColumns.ToColumns(decision)));

        Assert.True(back.SameRecordAs(decision));
        Assert.Equal(decision.FollowUp, back.FollowUp);
        Assert.Equal(decision.Triangle.SocialReturn!.Routes, back.Triangle.SocialReturn!.Routes);
    }

    [Fact]
    public void Columns_BrokenRoutes_NameTheColumn()
    {
        var columns = MandateColumns.ToColumns(Decision());
        columns["avoided_routes"] = "[{\"code\":1}";

        ParsedAssert.Invalid(MandateColumns.FromColumns(Guid.CreateVersion7(), columns), "avoided_routes", TextId.ColumnValueInvalid);
    }
}
