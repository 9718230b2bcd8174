using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Tests.Support;
using Wijkwerk.Demo;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>What must hold when files are left half-written, tampered with, or fed forbidden changes.</summary>
public class IntegrityTests
{
    [Fact]
    public void Open_NewerSchemaOnlyInLeftoverWal_RefusedAndNeitherFileChanged()
    {
        using var temp = new TempStore();
        temp.Close();
        var (db, wal) = LeaveWalBehind(temp, $"PRAGMA user_version = {Migrations.LatestVersion + 1}");

        var e = Assert.Throws<StoreException>(() => LocalStore.Open(temp.PathToStore, TempStore.Passphrase, temp.Clock));

        Assert.Equal(StoreProblem.NewerSchema, e.Problem);
        Assert.Equal(db, TempStore.Hash(temp.PathToStore));
        Assert.Equal(wal, TempStore.Hash(temp.PathToStore + "-wal"));
        File.Delete(temp.PathToStore + "-wal");
        temp.Reopen();
    }

    [Fact]
    public void Open_WrongPassphraseWithLeftoverWal_LeavesTheWalForTheRightPassphrase()
    {
        using var temp = new TempStore();
        temp.Close();
        var (db, wal) = LeaveWalBehind(temp, "UPDATE meta SET value = 'Team-laptop' WHERE key = 'device_label'; INSERT INTO meta (key, value) VALUES ('marker', 'kept')");

        Assert.Throws<StoreException>(() => LocalStore.Open(temp.PathToStore, "wrong passphrase", temp.Clock));

        Assert.Equal(db, TempStore.Hash(temp.PathToStore));
        Assert.Equal(wal, TempStore.Hash(temp.PathToStore + "-wal"));
        temp.Reopen();
        Assert.Equal(1, temp.Count("SELECT count(*) FROM meta WHERE key = 'marker'"));
    }

    [Fact]
    public void Verify_WholeLogAndHeadWiped_IsDetected()
    {
        using var temp = new TempStore();
        temp.Store.Clients.Add(temp.NewClient());
        temp.Execute("DELETE FROM audit_events; DELETE FROM meta WHERE key = 'audit_head'");

        Assert.Equal(AuditBreak.HeadMissing, AuditLog.Verify(temp.Store).Break);
    }

    [Fact]
    public void Verify_FreshStore_IsIntactWithZeroEvents()
    {
        using var temp = new TempStore();
        var result = AuditLog.Verify(temp.Store);
        Assert.True(result.IsIntact);
        Assert.Equal(0, result.EventsChecked);
    }

    [Fact]
    public void Verify_EventsWipedButHeadKept_ReportsTruncationFromTheFirst()
    {
        using var temp = new TempStore();
        temp.Store.Clients.Add(temp.NewClient());
        temp.Execute("DELETE FROM audit_events");

        var result = AuditLog.Verify(temp.Store);

        Assert.Equal(AuditBreak.Truncated, result.Break);
        Assert.Equal(1, result.BrokenAt);
    }

    [Theory]
    [InlineData("event_type = 'Hacked'")]
    [InlineData("at = 'yesterday'")]
    [InlineData("client_id = 'not-a-guid'")]
    [InlineData("hash = x'00'")]
    public void Verify_UnreadableEvent_ReportedAsChangedAtThatEvent(string tampering)
    {
        using var temp = new TempStore();
        for (var i = 0; i < 3; i++)
            temp.Store.Clients.Add(temp.NewClient("Anna" + i));
        temp.Execute($"UPDATE audit_events SET {tampering} WHERE seq = 2");

        var result = AuditLog.Verify(temp.Store);

        Assert.Equal(AuditBreak.Changed, result.Break);
        Assert.Equal(2, result.BrokenAt);
    }

    [Fact]
    public void Verify_HeadCopiedFromAnotherStore_IsDetected()
    {
        using var first = new TempStore();
        using var second = new TempStore();
        first.Store.Clients.Add(first.NewClient());
        second.Store.Clients.Add(second.NewClient());
        byte[] head;
        using (var connection = second.Raw())
            head = connection.Blob("SELECT value FROM meta WHERE key = 'audit_head'");
        using (var connection = first.Raw())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE meta SET value = $v WHERE key = 'audit_head'";
            command.Parameters.AddWithValue("$v", head);
            command.ExecuteNonQuery();
        }

