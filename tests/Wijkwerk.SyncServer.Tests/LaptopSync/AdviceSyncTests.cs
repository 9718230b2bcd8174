using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Core.Sync.Laptop;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// Indication advice between the nurse's and the consultant's laptops through the real server: the
/// kitchen-table draft, the question and answer, the adjusted decision; and rows the server refuses.
/// </summary>
public class AdviceSyncTests
{
    private static async Task<(SyncWorld World, Laptop Nurse, Laptop Consultant)> NurseAndConsultant()
    {
        var world = new SyncWorld();
        world.Team("Noord");
        world.User("Anna de Wit", "Noord");
        world.User("Carla Smit", "Noord", "consultant");
        return (world, await world.Laptop("Anna de Wit"), await world.Laptop("Carla Smit"));
    }

    private static AdviceContent Content(DateOnly today) => new(
        new Provision(ProductCategory.HouseholdHelp, "01A01", new Volume(4, VolumeUnit.Hour, VolumeFrequency.PerWeek), today.AddDays(14), 12),
        "Mevrouw valt vaak en kan het huis niet meer schoonhouden.",
        ZrmAssessment.Create(ZrmVersion.Zrm2017, new Dictionary<ZrmDomain, int> { [ZrmDomain.InstrumentalAdl] = 2, [ZrmDomain.SocialNetwork] = 3 }).Value,
        "Boodschappendienst van de buurt loopt; zoon komt in het weekend.",
        "In haar eigen huis blijven wonen.",
        today.AddDays(-5),
        today.AddDays(-1),
        LegalBasis.WmoTask,
        Core.Domain.Clients.ConsentStatus.Given,
        "",
        true,
        true);

