using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Indications;

/// <summary>Which parts of an advice each side may change, beyond the status: content, decision, extension, fixed fields, new rows.</summary>
public class AdviceRulesTests
{
    private static readonly DateOnly Today = AdviceSamples.Today;
    private static readonly Worker Nurse = AdviceSamples.Nurse;
    private static readonly Worker Consultant = AdviceSamples.Consultant;
    private static readonly DateTimeOffset Now = AdviceStates.LaterTime;

    private static void Refused(Problem? problem, string field, TextId text)
    {
        Assert.NotNull(problem);
        Assert.Equal((field, text), (problem.Field, problem.Text));
        Assert.False(string.IsNullOrWhiteSpace(problem.Describe(Lang.Nl)));
    }

    private static Problem? Check(Worker by, IndicationAdvice? before, IndicationAdvice after) =>
        AdviceRules.CheckChange(by.Role, by.Id, before, after, Today);

    [Theory]
    [InlineData(AdviceStatus.Submitted)]
    [InlineData(AdviceStatus.QuestionAsked)]
    [InlineData(AdviceStatus.Answered)]
    public void Consultant_ChangingTheAdviceContent_IsRefused(AdviceStatus status)
    {
        var advice = AdviceStates.In(status);

        ParsedAssert.Invalid(advice.Edit(Consultant, advice.Content with { Rationale = "Door de consulent herschreven." }, Today), "advies", TextId.AdviceOnlyAuthorWrites);
        ParsedAssert.Invalid(advice.Edit(Consultant, advice.Content with { Provision = AdviceSamples.Provision(hoursPerWeek: 1) }, Today), "advies", TextId.AdviceOnlyAuthorWrites);
        var aanvraagAndMore = advice.Content with { AanvraagDate = Today, ClientWishes = "Anders" };
        ParsedAssert.Invalid(advice.Edit(Consultant, aanvraagAndMore, Today), "advies", TextId.AdviceOnlyAuthorWrites);
    }

    [Theory]
    [InlineData(AdviceStatus.Submitted)]
    [InlineData(AdviceStatus.QuestionAsked)]
    [InlineData(AdviceStatus.Answered)]
    public void Consultant_RecordingTheAanvraagWhileOpen_IsAllowed_AndStartsTheDecisionClock(AdviceStatus status)
    {
        var recorded = ParsedAssert.Valid(AdviceStates.In(status).RecordAanvraag(Consultant, Today.AddDays(-2), Today));

        Assert.Equal(Today.AddDays(-2), recorded.Content.AanvraagDate);
        Assert.Equal(Today.AddDays(12), recorded.Clocks.DecisionDue);
        Assert.Equal(ClockKind.Decision, recorded.Clocks.Current(Today).Kind);
    }

    [Theory]
    [InlineData(AdviceStatus.Granted)]
    [InlineData(AdviceStatus.Adjusted)]
    [InlineData(AdviceStatus.Rejected)]
    [InlineData(AdviceStatus.Withdrawn)]
    public void Consultant_RecordingTheAanvraagAfterTheEnd_IsRefused(AdviceStatus status) =>
        ParsedAssert.Invalid(AdviceStates.In(status).RecordAanvraag(Consultant, Today.AddDays(-2), Today), "status", TextId.AdviceFinal);

    [Fact]
    public void RecordAanvraag_BeforeTheMelding_IsRefusedAsADateInTheWrongOrder()
    {
        var advice = AdviceStates.In(AdviceStatus.Submitted);
        ParsedAssert.Invalid(advice.RecordAanvraag(Consultant, advice.Content.MeldingDate.AddDays(-1), Today), "aanvraagdatum", TextId.DateBeforeOther);
    }

    [Theory]
    [InlineData(AdviceStatus.Submitted)]
    [InlineData(AdviceStatus.Answered)]
    public void Author_EditingAfterSubmission_IsRefused(AdviceStatus status)
    {
        var advice = AdviceStates.In(status);
        ParsedAssert.Invalid(advice.Edit(Nurse, advice.Content with { Rationale = "Achteraf aangepast." }, Today), "advies", TextId.AdviceContentLocked);
    }