        Assert.Equal(AuditBreak.HeadMissing, AuditLog.Verify(first.Store).Break);
    }

    [Fact]
    public void UpdateSignal_SkippingTheStatusDiagram_RefusedAndUnchanged()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        var signal = Signal.Report(Id<Signal>.New(temp.Clock), client.Id, SignalSource.Police, null, "Overlast", [], Urgency.Normal, ConsentBasis.WithResident, null, temp.Clock.GetUtcNow()).Value;
        temp.Store.Signals.Add(signal);
        var outbox = temp.Store.PendingChanges();

        var e = Assert.Throws<DomainException>(() => temp.Store.Signals.Update(signal with { Status = SignalStatus.Closed }));
        Assert.Throws<DomainException>(() => temp.Store.Signals.Update(signal with { ReportedAt = signal.ReportedAt.AddDays(-1) }));

        Assert.Equal("status", e.Problem.Field);
        Assert.Contains("nieuw", e.Problem.Describe(Lang.Nl));
        Assert.Equal(SignalStatus.New, Assert.Single(temp.Store.Signals.Open()).Status);
        Assert.Equal(outbox, temp.Store.PendingChanges());
    }

    [Fact]
    public void DeleteClient_TombstonesEverythingRecordedAboutThem()
    {
        using var temp = new TempStore();
        DemoData.Fill(temp.Store, 5);
        var victim = temp.Store.Clients.Search().First(c => temp.Store.Dossiers.Open(c.Id)!.Signals.Count > 0);
        var dossier = temp.Store.Dossiers.Open(victim.Id)!;

        temp.Store.Clients.Delete(victim.Id);

        Assert.DoesNotContain(Exports.Signals(temp.Store).Rows, r => r[1] == victim.Id.ToString());
        Assert.Equal(0, temp.Count($"SELECT count(*) FROM signals WHERE client_id = '{victim.Id}' AND deleted = 0"));
        Assert.Equal(0, temp.Count($"SELECT count(*) FROM consents WHERE client_id = '{victim.Id}' AND deleted = 0"));
        Assert.Equal(dossier.Signals.Count, temp.Count($"SELECT count(*) FROM outbox WHERE operation = 'delete' AND table_name = 'signals'"));
    }

    [Fact]
    public void EnumTexts_EveryListedValue_HasADutchAndEnglishName()
    {
        Assert.Empty(EnumTexts.Missing(typeof(SignalSource), typeof(SignalStatus), typeof(Urgency), typeof(LifeDomain), typeof(ZrmDomain),
            typeof(ZrmScore), typeof(ConsentStatus), typeof(HouseholdRelation), typeof(Role), typeof(AuditEventType), typeof(AuditOutcome),
            typeof(Core.Domain.Escalations.EscalationLevel), typeof(Core.Domain.Pauses.PauseState)));
        Assert.Equal("kan niet van afgesloten naar nieuw", Texts.Format(TextId.SignalTransitionNotAllowed, Lang.Nl, SignalStatus.Closed, SignalStatus.New));
    }

    [Fact]
    public void SyntheticBsn_AlwaysInTheGovernmentTestRangeAndValid()
    {
        var random = new Bogus.Randomizer(3);
        for (var i = 0; i < 200; i++)
        {
            var bsn = SyntheticBsn.Next(random);
            Assert.StartsWith("9999", bsn.Digits);
            Assert.True(Bsn.PassesElevenTest(bsn.Digits));
        }
    }

    /// <summary>Commits a change that stays in the WAL, as after a crash, and returns the hashes of both files.</summary>
    private static (string Db, string Wal) LeaveWalBehind(TempStore temp, string sql)
    {
        var copy = temp.PathToStore + ".copy";
        using (var connection = temp.Raw())
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA wal_autocheckpoint = 0; " + sql;
                command.ExecuteNonQuery();
            }

            File.Copy(temp.PathToStore, copy);
            File.Copy(temp.PathToStore + "-wal", copy + "-wal");
        }

        File.Move(copy, temp.PathToStore, overwrite: true);
        File.Move(copy + "-wal", temp.PathToStore + "-wal", overwrite: true);
        File.Delete(temp.PathToStore + "-shm");
        return (TempStore.Hash(temp.PathToStore), TempStore.Hash(temp.PathToStore + "-wal"));
    }
}