    [Fact]
    public async Task NurseDraftsOffline_ConsultantAsks_NurseAnswers_ConsultantAdjusts_NurseSeesTheDecisionAndTheThread()
    {
        var (world, nurse, consultant) = await NurseAndConsultant();
        using var _ = world;
        var anna = nurse.Store.Advices.Me;
        var carla = consultant.Store.Advices.Me;

        // At the kitchen table, no server within reach: the draft and its submission are kept locally.
        var client = nurse.NewClient("Wilhelmina", "de Vries");
        var today = nurse.Store.Advices.Today;
        var draft = IndicationAdvice.Draft(Id<IndicationAdvice>.New(world.Clock), client.Id, anna, nurse.Store.Advices.Team, Content(today), world.Clock.GetUtcNow(), today).Value;
        nurse.Store.Advices.Add(draft);
        nurse.Store.Advices.Save(draft.Submit(anna, world.Clock.GetUtcNow(), today).Value);
        using (var offline = new FaultyHandler(1, FaultyHandler.Cut.BeforeRequest))
            await Assert.ThrowsAsync<SyncTransportException>(() => nurse.Sync(offline));
        Assert.Equal(AdviceStatus.Submitted, nurse.Store.Advices.Find(draft.Id)!.Status);
        Assert.True(nurse.Store.PendingChanges() >= 2);

        var submittedSync = await nurse.Sync();
        Assert.Equal((0, 0), (submittedSync.Refused, submittedSync.Conflicts));
        Assert.Equal(0, nurse.Store.PendingChanges());

        // The consultant sees it in the queue and asks a question.
        await consultant.Sync();
        var received = Assert.Single(consultant.Store.Advices.All());
        Assert.Equal((draft.Id, AdviceStatus.Submitted, draft.Content), (received.Id, received.Status, received.Content));
        var question = AdviceMessage.Write(Id<AdviceMessage>.New(world.Clock), received.Id, AdviceMessageKind.Question, "Kan de zoon ook doordeweeks helpen?", carla, world.Clock.GetUtcNow()).Value;
        consultant.Store.Advices.Save(received.AskQuestion(carla, consultant.Store.Advices.Today).Value, question);
        Assert.Equal(0, (await consultant.Sync()).Refused);

        // The nurse answers.
        await nurse.Sync();
        var asked = nurse.Store.Advices.Find(draft.Id)!;
        Assert.Equal(AdviceStatus.QuestionAsked, asked.Status);
        Assert.Equal([question], nurse.Store.Advices.Thread(draft.Id));
        var answer = AdviceMessage.Write(Id<AdviceMessage>.New(world.Clock), draft.Id, AdviceMessageKind.Answer, "Nee, hij werkt doordeweeks in Duitsland.", anna, world.Clock.GetUtcNow()).Value;
        nurse.Store.Advices.Save(asked.Answer(anna, asked.Content, today).Value, answer);
        Assert.Equal(0, (await nurse.Sync()).Refused);

        // The consultant adjusts the volume, saying why.
        await consultant.Sync();
        var answered = consultant.Store.Advices.Find(draft.Id)!;
        Assert.Equal(AdviceStatus.Answered, answered.Status);
        var decided = answered.Content.Provision with { Volume = new Volume(3, VolumeUnit.Hour, VolumeFrequency.PerWeek) };
        consultant.Store.Advices.Save(answered.Adjust(carla, decided, "Drie uur volstaat: de boodschappen lopen via de buurt.", world.Clock.GetUtcNow(), consultant.Store.Advices.Today).Value);
        var decisionSync = await consultant.Sync();
        Assert.Equal((1, 0), (decisionSync.Accepted, decisionSync.Refused));

        // Back at the nurse: the decision, what changed and why, and the whole thread in order.
        var final = await nurse.Sync();
        var seen = nurse.Store.Advices.Find(draft.Id)!;
        Assert.True(final.Converged);
        Assert.Equal(AdviceStatus.Adjusted, seen.Status);
        Assert.Equal(decided, seen.Decision!.Decided);
        Assert.Equal([ProvisionPart.Volume], seen.Decision.Decided!.ChangesFrom(seen.Content.Provision));
        Assert.Equal("Drie uur volstaat: de boodschappen lopen via de buurt.", seen.Decision.Reason);
        Assert.Equal(carla.Id, seen.Decision.By);
        Assert.Equal(draft.Content.Provision, seen.Content.Provision); // the advice itself stays as written
        Assert.Equal([question, answer], nurse.Store.Advices.Thread(draft.Id));
        Assert.Equal(ClockState.MetInTime, seen.Clocks.Current(today).State);
        Assert.True((await consultant.Sync()).Converged);
        Assert.Equal(seen, consultant.Store.Advices.Find(draft.Id));
        Assert.Empty(new LocalSync(nurse.Store).Refusals());
        Assert.Empty(new LocalSync(consultant.Store).Refusals());

        // The central access log holds both laptops' own events and the server's deliveries to both.
        var log = world.Admin("audit", "--client", client.Id.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var laptop in new[] { nurse, consultant })
        {
            var device = laptop.Store.Identity.DeviceId.ToString();
            Assert.Contains(log, l => l.Contains("\tlaptop\t", StringComparison.Ordinal) && l.Contains(device, StringComparison.Ordinal));
            Assert.Contains(log, l => l.Contains("\tserver\tTransfer\t", StringComparison.Ordinal) && l.Contains(device, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task DecimalVolumes_TravelWithTheUnitTyped_ReadBackAsTypedOnBothLaptops_AndTheScopesConverge()
    {
        var (world, nurse, consultant) = await NurseAndConsultant();
        using var _ = world;
        var anna = nurse.Store.Advices.Me;
        var carla = consultant.Store.Advices.Me;
        var client = nurse.NewClient("Wilhelmina", "de Vries");
        var today = nurse.Store.Advices.Today;
        var halfAnHour = Volume.Parse("0,5", VolumeUnit.Hour, VolumeFrequency.PerWeek).Value;
        var content = Content(today) with { Provision = Content(today).Provision with { Category = ProductCategory.PersonalCare, Volume = halfAnHour } };
        var draft = IndicationAdvice.Draft(Id<IndicationAdvice>.New(world.Clock), client.Id, anna, nurse.Store.Advices.Team, content, world.Clock.GetUtcNow(), today).Value;
        nurse.Store.Advices.Add(draft);
        nurse.Store.Advices.Save(draft.Submit(anna, world.Clock.GetUtcNow(), today).Value);
        Assert.Equal(0, (await nurse.Sync()).Refused);

        await consultant.Sync();
        var received = consultant.Store.Advices.Find(draft.Id)!;
        var halfADagdeel = Volume.Parse("1,5", VolumeUnit.Dagdeel, VolumeFrequency.PerWeek).Value;
        consultant.Store.Advices.Save(received.Adjust(carla, received.Content.Provision with { Volume = halfADagdeel }, "Anderhalf dagdeel.", world.Clock.GetUtcNow(), consultant.Store.Advices.Today).Value);
        Assert.Equal(0, (await consultant.Sync()).Refused);
        var final = await nurse.Sync();
        var seen = nurse.Store.Advices.Find(draft.Id)!;

        Assert.Equal(("0,5", VolumeUnit.Hour), received.Content.Provision.Volume.AsTyped());
        Assert.Equal((30, VolumeUnit.Minute), (received.Content.Provision.Volume.Amount, received.Content.Provision.Volume.Unit));
        Assert.Equal(("1,5", VolumeUnit.Dagdeel), seen.Decision!.Decided!.Volume.AsTyped());
        Assert.Equal(360, seen.Decision.Decided.Volume.Amount);
        Assert.Equal(("0,5", VolumeUnit.Hour), seen.Content.Provision.Volume.AsTyped());
        Assert.True(final.Converged);
        Assert.True((await consultant.Sync()).Converged);
    }

    [Fact]
    public async Task RowsTheServerRefuses_StayOnTheLaptop_WithTheReason_WhileTheRestSyncs()
    {
        var (world, nurse, consultant) = await NurseAndConsultant();
        using var _ = world;
        var anna = nurse.Store.Advices.Me;
        var client = nurse.NewClient("Truus", "Kok");
        var today = nurse.Store.Advices.Today;
        IndicationAdvice New(bool submit = false)
        {
            var draft = IndicationAdvice.Draft(Id<IndicationAdvice>.New(world.Clock), client.Id, anna, "Noord", Content(today), world.Clock.GetUtcNow(), today).Value;
            nurse.Store.Advices.Add(draft);
            if (!submit)
                return draft;
            var submitted = draft.Submit(anna, world.Clock.GetUtcNow(), today).Value;
            nurse.Store.Advices.Save(submitted);
            return submitted;
        }

        var decidedByNurse = New(submit: true);
        await nurse.Sync();

        // A laptop whose program or file does not keep the rules (an old version, a tampered file): these
        // rows went into its store and outbox without the checks the current program makes.
        var etmaal = New();
        var longCode = New();
        var wrongOrder = New();
        var good = New(submit: true);
        nurse.Store.Clients.Update(nurse.Find(client.Id)! with { Notes = "Wil graag op dinsdag bezoek." });
        var melding = today.AddDays(-5);
        Tamper(nurse, "UPDATE indication_advices SET amount = '2', unit = 'Etmaal', frequency = 'PerDay' WHERE id = $id", etmaal.Id);
        Tamper(nurse, "UPDATE indication_advices SET product_code = '01A012' WHERE id = $id", longCode.Id);
        Tamper(nurse, $"UPDATE indication_advices SET aanvraag_date = '{melding.AddDays(-3):yyyy-MM-dd}' WHERE id = $id", wrongOrder.Id);
        Tamper(nurse, $"""
            UPDATE indication_advices SET status = 'Granted', decided_category = category, decided_product_code = product_code, decided_amount = amount,
              decided_unit = unit, decided_frequency = frequency, decided_start = start_date, decided_duration_months = duration_months,
              decided_at = '{world.Clock.GetUtcNow().UtcDateTime:O}', decided_by = '{anna.Id}' WHERE id = $id;
            INSERT INTO outbox (table_name, row_id, operation, columns, created_at) VALUES ('indication_advices', $id, 'update',
              '["status","decided_category","decided_product_code","decided_amount","decided_unit","decided_frequency","decided_start","decided_duration_months","decided_at","decided_by"]', '2026-01-01T00:00:00Z');
            """, decidedByNurse.Id);

        var report = await nurse.Sync();

        Assert.Equal((4, 2), (report.Refused, report.Accepted));
        var refusals = new LocalSync(nurse.Store).Refusals().ToDictionary(r => r.RowId, r => r.Reason);
        Assert.Equal(4, refusals.Count);
        Assert.StartsWith("Indicatieadvies: status een wijkverpleegkundige kan een advies niet van ingediend naar toegekend zetten", refusals[decidedByNurse.Id.ToString()]);
        Assert.StartsWith("Indicatieadvies: frequentie past niet: 2 etmalen per dag is meer tijd dan die periode heeft", refusals[etmaal.Id.ToString()]);
        Assert.StartsWith("Indicatieadvies: productcode mag alleen letters en cijfers bevatten, maximaal 5 tekens", refusals[longCode.Id.ToString()]);
        Assert.StartsWith("Indicatieadvies: aanvraagdatum ligt voor de meldingsdatum", refusals[wrongOrder.Id.ToString()]);

        // Nothing lost: the laptop still holds every row as it was typed, the worker sees why it did not go.
        Assert.Equal(VolumeUnit.Etmaal, nurse.Store.Advices.Find(etmaal.Id)!.Content.Provision.Volume.Unit);
        Assert.Equal("01A012", nurse.Store.Advices.Find(longCode.Id)!.Content.Provision.ProductCode);
        Assert.Equal(melding.AddDays(-3), nurse.Store.Advices.Find(wrongOrder.Id)!.Content.AanvraagDate);
        Assert.Equal(AdviceStatus.Granted, nurse.Store.Advices.Find(decidedByNurse.Id)!.Status);
        Assert.Equal(0, nurse.Store.PendingChanges());

        // The consultant sees only what the server took: the good advice, the note, the undecided advice.
        await consultant.Sync();
        var atConsultant = consultant.Store.Advices.All().ToDictionary(a => a.Id);
        Assert.Equal(new HashSet<Id<IndicationAdvice>> { decidedByNurse.Id, good.Id }, atConsultant.Keys.ToHashSet());
        Assert.Equal(AdviceStatus.Submitted, atConsultant[decidedByNurse.Id].Status);
        Assert.Null(atConsultant[decidedByNurse.Id].Decision);
        Assert.Equal("Wil graag op dinsdag bezoek.", consultant.Find(client.Id)!.Notes);

        // The nurse fixes the code; once the server takes the row, its refusal no longer stands.
        var stored = nurse.Store.Advices.Find(longCode.Id)!;
        var provision = stored.Content.Provision with { ProductCode = "01A01" };
        nurse.Store.Advices.Save(stored.Edit(anna, stored.Content with { Provision = provision }, today).Value);
        var again = await nurse.Sync();
        Assert.Equal((0, 1), (again.Refused, again.Accepted));
        Assert.Null(new LocalSync(nurse.Store).RefusalOf(AdviceColumns.AdviceTable, longCode.Id.Value));
        Assert.NotNull(new LocalSync(nurse.Store).RefusalOf(AdviceColumns.AdviceTable, etmaal.Id.Value));
    }

    private static void Tamper(Laptop laptop, string sql, Id<IndicationAdvice> id)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(laptop.Folder, "wijkwerk.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id.ToString());
        Assert.True(command.ExecuteNonQuery() >= 1);
    }
}