    [Fact]
    public void Author_EditsTheConcept_AndRevisesWhileAQuestionIsOpen()
    {
        var concept = AdviceStates.In(AdviceStatus.Concept);
        var asked = AdviceStates.In(AdviceStatus.QuestionAsked);
        var revised = asked.Content with { Provision = AdviceSamples.Provision(hoursPerWeek: 4), Rationale = "Na de vraag: vier uur, ook de was." };

        Assert.Equal(AdviceStatus.Concept, ParsedAssert.Valid(concept.Edit(Nurse, concept.Content with { Rationale = "Eerste versie bijgewerkt." }, Today)).Status);
        Assert.Equal(AdviceStatus.QuestionAsked, ParsedAssert.Valid(asked.Edit(Nurse, revised, Today)).Status);
        var answered = ParsedAssert.Valid(asked.Answer(Nurse, revised, Today));
        Assert.Equal((AdviceStatus.Answered, revised), (answered.Status, answered.Content));
    }

    [Fact]
    public void Author_EditWithInvalidContent_IsRefusedWithTheContentsProblem()
    {
        var concept = AdviceStates.In(AdviceStatus.Concept);
        var bad = concept.Content with { Provision = concept.Content.Provision with { ProductCode = "01A012" } };
        ParsedAssert.Invalid(concept.Edit(Nurse, bad, Today), "productcode", TextId.ProductCodeShape);
    }

