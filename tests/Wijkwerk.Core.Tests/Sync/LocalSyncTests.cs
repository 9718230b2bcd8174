using System.Text.Json;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Sync;

public class LocalSyncTests
{
    [Fact]
    public void Pending_InsertThenTwoEdits_FoldIntoOneInsertWithCurrentValues()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        temp.Store.Clients.Update(client with { Notes = "eerste" });
        temp.Store.Clients.Update(client with { Notes = "tweede" });

        var pending = Assert.Single(new LocalSync(temp.Store).Pending(100));

        Assert.Equal(SyncProtocol.Operations.Insert, pending.Mutation.Operation);
        Assert.Equal("tweede", pending.Mutation.Columns["notes"]);
        Assert.Equal("Berg", pending.Mutation.Columns["surname"]);
        Assert.Equal(0, pending.Mutation.BaseVersion);
        Assert.Equal(pending.LastSeq, pending.Mutation.MutationId);
        Assert.True(pending.LastSeq > pending.FirstSeq);
    }

    [Fact]
    public void Pending_TakesRowsInTheOrderOfTheirFirstEdit_UpToTheBatchSize_WithEveryLaterEditFolded()
    {
        using var temp = new TempStore();
        var (anna, piet, kees) = (temp.NewClient("Anna"), temp.NewClient("Piet", "Jansen"), temp.NewClient("Kees", "Visser"));
        temp.Store.Clients.Add(anna);
        temp.Store.Clients.Add(piet);
        temp.Store.Clients.Update(anna with { Notes = "later" });
        temp.Store.Clients.Add(kees);

        var batch = new LocalSync(temp.Store).Pending(2);

        Assert.Equal([anna.Id.Value, piet.Id.Value], batch.Select(p => p.Mutation.RowId));
        Assert.Equal("later", batch[0].Mutation.Columns["notes"]);
        Assert.True(batch[0].LastSeq > batch[1].LastSeq);
    }

    [Fact]
    public void Pending_AfterABatchOnItsWay_TakesOnlyRowsFirstEditedAfterIt_NotARowOfThatBatchEditedAgain()
    {
        using var temp = new TempStore();
        var (anna, piet, kees) = (temp.NewClient("Anna"), temp.NewClient("Piet", "Jansen"), temp.NewClient("Kees", "Visser"));
        temp.Store.Clients.Add(anna);
        var sync = new LocalSync(temp.Store);
        var onItsWay = sync.Pending(10);
        temp.Store.Clients.Add(piet);
        temp.Store.Clients.Update(anna with { Notes = "getypt terwijl de batch onderweg is" });
        temp.Store.Clients.Add(kees);

        var next = sync.Pending(10, after: onItsWay.Max(b => b.FirstSeq));

        Assert.Equal([piet.Id.Value, kees.Id.Value], next.Select(p => p.Mutation.RowId));
        Assert.Equal([anna.Id.Value, piet.Id.Value, kees.Id.Value], sync.Pending(10).Select(p => p.Mutation.RowId));
    }

    [Fact]
    public void Pending_EditsOfARowInSeveralEntries_AndEditsOfTwoTablesNamingTheSameColumn_EachCarryTheirOwnColumnsAndValues()
    {
        using var temp = new TempStore();
        var (anna, piet) = (temp.NewClient("Anna"), temp.NewClient("Piet", "Jansen"));
        temp.Store.Clients.Add(anna);
        temp.Store.Clients.Add(piet);
        var visit = HomeVisit.Record(Id<HomeVisit>.New(temp.Clock), anna.Id, temp.Clock.Today, TempStore.Identity.WorkerId, "Eerste bezoek", null, temp.Clock.Today).Value;
        temp.Store.Dossiers.AddVisit(visit);
        var sync = new LocalSync(temp.Store);
        var inserts = sync.Pending(10);
        sync.Record(inserts, new PushResponse([.. inserts.Select(p => new MutationResult(p.Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, []))]));

        // Anna's row in two entries of one column each; Piet's and the visit's in one entry each, naming the same column.
        temp.Store.Clients.Update(anna with { Notes = "notitie bij Anna" });
        temp.Store.Clients.Update(anna with { Notes = "notitie bij Anna", Phone = PhoneNumber.Parse("0687654321").Value });
        temp.Store.Clients.Update(piet with { Notes = "notitie bij Piet" });
        temp.Store.Write(scope =>
        {
            var id = visit.Id.ToString();
            using (var update = scope.Command("UPDATE home_visits SET notes = $n WHERE id = $id"))
            {
                update.Parameters.AddWithValue("$n", temp.Store.Fields.Encrypt("notitie bij het bezoek", "home_visits", "notes", visit.Id.Value));
                update.Parameters.AddWithValue("$id", id);
                update.ExecuteNonQuery();
            }

            scope.Outbox("home_visits", id, OutboxOperations.Update, ["notes"], baseVersion: 1);
            return 0;
        });

        var pending = sync.Pending(10).ToDictionary(p => p.Mutation.RowId, p => p.Mutation);

        Assert.Equal(["notes", "phone"], pending[anna.Id.Value].Columns.Keys.Order());
        Assert.Equal("notitie bij Anna", pending[anna.Id.Value].Columns["notes"]);
        Assert.Equal("0687654321", pending[anna.Id.Value].Columns["phone"]);
        Assert.Equal("notes", Assert.Single(pending[piet.Id.Value].Columns.Keys));
        Assert.Equal("notitie bij Piet", pending[piet.Id.Value].Columns["notes"]);
        Assert.Equal("notes", Assert.Single(pending[visit.Id.Value].Columns.Keys));
        Assert.Equal("notitie bij het bezoek", pending[visit.Id.Value].Columns["notes"]);
    }

    [Fact]
    public void PendingAudit_TheEnrolledDevicesEvents_WithTheirTimesInTheFormTheStoreWritesOrAnother()
    {
        using var temp = new TempStore();
        var enrolment = new EnrolResponse(Guid.CreateVersion7(), "token", TempStore.Identity.WorkerId.Value, "Test Verpleegkundige", "nurse", [new TeamInfo(Guid.CreateVersion7(), "Noord")]);
        new LocalSync(temp.Store).Enrol(new Uri("https://sync.example.test/"), enrolment);
        // The store writes its events as the device it was opened as.
        var sync = new LocalSync(temp.Reopen());
        var confirmed = sync.AuditConfirmed();
        var anna = temp.NewClient("Anna");
        temp.Store.Clients.Add(anna);
        temp.Clock.Advance(TimeSpan.FromMinutes(3));
        temp.Store.Clients.Add(temp.NewClient("Piet", "Jansen"));
        temp.Execute("UPDATE audit_events SET at = '2026-03-04 05:06:07' WHERE seq = (SELECT max(seq) FROM audit_events)");

        var events = sync.PendingAudit(100, confirmed);

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal((enrolment.DeviceId, enrolment.WorkerId), (e.DeviceId, e.WorkerId)));
        Assert.Equal(anna.Id.Value, events[0].ClientId);
        Assert.Equal(temp.Clock.GetUtcNow() - TimeSpan.FromMinutes(3), events[0].At);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero), events[1].At);
    }

    [Fact]
    public void Record_Accepted_SetsServerVersionAndEmptiesOutbox_RefusedIsKeptWithReason()
    {
        using var temp = new TempStore();
        var anna = temp.NewClient("Anna");
        var piet = temp.NewClient("Piet", "Jansen");
        temp.Store.Clients.Add(anna);
        temp.Store.Clients.Add(piet);
        var sync = new LocalSync(temp.Store);
        var pending = sync.Pending(100);

        sync.Record(pending, new PushResponse(
        [
            new MutationResult(pending[0].Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, []),
            new MutationResult(pending[1].Mutation.MutationId, SyncProtocol.Results.Refused, 0, "niet in uw team", []),
        ]));

        Assert.Equal(0, temp.Store.PendingChanges());
        Assert.Equal(1, temp.Count($"SELECT version FROM clients WHERE id = '{anna.Id}'"));
        var refusal = Assert.Single(sync.Refusals());
        Assert.Equal("niet in uw team", refusal.Reason);
        Assert.Equal(piet.Id.ToString(), refusal.RowId);
    }

    [Fact]
    public void Record_AcceptedAtAVersionBeyondItsOwnWrite_KeepsTheVersionTheLaptopsValuesWereMadeOn()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        var sync = new LocalSync(temp.Store);
        var insert = sync.Pending(10);
        sync.Record(insert, new PushResponse([new MutationResult(insert[0].Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, [])]));

        // The server merged this edit over another device's write (version 2): version 3 holds values this laptop has not pulled yet.
        temp.Store.Clients.Update(client with { Notes = "nieuw" });
        var update = sync.Pending(10);
        sync.Record(update, new PushResponse([new MutationResult(update[0].Mutation.MutationId, SyncProtocol.Results.Accepted, 3, null, [])]));

        Assert.Equal(1, update[0].Mutation.BaseVersion);
        Assert.Equal(0, temp.Store.PendingChanges());
        Assert.Equal(1, temp.Count($"SELECT version FROM clients WHERE id = '{client.Id}'"));
    }

    [Fact]
    public void Apply_PulledRowWhileLocalEditPending_KeepsTheEditAndTheOldVersion()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        var sync = new LocalSync(temp.Store);
        var first = sync.Pending(10);
        sync.Record(first, new PushResponse([new MutationResult(first[0].Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, [])]));
        temp.Store.Clients.Update(client with { Notes = "lokaal" });

        sync.Apply(Page(5, Change(1, "clients", client.Id.Value, 2, ("notes", "van de server"), ("phone", "0698765432"))));

        var stored = Assert.Single(temp.Store.Clients.Search());
        Assert.Equal("lokaal", stored.Notes);
        Assert.Equal("0698765432", stored.Phone?.Value);
        Assert.Equal(1, temp.Count("SELECT version FROM clients"));
        Assert.Equal(5, sync.Settings().Anchor);
    }

    [Fact]
    public void Apply_NewRowFromServer_IsSealedLikeLocalData_AndCountsInScope()
    {
        using var temp = new TempStore();
        var id = Guid.CreateVersion7();
        var sync = new LocalSync(temp.Store);

        var change = Change(3, "clients", id, 4,
            ("first_name", "Wilhelmina"), ("surname_prefix", ""), ("surname", "Zwartjes"), ("birth_date", "1940-01-02"), ("postcode", "1234 AB"),
            ("house_number", "5"), ("addition", ""), ("phone", ""), ("bsn", ""), ("notes", ""));
        sync.Apply(Page(3, change));

        var client = Assert.Single(temp.Store.Clients.Search());
        Assert.Equal("Wilhelmina", client.Name.FirstName);
        Assert.Equal(0, temp.Store.PendingChanges());
        var (count, checksum) = sync.Scope();
        Assert.Equal(1, count);
        Assert.Equal(ScopeChecksum.Of("clients", id, 4, change.Columns), checksum);
        temp.Close();
        Storage.EncryptionAtRestTests.AssertNoPlaintext(temp.Folder);
        temp.Reopen();
    }

    [Fact]
    public void ScopeForASync_TrustsItsFiguresForADay_ThenCountsEveryRowAgain()
    {
        using var temp = new TempStore();
        var sync = new LocalSync(temp.Store);
        var id = Guid.CreateVersion7();
        sync.Apply(Page(3, Change(3, "household_members", id, 1, ("client_id", Guid.CreateVersion7().ToString()), ("name", "Kees"), ("relation", "Partner"), ("birth_date", ""))));
        var verified = sync.Scope(full: true);
        temp.Execute($"UPDATE household_members SET relation = 'Kind' WHERE id = '{id}'");

        var sameDay = sync.Scope(full: false);
        var afterAFullCount = sync.Scope(full: true);
        temp.Execute($"UPDATE household_members SET relation = 'Ouder' WHERE id = '{id}'");
        temp.Clock.Advance(LocalSync.FullCheckInterval);
        var nextDay = sync.Scope(full: false);

        Assert.Equal(verified, sameDay);
        Assert.NotEqual(verified.Checksum, afterAFullCount.Checksum);
        Assert.NotEqual(afterAFullCount.Checksum, nextDay.Checksum);
        Assert.Equal(sync.Scope(), nextDay);
    }

    [Fact]
    public void ScopeForASync_ReReadsOnlyTheRowsItTouched_AndStillMatchesAFullCount()
    {
        using var temp = new TempStore();
        var sync = new LocalSync(temp.Store);
        var (client, member, gone) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        sync.Apply(Page(3,
            Change(1, "household_members", member, 1, ("client_id", client.ToString()), ("name", "Kees"), ("relation", "Partner"), ("birth_date", "")),
            Change(2, "household_members", gone, 1, ("client_id", client.ToString()), ("name", "Mien"), ("relation", "Kind"), ("birth_date", ""))));
        var counted = sync.Scope(full: true);

        var local = temp.NewClient("Anna");
        temp.Store.Clients.Add(local);
        var pushed = sync.Pending(10);
        sync.Record(pushed, new PushResponse([new MutationResult(pushed[0].Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, [])]));
        sync.Apply(Page(6,
            Change(4, "household_members", member, 2, ("client_id", client.ToString()), ("name", "Kees"), ("relation", "Ouder"), ("birth_date", "")),
            new RowChange(5, "household_members", gone, 2, true, false, DateTimeOffset.UnixEpoch, Guid.Empty, new Dictionary<string, string?>())));
        var afterTheSync = sync.Scope(full: false);

        Assert.Equal(2, counted.Count);
        Assert.Equal(sync.Scope(), afterTheSync);
        Assert.Equal(2, afterTheSync.Count);
        Assert.Equal(0, temp.Count("SELECT count(*) FROM scope_rows WHERE dirty = 1"));
    }

    /// <param name="sealedAhead">The pages sealed as they arrive (<see cref="PageSealer"/>), which then also works out each row's share.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FirstPull_IntoAnEmptyScope_CountsTheRowsItWritesWhole_AsAFullCountWould(bool sealedAhead)
    {
        using var temp = new TempStore();
        var sync = new LocalSync(temp.Store);
        using var sealer = new PageSealer(temp.Store);
        sealer.CountWith(sync.Forms);
        void Apply(PullResponse page) => sync.Apply(page, sealedAhead ? sealer.Seal(page) : null);
        var (client, signal, partial, member) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        (string, string?)[] Signal(string observation, bool tagged) =>
        [
            ("client_id", client.ToString()), ("source", nameof(SignalSource.Neighbours)), ("source_other", null), ("observation", observation), ("life_domains", "3"),
            ("urgency", "Normal"), ("consent_in_consultation", "007"), ("consent_reason", null), ("assignee", null), ("status", "New"),
            ("reported_at", "2026-01-02T10:00:00.0000000Z"), ("picked_up_at", null), .. tagged ? new (string, string?)[] { (BottleneckTag.Column, null) } : [],
        ];

        // A null secret, a number sent as "007" (stored as 7), a row without one of its columns (not counted as written: read
        // back), a conflict record, then a page that writes one of these rows again, removes another and brings a new one.
        Apply(Page(5,
            Change(1, "clients", client, 1, ("first_name", "Els"), ("surname_prefix", null), ("surname", "Zwartjes"), ("birth_date", "1940-01-02"),
                ("postcode", "1234 AB"), ("house_number", "5"), ("addition", ""), ("phone", ""), ("bsn", ""), ("notes", "")),
            Change(2, "signals", signal, 1, Signal("eerst", tagged: true)),
            Change(3, "signals", partial, 1, Signal("zonder label", tagged: false)),
            Change(4, "household_members", member, 1, ("client_id", client.ToString()), ("name", "Kees"), ("relation", "Partner"), ("birth_date", "")),
            Change(5, "conflicts", Guid.CreateVersion7(), 1, ("table_name", "clients"), ("row_id", client.ToString()), ("client_id", client.ToString()),
                ("column_name", "phone"), ("kept_value", "0612345678"), ("other_value", "0687654321"), ("kept_by", Guid.Empty.ToString()),
                ("other_by", Guid.Empty.ToString()), ("at", "2026-01-02T10:00:00.0000000Z"), ("resolved", null))));
        var countedAsWritten = temp.Count("SELECT count(*) FROM scope_rows WHERE dirty = 0");
        Apply(Page(8,
            Change(6, "signals", signal, 2, Signal("later", tagged: true)),
            new RowChange(7, "household_members", member, 2, true, false, DateTimeOffset.UnixEpoch, Guid.Empty, new Dictionary<string, string?>()),
            Change(8, "signals", Guid.CreateVersion7(), 1, Signal("nieuw", tagged: true))));
        var kept = sync.Scope(full: false);

        Assert.Equal(4, countedAsWritten);
        Assert.Equal(sync.Scope(full: true), kept);
        Assert.Equal(5, kept.Count);
    }

    /// <summary>
    /// A page counts its rows one statement each while they are new, and reads a row's old share first from the first row
    /// counted before on: both ways must leave the figures a full count gives, also for a row the same page writes twice.
    /// </summary>
    [Fact]
    public void Pull_OfNewRowsAndRowsCountedBefore_InOnePage_CountsEachRowOnce_WithItsLastValues()
    {
        using var temp = new TempStore();
        var sync = new LocalSync(temp.Store);
        var client = Guid.CreateVersion7();
        var (kees, mien, anna, jan) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        (string, string?)[] Member(string name, string relation) => [("client_id", client.ToString()), ("name", name), ("relation", relation), ("birth_date", "")];
        sync.Apply(Page(2, Change(1, "household_members", kees, 1, Member("Kees", "Partner")), Change(2, "household_members", mien, 1, Member("Mien", "Kind"))));

        sync.Apply(Page(7,
            Change(3, "household_members", anna, 1, Member("Anna", "Kind")),
            Change(4, "household_members", kees, 2, Member("Kees", "Ouder")),
            Change(5, "household_members", jan, 1, Member("Jan", "Kind")),
            Change(6, "household_members", anna, 2, Member("Anna", "Buurvrouw")),
            Change(7, "household_members", mien, 2, Member("Mien", "Ouder"))));
        var kept = sync.Scope(full: false);

        Assert.Equal(0, temp.Count("SELECT count(*) FROM scope_rows WHERE dirty = 1"));
        Assert.Equal(4, kept.Count);
        Assert.Equal(sync.Scope(full: true), kept);
    }

    [Fact]
    public void Pull_WritingRowsCountedBefore_CountsThemWithTheirNewValues_SoTheNextFiguresReReadNone()
    {
        using var temp = new TempStore();
        var sync = new LocalSync(temp.Store);
        var (client, member) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        (string, string?)[] Member(string relation) => [("client_id", client.ToString()), ("name", "Kees"), ("relation", relation), ("birth_date", "")];
        sync.Apply(Page(2,
            Change(1, "household_members", member, 1, Member("Partner")),
            Change(2, "household_members", Guid.CreateVersion7(), 1, Member("Kind"))));
        sync.Scope(full: true);
        // A row the push's answer marked to be re-read, which the pull then writes whole.
        var local = temp.NewClient("Anna");
        temp.Store.Clients.Add(local);
        var pushed = sync.Pending(10);
        sync.Record(pushed, new PushResponse([new MutationResult(pushed[0].Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, [])]));

        sync.Apply(Page(5,
            Change(3, "household_members", member, 2, Member("Ouder")),
            Change(4, "household_members", member, 3, Member("Buurman")),
            Change(5, "clients", local.Id.Value, 2, ("first_name", "Anna"), ("surname_prefix", null), ("surname", "Zwartjes"), ("birth_date", "1940-01-02"),
                ("postcode", "1234 AB"), ("house_number", "5"), ("addition", ""), ("phone", ""), ("bsn", ""), ("notes", "verhuisd"))));
        var toReRead = temp.Count("SELECT count(*) FROM scope_rows WHERE dirty = 1");
        var kept = sync.Scope(full: false);

        Assert.Equal(0, toReRead);
        Assert.Equal(sync.Scope(full: true), kept);
        Assert.Equal(3, kept.Count);
    }

    [Fact]
    public void Record_RowsTakenWholeAsSent_CountWithTheValuesSent_ARowEditedSinceOrTakenOtherwiseIsReadAgain()
    {
        using var temp = new TempStore();
        var (anna, piet, kees, els) = (temp.NewClient("Anna"), temp.NewClient("Piet", "Jansen"), temp.NewClient("Kees", "Visser"), temp.NewClient("Els", "Zwartjes"));
        foreach (var client in new[] { anna, piet, kees, els })
            temp.Store.Clients.Add(client);
        var sync = new LocalSync(temp.Store);
        var first = sync.Pending(100);
        temp.Store.Clients.Update(piet with { Notes = "getypt tijdens de push" });

        // Anna and Piet taken as sent; Kees taken over another device's write (version 2 is not this push on version 0); Els refused.
        sync.Record(first, new PushResponse(
        [
            new MutationResult(first[0].Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, []),
            new MutationResult(first[1].Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, []),
            new MutationResult(first[2].Mutation.MutationId, SyncProtocol.Results.Accepted, 2, null, []),
            new MutationResult(first[3].Mutation.MutationId, SyncProtocol.Results.Refused, 0, "niet in uw team", []),
        ]));
        var countedAsSent = temp.Count("SELECT count(*) FROM scope_rows WHERE dirty = 0");
        var toReRead = temp.Count("SELECT count(*) FROM scope_rows WHERE dirty = 1");

        // An update of one column is not the whole row: it is read again.
        var update = sync.Pending(100);
        sync.Record(update, new PushResponse([.. update.Select(p => new MutationResult(p.Mutation.MutationId, SyncProtocol.Results.Accepted, p.Mutation.BaseVersion + 1, null, []))]));
        var updateReRead = temp.Count($"SELECT dirty FROM scope_rows WHERE row_id = '{piet.Id}'");
        var kept = sync.Scope(full: false);

        Assert.Equal([SyncProtocol.Operations.Insert, SyncProtocol.Operations.Insert], first.Take(2).Select(p => p.Mutation.Operation));
        Assert.Equal(SyncProtocol.Operations.Update, Assert.Single(update).Mutation.Operation);
        Assert.Equal(1, countedAsSent);
        Assert.Equal(3, toReRead);
        Assert.Equal(1, updateReRead);
        Assert.Equal(sync.Scope(full: true), kept);
        Assert.Equal(2, kept.Count);
    }

    [Fact]
    public void Record_AFirstUpload_StartsTheFigures_SoTheSyncAfterItReadsNoRowAgain()
    {
        using var temp = new TempStore();
        var clients = Enumerable.Range(0, 5).Select(i => temp.NewClient($"Cliënt{i}")).ToList();
        foreach (var client in clients)
            temp.Store.Clients.Add(client);
        var sync = new LocalSync(temp.Store);
        var pushed = sync.Pending(100);

        sync.Record(pushed, new PushResponse([.. pushed.Select(p => new MutationResult(p.Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, []))]));
        var started = temp.Count("SELECT count(*) FROM meta WHERE key = 'sync_verified'");
        var toReRead = temp.Count("SELECT count(*) FROM scope_rows WHERE dirty = 1");
        var kept = sync.Scope(full: false);

        Assert.Equal(1, started);
        Assert.Equal(0, toReRead);
        Assert.Equal((5L, sync.Scope().Checksum), kept);
    }

    [Fact]
    public void Pull_IntoAScopeThatHoldsRowsButNoFigures_LeavesTheCountToAFullCount()
    {
        using var temp = new TempStore();
        var sync = new LocalSync(temp.Store);
        var client = Guid.CreateVersion7().ToString();
        sync.Apply(Page(1, Change(1, "household_members", Guid.CreateVersion7(), 1, ("client_id", client), ("name", "Kees"), ("relation", "Partner"), ("birth_date", ""))));
        temp.Execute("DELETE FROM meta WHERE key = 'sync_verified'");

        sync.Apply(Page(2, Change(2, "household_members", Guid.CreateVersion7(), 1, ("client_id", client), ("name", "Mien"), ("relation", "Kind"), ("birth_date", ""))));
        var started = temp.Count("SELECT count(*) FROM meta WHERE key = 'sync_verified'");

        Assert.Equal(0, started);
        Assert.Equal(2, sync.Scope(full: false).Count);
    }

    [Fact]
    public void Apply_RemovedFromScope_DeletesTheRowAndItsPendingEdits()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        var sync = new LocalSync(temp.Store);

        var (_, removed, _) = sync.Apply(Page(9, new RowChange(9, "clients", client.Id.Value, 3, false, true, DateTimeOffset.UnixEpoch, Guid.Empty, new Dictionary<string, string?>())));

        Assert.Equal(1, removed);
        Assert.Empty(temp.Store.Clients.Search());
        Assert.Equal(0, temp.Count("SELECT count(*) FROM clients"));
        Assert.Equal(0, temp.Store.PendingChanges());
    }

    [Fact]
    public void Apply_RowMissingARequiredColumn_IsSetAsideAndTheRestOfThePageAndTheAnchorGoOn()
    {
        using var temp = new TempStore();
        var sync = new LocalSync(temp.Store);
        var good = Change(1, "household_members", Guid.CreateVersion7(), 1, ("client_id", Guid.CreateVersion7().ToString()), ("name", "Kees"), ("relation", "Partner"), ("birth_date", ""));
        var badId = Guid.CreateVersion7();
        var bad = Change(2, "consents", badId, 1, ("client_id", Guid.CreateVersion7().ToString()));
        var later = Change(3, "household_members", Guid.CreateVersion7(), 1, ("client_id", Guid.CreateVersion7().ToString()), ("name", "Els"), ("relation", "Partner"), ("birth_date", ""));

        var applied = sync.Apply(Page(3, good, bad, later));

        Assert.Equal(new PageApplied(2, 0, 1), applied);
        Assert.Equal(2, temp.Count("SELECT count(*) FROM household_members"));
        Assert.Equal(0, temp.Count("SELECT count(*) FROM consents"));
        Assert.Equal(3, sync.Settings().Anchor);
        var setAside = Assert.Single(sync.SetAside());
        Assert.Equal(("consents", badId.ToString(), 2L), (setAside.Table, setAside.RowId, setAside.Seq));
        Assert.Contains("consents.", setAside.Reason);
    }

    [Fact]
    public void Apply_UnparsableNumber_IsSetAsideWithoutTheValue_AndALaterReadableVersionReplacesIt()
    {
        using var temp = new TempStore();
        var sync = new LocalSync(temp.Store);
        var id = Guid.CreateVersion7();
        (string, string?)[] Signal(string consent) =>
        [
            ("client_id", Guid.CreateVersion7().ToString()), ("source", "Neighbour"), ("source_other", ""), ("observation", "Post stapelt zich op"),
            ("life_domains", "Housing"), ("urgency", "Normal"), ("consent_in_consultation", consent), ("consent_reason", ""), ("assignee", null),
            ("status", "New"), ("reported_at", "2026-01-02T10:00:00.0000000Z"), ("picked_up_at", null),
        ];

        var first = sync.Apply(Page(1, Change(1, "signals", id, 1, Signal("geheim-1234"))));
        var reason = Assert.Single(sync.SetAside()).Reason;
        var second = sync.Apply(Page(2, Change(2, "signals", id, 2, Signal("1"))));

        Assert.Equal(1, first.SetAside);
        Assert.DoesNotContain("geheim", reason);
        Assert.Contains("consent_in_consultation", reason);
        Assert.Equal(new PageApplied(1, 0, 0), second);
        Assert.Empty(sync.SetAside());
        Assert.Equal(2, temp.Count($"SELECT version FROM signals WHERE id = '{id}'"));
    }

    [Fact]
    public void Record_ABatchOverTwoTables_SetsEachAnsweredVersion_KeepsEditsMadeSinceItWasRead_AndClearsRefusalsThatNoLongerStand()
    {
        using var temp = new TempStore();
        var (anna, piet, kees) = (temp.NewClient("Anna"), temp.NewClient("Piet", "Jansen"), temp.NewClient("Kees", "Visser"));
        foreach (var client in new[] { anna, piet, kees })
            temp.Store.Clients.Add(client);
        var signal = Signal.Report(Id<Signal>.New(temp.Clock), anna.Id, SignalSource.Police, null, "Overlast", [], Urgency.Normal, ConsentBasis.WithResident, null, temp.Clock.GetUtcNow()).Value;
        temp.Store.Signals.Add(signal);
        var sync = new LocalSync(temp.Store);
        var first = sync.Pending(100);
        temp.Store.Clients.Update(anna with { Notes = "getypt tijdens de push" });

        sync.Record(first, new PushResponse(
        [
            new MutationResult(first[0].Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, []),
            new MutationResult(first[1].Mutation.MutationId, SyncProtocol.Results.Refused, 0, "niet in uw team", []),
            new MutationResult(first[3].Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, []),
        ]));

        Assert.Equal([anna.Id.Value, piet.Id.Value, kees.Id.Value, signal.Id.Value], first.Select(p => p.Mutation.RowId));
        Assert.Equal([1L, 0, 0], [temp.Count($"SELECT version FROM clients WHERE id = '{anna.Id}'"), temp.Count($"SELECT version FROM clients WHERE id = '{piet.Id}'"), temp.Count($"SELECT version FROM clients WHERE id = '{kees.Id}'")]);
        Assert.Equal(1, temp.Count($"SELECT version FROM signals WHERE id = '{signal.Id}'"));
        // Anna's later edit and Kees (no answer) wait; Piet's refused insert left the outbox with its reason kept.
        Assert.Equal(new[] { anna.Id.Value, kees.Id.Value }.Order(), sync.Pending(100).Select(p => p.Mutation.RowId).Order());
        Assert.Equal(piet.Id.ToString(), Assert.Single(sync.Refusals()).RowId);

        temp.Store.Clients.Update(piet with { Notes = "toch in ons team" });
        var second = sync.Pending(100);
        sync.Record(second, new PushResponse([.. second.Select(p => new MutationResult(p.Mutation.MutationId, SyncProtocol.Results.Accepted, p.Mutation.BaseVersion + 1, null, []))]));

        Assert.Empty(sync.Refusals());
        Assert.Equal(0, temp.Store.PendingChanges());
        Assert.Equal(2, temp.Count($"SELECT version FROM clients WHERE id = '{anna.Id}'"));
        Assert.Equal(1, temp.Count($"SELECT version FROM clients WHERE id = '{piet.Id}'"));
    }

    [Fact]
    public void Apply_OnePage_RowsOfOneTableWithDifferentColumns_EachWritesOnlyTheColumnsItCarries()
    {
        using var temp = new TempStore();
        var sync = new LocalSync(temp.Store);
        var (older, newer, client) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.NewGuid().ToString());
        var (assignee, other) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        (string, string?)[] Signal(string observation, string? assigned) =>
        [
            ("client_id", client), ("source", nameof(SignalSource.Neighbours)), ("source_other", ""), ("observation", observation), ("life_domains", "1"),
            ("urgency", "Normal"), ("consent_in_consultation", "1"), ("consent_reason", ""), ("status", "New"),
            ("reported_at", "2026-01-02T10:00:00.0000000Z"), ("picked_up_at", null), .. assigned is null ? [] : new (string, string?)[] { ("assignee", assigned) },
        ];
        var pending = temp.NewClient("Kees", "Visser");
        temp.Store.Clients.Add(pending);
        var pushed = sync.Pending(10);
        sync.Record(pushed, new PushResponse([new MutationResult(pushed[0].Mutation.MutationId, SyncProtocol.Results.Accepted, 1, null, [])]));
        temp.Store.Clients.Update(pending with { Notes = "lokaal" });
        sync.Apply(Page(1, Change(1, "signals", older, 1, Signal("eerst", assignee))));

        // A server that does not send the (nullable) assignee yet, then one that does; a client with a local edit of
        // its notes waiting beside one without.
        var applied = sync.Apply(Page(5,
            Change(2, "signals", older, 2, Signal("later", assigned: null)),
            Change(3, "signals", newer, 1, Signal("nieuw", other)),
            Change(4, "clients", pending.Id.Value, 2, ("first_name", "Kees"), ("surname", "Zwartjes"), ("notes", "van de server")),
            Change(5, "clients", Guid.CreateVersion7(), 1, ("first_name", "Els"), ("surname_prefix", ""), ("surname", "Zwartjes"), ("birth_date", "1940-01-02"),
                ("postcode", "1234 AB"), ("house_number", "5"), ("addition", ""), ("phone", ""), ("bsn", ""), ("notes", "van de server"))));

        Assert.Equal(new PageApplied(4, 0, 0), applied);
        var signals = temp.Store.Signals.Open().ToDictionary(s => s.Id.Value);
        Assert.Equal(("later", assignee), (signals[older].Observation, signals[older].Assignee?.ToString()));
        Assert.Equal(("nieuw", other), (signals[newer].Observation, signals[newer].Assignee?.ToString()));
        var clients = temp.Store.Clients.Search().ToDictionary(c => c.Name.FirstName);
        Assert.Equal(("lokaal", "Zwartjes"), (clients["Kees"].Notes, clients["Kees"].Name.Surname));
        Assert.Equal("van de server", clients["Els"].Notes);
        Assert.Equal(1, temp.Count($"SELECT version FROM clients WHERE id = '{pending.Id}'"));
    }

    /// <summary>
    /// A page read off the wire holds each row's values with the names of the row before it when they are the same
    /// (<see cref="ColumnValues"/>); the writer reuses its statement and where each value is for such a run, and matches
    /// again where the names, their order or the table change.
    /// </summary>
    [Fact]
    public void Apply_PageReadOffTheWire_RunsOfRowsWithTheSameNames_EachRowWritesItsOwnValues()
    {
        using var temp = new TempStore();
        var sync = new LocalSync(temp.Store);
        var clients = Enumerable.Range(0, 4).Select(_ => Guid.CreateVersion7()).ToArray();
        var signals = Enumerable.Range(0, 3).Select(_ => Guid.CreateVersion7()).ToArray();
        var assignee = Guid.NewGuid().ToString();
        (string, string?)[] Client(string firstName, string notes) =>
        [
            ("first_name", firstName), ("surname_prefix", ""), ("surname", "Zwartjes"), ("birth_date", "1940-01-02"), ("postcode", "1234 AB"),
            ("house_number", "5"), ("addition", ""), ("phone", ""), ("bsn", ""), ("notes", notes),
        ];
        (string, string?)[] Signal(string observation, string? assigned) =>
        [
            ("client_id", clients[0].ToString()), ("source", nameof(SignalSource.Neighbours)), ("source_other", ""), ("observation", observation),
            ("life_domains", "1"), ("urgency", "Normal"), ("consent_in_consultation", "1"), ("consent_reason", ""), ("status", "New"),
            ("reported_at", "2026-01-02T10:00:00.0000000Z"), ("picked_up_at", null), .. assigned is null ? [] : new (string, string?)[] { ("assignee", assigned) },
        ];
        var page = Page(7,
            Change(1, "clients", clients[0], 1, Client("Anna", "een")),
            Change(2, "clients", clients[1], 1, Client("Bram", "twee")),
            Change(3, "signals", signals[0], 1, Signal("eerste", null)),
            Change(4, "signals", signals[1], 1, Signal("tweede", null)),
            Change(5, "clients", clients[2], 1, [.. Client("Carla", "drie").Reverse()]),
            Change(6, "clients", clients[3], 1, Client("Dirk", "vier")),
            Change(7, "signals", signals[2], 1, Signal("derde", assignee)));
        var wire = JsonSerializer.Deserialize(JsonSerializer.Serialize(page, ProtocolJson.Default.PullResponse), ProtocolJson.Default.PullResponse)!;
        var names = wire.Changes.Select(c => Assert.IsType<ColumnValues>(c.Columns).Names).ToArray();
        Assert.Same(names[0], names[1]);
        Assert.Same(names[2], names[3]);
        Assert.NotSame(names[4], names[5]);

        Assert.Equal(new PageApplied(7, 0, 0), sync.Apply(wire));

        var stored = temp.Store.Clients.Search().ToDictionary(c => c.Id.Value, c => (c.Name.FirstName, c.Notes));
        Assert.Equal([("Anna", "een"), ("Bram", "twee"), ("Carla", "drie"), ("Dirk", "vier")], clients.Select(id => stored[id]));
        var opened = temp.Store.Signals.Open().ToDictionary(s => s.Id.Value);
        Assert.Equal(["eerste", "tweede", "derde"], signals.Select(id => opened[id].Observation));
        Assert.Equal([null, null, assignee], signals.Select(id => opened[id].Assignee?.ToString()));
    }

    private static PullResponse Page(long anchor, params RowChange[] changes) => new(changes, anchor, false, 0, 0);

    private static RowChange Change(long seq, string table, Guid id, long version, params (string Column, string? Value)[] columns) =>
        new(seq, table, id, version, false, false, DateTimeOffset.UnixEpoch, Guid.Empty, columns.ToDictionary(c => c.Column, c => c.Value));
}