    [Theory]
    [InlineData(AdviceStatus.Granted)]
    [InlineData(AdviceStatus.Adjusted)]
    [InlineData(AdviceStatus.Rejected)]
    public void Decision_InSomeoneElsesName_IsRefused(AdviceStatus outcome)
    {
        var submitted = AdviceStates.In(AdviceStatus.Submitted);
        var otherConsultant = Consultant with { Id = new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-00000000cccd")) };
        var after = AdviceStates.Move(submitted, outcome, otherConsultant);

        Refused(Check(Consultant, submitted, after), "besluit", TextId.AdviceNotInOwnName);
        Assert.Null(Check(otherConsultant, submitted, after));
    }

    [Fact]
    public void DecisionStatus_WithoutDecisionFields_IsRefused()
    {
        var submitted = AdviceStates.In(AdviceStatus.Submitted);
        Refused(Check(Consultant, submitted, submitted with { Status = AdviceStatus.Granted }), "besluit", TextId.FieldRequired);
    }

    [Fact]
    public void Granted_MustEqualTheAdvisedProvision()
    {
        var submitted = AdviceStates.In(AdviceStatus.Submitted);
        var other = new AdviceDecision(AdviceSamples.Provision(hoursPerWeek: 4), "", Now, Consultant.Id);
        var empty = new AdviceDecision(null, "", Now, Consultant.Id);

        Refused(Check(Consultant, submitted, submitted with { Status = AdviceStatus.Granted, Decision = other }), "besluit", TextId.AdviceGrantedDiffers);
        Refused(Check(Consultant, submitted, submitted with { Status = AdviceStatus.Granted, Decision = empty }), "besluit", TextId.AdviceGrantedDiffers);
        var granted = ParsedAssert.Valid(submitted.Grant(Consultant, "  ", Now, Today));
        Assert.Equal((submitted.Content.Provision, ""), (granted.Decision!.Decided, granted.Decision.Reason));
    }

    [Fact]
    public void Adjusted_MustDiffer_AndNeedsAReason()
    {
        var submitted = AdviceStates.In(AdviceStatus.Submitted);

        ParsedAssert.Invalid(submitted.Adjust(Consultant, submitted.Content.Provision, "Toch hetzelfde.", Now, Today), "besluit", TextId.AdviceAdjustedUnchanged);
        ParsedAssert.Invalid(submitted.Adjust(Consultant, AdviceSamples.Provision(hoursPerWeek: 2), "   ", Now, Today), "reden", TextId.AdviceReasonRequired);
        ParsedAssert.Invalid(submitted.Adjust(Consultant, AdviceSamples.Provision(hoursPerWeek: 2), new string('x', AdviceRules.MaxReasonLength + 1), Now, Today), "reden", TextId.TooLong);
        Refused(
            Check(Consultant, submitted, submitted with { Status = AdviceStatus.Adjusted, Decision = new AdviceDecision(null, "Geen uren.", Now, Consultant.Id) }),
            "besluit", TextId.FieldRequired);

        var adjusted = ParsedAssert.Valid(submitted.Adjust(Consultant, AdviceSamples.Provision(hoursPerWeek: 2), "Twee uur volstaat.", Now, Today));
        Assert.Equal([ProvisionPart.Volume], adjusted.Decision!.Decided!.ChangesFrom(submitted.Content.Provision));
        Assert.Equal(submitted.Content, adjusted.Content); // the advice itself stays as the nurse wrote it
    }

    [Fact]
    public void Adjusted_ToAProvisionThatDoesNotFit_IsRefusedWithTheProvisionsProblem()
    {
        var submitted = AdviceStates.In(AdviceStatus.Submitted);
        var advised = submitted.Content.Provision;

        ParsedAssert.Invalid(
            submitted.Adjust(Consultant, advised with { Volume = new Volume(30, VolumeUnit.Hour, VolumeFrequency.PerDay) }, "Meer.", Now, Today),
            "frequentie", TextId.VolumeExceedsPeriod);
        ParsedAssert.Invalid(
            submitted.Adjust(Consultant, advised with { ProductCode = "ABCDEF" }, "Andere code.", Now, Today), "productcode", TextId.ProductCodeShape);
        ParsedAssert.Invalid(
            submitted.Adjust(Consultant, advised with { Start = submitted.Content.MeldingDate.AddDays(-1) }, "Eerder.", Now, Today), "startdatum", TextId.DateBeforeOther);
    }

    [Fact]
    public void Rejected_NeedsAReason_AndNoProvision()
    {
        var submitted = AdviceStates.In(AdviceStatus.Submitted);
        var withProvision = new AdviceDecision(submitted.Content.Provision, "Afgewezen.", Now, Consultant.Id);

        ParsedAssert.Invalid(submitted.Reject(Consultant, "", Now, Today), "reden", TextId.AdviceReasonRequired);
        Refused(Check(Consultant, submitted, submitted with { Status = AdviceStatus.Rejected, Decision = withProvision }), "besluit", TextId.AdviceRejectedWithProvision);
        Assert.Null(ParsedAssert.Valid(submitted.Reject(Consultant, "Boodschappendienst volstaat.", Now, Today)).Decision!.Decided);
    }

    [Theory]
    [InlineData(AdviceStatus.Submitted)]
    [InlineData(AdviceStatus.QuestionAsked)]
    [InlineData(AdviceStatus.Answered)]
    public void DecisionFields_OnAnOpenStatus_AreRefused(AdviceStatus status)
    {
        var advice = AdviceStates.In(status);
        var decision = new AdviceDecision(advice.Content.Provision, "", Now, Consultant.Id);
        Refused(Check(Consultant, advice, advice with { Decision = decision }), "besluit", TextId.AdviceDecisionOutsideDecision);
    }

    [Fact]
    public void Extension_OnlyByTheConsultant_WithAanvraag_AfterTheStatutoryDate_WithAReason()
    {
        var aanvraag = Today.AddDays(-3);
        var withAanvraag = AdviceStates.In(AdviceStatus.Submitted, aanvraag: aanvraag);
        var without = AdviceStates.In(AdviceStatus.Submitted);
        var due = aanvraag.AddDays(LegalClocks.DecisionDays);

        ParsedAssert.Invalid(withAanvraag.Extend(Nurse, due.AddDays(14), "Ik wil meer tijd.", Today), "verlenging", TextId.AdviceOnlyConsultantExtends);
        ParsedAssert.Invalid(withAanvraag.Extend(AdviceSamples.TeamLeader, due.AddDays(14), "Meer tijd.", Today), "opsteller", TextId.AdviceOnlyItsAuthor);
        ParsedAssert.Invalid(without.Extend(Consultant, due.AddDays(14), "Meer tijd.", Today), "verlenging", TextId.ExtensionNeedsAanvraag);
        ParsedAssert.Invalid(withAanvraag.Extend(Consultant, due, "Meer tijd.", Today), "verlenging", TextId.ExtensionNotLater);
        ParsedAssert.Invalid(withAanvraag.Extend(Consultant, due.AddDays(-1), "Meer tijd.", Today), "verlenging", TextId.ExtensionNotLater);
        ParsedAssert.Invalid(withAanvraag.Extend(Consultant, due.AddDays(14), "  ", Today), "reden verlenging", TextId.FieldRequired);

        var extended = ParsedAssert.Valid(withAanvraag.Extend(Consultant, due.AddDays(1), "Advies ergotherapeut volgt.", Today));
        Assert.Equal(due.AddDays(1), extended.Clocks.DecisionDue);
        Refused(Check(Nurse, extended, extended with { Extension = null }), "verlenging", TextId.AdviceOnlyConsultantExtends);
    }

    [Fact]
    public void Extension_AfterTheTermRanOut_IsRefused_AndMovingTheAanvraagKeepsItAfterTheLegalDate()
    {
        var aanvraag = Today.AddDays(-3);
        var withAanvraag = AdviceStates.In(AdviceStatus.Submitted, aanvraag: aanvraag);
        var due = aanvraag.AddDays(LegalClocks.DecisionDays);

        ParsedAssert.Invalid(withAanvraag.Extend(Consultant, due.AddDays(14), "Te laat.", due.AddDays(1)), "verlenging", TextId.ExtensionTooLate);
        var extended = ParsedAssert.Valid(withAanvraag.Extend(Consultant, due.AddDays(3), "Op tijd verlengd.", due));

        ParsedAssert.Invalid(extended.RecordAanvraag(Consultant, aanvraag.AddDays(3), Today), "verlenging", TextId.ExtensionNotLater);
        Assert.True(extended.RecordAanvraag(Consultant, aanvraag.AddDays(1), Today).IsValid);
        Refused(Check(Consultant, extended, extended with { Content = extended.Content with { AanvraagDate = null } }), "aanvraagdatum", TextId.AanvraagCannotBeCleared);
    }

    [Fact]
    public void AColleagueOfTheAuthor_CannotSubmitEditAnswerOrWithdraw()
    {
        var concept = AdviceStates.In(AdviceStatus.Concept);
        var asked = AdviceStates.In(AdviceStatus.QuestionAsked);
        var colleague = AdviceSamples.OtherNurse;

        ParsedAssert.Invalid(concept.Submit(colleague, AdviceStates.LaterTime, Today), "opsteller", TextId.AdviceOnlyItsAuthor);
        ParsedAssert.Invalid(concept.Edit(colleague, concept.Content with { ClientWishes = "Anders." }, Today), "opsteller", TextId.AdviceOnlyItsAuthor);
        ParsedAssert.Invalid(asked.Answer(colleague, asked.Content, Today), "opsteller", TextId.AdviceOnlyItsAuthor);
        ParsedAssert.Invalid(asked.Withdraw(AdviceSamples.TeamLeader, Today), "opsteller", TextId.AdviceOnlyItsAuthor);
        Assert.True(concept.Submit(AdviceSamples.Nurse, AdviceStates.LaterTime, Today).IsValid);
    }

    [Fact]
    public void ConsultantSteps_OnAConcept_AreRefused()
    {
        var concept = AdviceStates.In(AdviceStatus.Concept);

        ParsedAssert.Invalid(concept.RecordAanvraag(Consultant, Today, Today), "aanvraagdatum", TextId.AdviceNotUnderReview);
    }

    public static TheoryData<AdviceStatus, string> FinalChanges()
    {
        var data = new TheoryData<AdviceStatus, string>();
        foreach (var status in new[] { AdviceStatus.Granted, AdviceStatus.Adjusted, AdviceStatus.Rejected, AdviceStatus.Withdrawn })
        {
            foreach (var change in new[] { "content by author", "status back", "reason", "extension", "aanvraag" })
                data.Add(status, change);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FinalChanges))]
    public void FinalState_NeverChanges(AdviceStatus status, string change)
    {
        var final = AdviceStates.In(status, aanvraag: Today.AddDays(-3));
        var (by, after) = change switch
        {
            "content by author" => (Nurse, final with { Content = final.Content with { Rationale = "Achteraf." } }),
            "status back" => (Consultant, final with { Status = AdviceStatus.Submitted }),
            "reason" => (Consultant, final with { Decision = (final.Decision ?? new AdviceDecision(null, "", Now, Consultant.Id)) with { Reason = "Nieuwe reden." } }),
            "extension" => (Consultant, final with { Extension = new DecisionExtension(Today.AddDays(30), "Later.") }),
            _ => (Consultant, final with { Content = final.Content with { AanvraagDate = Today.AddDays(-1) } }),
        };

        Refused(Check(by, final, after), "status", TextId.AdviceFinal);
        Assert.Null(Check(by, final, final)); // saving it unchanged is harmless
    }

    public static TheoryData<string, Role> FixedFields()
    {
        var data = new TheoryData<string, Role>();
        foreach (var field in new[] { "client", "author", "team", "created" })
        {
            data.Add(field, Role.Nurse);
            data.Add(field, Role.WmoConsultant);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixedFields))]
    public void FixedField_NeverChanges(string field, Role role)
    {
        var by = AdviceStates.Actor(role);
        foreach (var status in new[] { AdviceStatus.Concept, AdviceStatus.Submitted, AdviceStatus.QuestionAsked })
        {
            var advice = AdviceStates.In(status);
            var after = field switch
            {
                "client" => advice with { ClientId = new Id<Client>(Guid.CreateVersion7()) },
                "author" => advice with { Author = AdviceSamples.OtherNurse.Id },
                "team" => advice with { Team = "Wijkteam Elders" },
                _ => advice with { CreatedAt = advice.CreatedAt.AddDays(-1) },
            };

            Refused(Check(by, advice, after), "advies", TextId.AdviceFixedFieldChanged);
        }
    }

    [Fact]
    public void SubmittedAt_IsSetOnceBySubmitting()
    {
        var submitted = AdviceStates.In(AdviceStatus.Submitted);
        var asked = AdviceStates.In(AdviceStatus.QuestionAsked);

        Refused(Check(Nurse, submitted, submitted with { SubmittedAt = Now }), "ingediend op", TextId.AdviceFixedFieldChanged);
        Refused(Check(Consultant, submitted, submitted with { SubmittedAt = null }), "ingediend op", TextId.AdviceFixedFieldChanged);
        Refused(Check(Nurse, asked, asked with { Status = AdviceStatus.Answered, SubmittedAt = Now }), "ingediend op", TextId.AdviceFixedFieldChanged);
    }

    [Fact]
    public void NewAdvice_OnlyAsConceptOrSubmitted_ByAnAuthorInTheirOwnName()
    {
        var concept = AdviceSamples.Draft();
        var submitted = concept with { Status = AdviceStatus.Submitted, SubmittedAt = Now };

        Assert.Null(Check(Nurse, null, concept));
        Assert.Null(Check(Nurse, null, submitted));
        var leaders = AdviceSamples.Draft(AdviceSamples.TeamLeader);
        Assert.Null(Check(AdviceSamples.TeamLeader, null, leaders));
        Refused(Check(AdviceSamples.OtherNurse, null, concept), "opsteller", TextId.AdviceNotInOwnName);
        Refused(Check(Consultant, null, concept with { Author = Consultant.Id }), "advies", TextId.AdviceOnlyAuthorWrites);
        Refused(Check(AdviceSamples.Secretary, null, concept with { Author = AdviceSamples.Secretary.Id }), "rol", TextId.AdviceRoleNotAllowed);
        Refused(Check(AdviceSamples.Admin, null, concept with { Author = AdviceSamples.Admin.Id }), "rol", TextId.AdviceRoleNotAllowed);
        foreach (var status in new[] { AdviceStatus.QuestionAsked, AdviceStatus.Answered, AdviceStatus.Withdrawn })
            Refused(Check(Nurse, null, concept with { Status = status }), "status", TextId.AdviceNewStatus);
        foreach (var status in new[] { AdviceStatus.Granted, AdviceStatus.Adjusted, AdviceStatus.Rejected })
            Refused(Check(Nurse, null, AdviceStates.Move(concept, status, Nurse)), "status", TextId.AdviceNewStatus);
        Refused(Check(Nurse, null, concept with { Decision = new AdviceDecision(null, "x", Now, Nurse.Id) }), "besluit", TextId.AdviceDecisionOutsideDecision);
        Refused(Check(Nurse, null, concept with { Extension = new DecisionExtension(Today.AddDays(30), "x") }), "besluit", TextId.AdviceDecisionOutsideDecision);
        Refused(Check(Nurse, null, concept with { Team = new string('t', IndicationAdvice.MaxTeamLength + 1) }), "team", TextId.TooLong);
    }

    [Fact]
    public void NewAdvice_WithContentThatDoesNotHold_IsRefusedWithTheContentsProblem()
    {
        var concept = AdviceSamples.Draft();
        var future = concept with { Content = concept.Content with { MeldingDate = Today.AddDays(1), Provision = concept.Content.Provision with { Start = Today.AddDays(2) } } };
        Refused(Check(Nurse, null, future), "meldingsdatum", TextId.DateInFuture);
    }

    [Fact]
    public void Messages_QuestionsFromTheConsultant_AnswersFromTheAuthorSide_InTheirOwnName()
    {
        var adviceId = AdviceStates.In(AdviceStatus.Submitted).Id;
        Id<AdviceMessage> New() => new(Guid.CreateVersion7());

        Assert.True(AdviceMessage.Write(New(), adviceId, AdviceMessageKind.Question, " Hoe vaak komt de dochter? ", Consultant, Now).IsValid);
        Assert.Equal("Hoe vaak komt de dochter?", AdviceMessage.Write(New(), adviceId, AdviceMessageKind.Question, " Hoe vaak komt de dochter? ", Consultant, Now).Value.Text);
        Assert.True(AdviceMessage.Write(New(), adviceId, AdviceMessageKind.Answer, "Eén keer per week.", Nurse, Now).IsValid);
        Assert.True(AdviceMessage.Write(New(), adviceId, AdviceMessageKind.Answer, "Eén keer per week.", AdviceSamples.TeamLeader, Now).IsValid);
        ParsedAssert.Invalid(AdviceMessage.Write(New(), adviceId, AdviceMessageKind.Question, "Vraag?", Nurse, Now), "bericht", TextId.AdviceMessageWrongRole);
        ParsedAssert.Invalid(AdviceMessage.Write(New(), adviceId, AdviceMessageKind.Answer, "Antwoord.", Consultant, Now), "bericht", TextId.AdviceMessageWrongRole);
        ParsedAssert.Invalid(AdviceMessage.Write(New(), adviceId, AdviceMessageKind.Answer, "Antwoord.", AdviceSamples.Secretary, Now), "bericht", TextId.AdviceMessageWrongRole);
        ParsedAssert.Invalid(AdviceMessage.Write(New(), adviceId, AdviceMessageKind.Question, "Vraag?", AdviceSamples.Admin, Now), "bericht", TextId.AdviceMessageWrongRole);
        ParsedAssert.Invalid(AdviceMessage.Write(New(), adviceId, AdviceMessageKind.Question, "   ", Consultant, Now), "bericht", TextId.FieldRequired);
        ParsedAssert.Invalid(AdviceMessage.Write(New(), adviceId, AdviceMessageKind.Question, new string('v', AdviceMessage.MaxLength + 1), Consultant, Now), "bericht", TextId.TooLong);

        var question = AdviceMessage.Write(New(), adviceId, AdviceMessageKind.Question, "Vraag?", Consultant, Now).Value;
        Refused(AdviceMessage.Check(question, Role.WmoConsultant, new Id<Worker>(Guid.CreateVersion7())), "bericht", TextId.AdviceNotInOwnName);
    }
}
