using System.Security.Cryptography;
using System.Text;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Security;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

public class EncryptionAtRestTests
{
    // Synthetic, and distinctive enough that a hit cannot be a coincidence.
    private static readonly string[] Secrets =
    [
        "Wilhelmina", "Zwartjes", "Oosterbroek", "0687123456", "0611992288", "111222333", "123456782",
        "Duizeligheid na valpartij", "Schuldhulpverlening aangevraagd", "Kwetsbare buurvrouw",
    ];

    [Fact]
    public void StoreFiles_WhileOpenAndAfterClose_HoldNoPlaintext()
    {
        using var temp = new TempStore();
        var wilhelmina = temp.NewClient("Wilhelmina", "van Zwartjes", "0687123456", "111222333");
        var other = temp.NewClient("Piet", "Oosterbroek", "0611992288", "123456782");
        temp.Store.Clients.Import([wilhelmina, other]);
        temp.Store.Clients.Update(wilhelmina with { Notes = "Kwetsbare buurvrouw" });
        temp.Store.Signals.Add(Signal.Report(Id<Signal>.New(temp.Clock), wilhelmina.Id, SignalSource.Neighbours, null, "Duizeligheid na valpartij", [LifeDomain.SafeHome], Urgency.Normal, ConsentBasis.WithResident, null, temp.Clock.GetUtcNow()).Value);
        temp.Store.Dossiers.AddVisit(HomeVisit.Record(Id<HomeVisit>.New(temp.Clock), other.Id, temp.Clock.Today, TempStore.Identity.WorkerId, "Schuldhulpverlening aangevraagd", null, temp.Clock.Today).Value);
        temp.Store.Drafts.Save("client-form", "Wilhelmina Zwartjes 0687123456");
        temp.Store.Clients.Search();

        // While open, the WAL and shared-memory files exist and hold the latest frames.
        Assert.True(File.Exists(temp.PathToStore + "-wal"));
        AssertNoPlaintext(temp.Folder);
        temp.Close();
        AssertNoPlaintext(temp.Folder);
        temp.Reopen();
    }

    [Fact]
    public void SealedValue_MovedToAnotherRow_FailsToDecrypt()
    {
        using var cipher = new FieldCipher(RandomNumberGenerator.GetBytes(32));
        var sealedName = cipher.Encrypt("Wilhelmina", "clients", "first_name", "row-1");

        Assert.Equal("Wilhelmina", cipher.Decrypt(sealedName, "clients", "first_name", "row-1"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(sealedName, "clients", "first_name", "row-2"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(sealedName, "clients", "surname", "row-1"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(sealedName, "household_members", "first_name", "row-1"));
    }

    [Fact]
    public void SealedValue_ByARowsIdWithoutItsText_IsBoundToThatIdsText()
    {
        using var cipher = new FieldCipher(RandomNumberGenerator.GetBytes(32));
        var row = Guid.NewGuid();
        var sealedName = cipher.Encrypt("Wilhelmina", "clients", "first_name", row);

        Assert.Equal("Wilhelmina", cipher.Decrypt(sealedName, "clients", "first_name", row.ToString()));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(sealedName, "clients", "first_name", row.ToString("N")));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(sealedName, "clients", "first_name", Guid.NewGuid().ToString()));
        Assert.Throws<ArgumentNullException>(() => cipher.Decrypt(sealedName, "clients", "first_name", null!));
        Assert.Throws<ArgumentNullException>(() => cipher.Encrypt("Wilhelmina", "clients", "first_name", (string)null!));
    }

    [Fact]
    public void SealedValue_SameTextTwice_DiffersSoEqualValuesCannotBeSpotted()
    {
        using var cipher = new FieldCipher(RandomNumberGenerator.GetBytes(32));
        Assert.NotEqual(cipher.Encrypt("Jansen", "clients", "surname", "r"), cipher.Encrypt("Jansen", "clients", "surname", "r"));
    }

    [Fact]
    public void SealedValues_ThousandsAcrossThreads_NeverShareANonce()
    {
        // Nonces come from a buffer per thread, refilled a few hundred at a time: a repeat after a refill, or
        // between threads, would let AES-GCM leak the XOR of two plaintexts.
        var key = RandomNumberGenerator.GetBytes(32);
        var nonces = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        Parallel.For(0, 4, _ =>
        {
            using var cipher = new FieldCipher(key);
            for (var i = 0; i < 2_000; i++)
                Assert.True(nonces.TryAdd(Convert.ToHexString(cipher.Encrypt("", "clients", "notes", "r").AsSpan(1, 12)), true));
        });
        Assert.Equal(8_000, nonces.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Ĳsselmeer – café ✓ 𝄞")]
    [InlineData("a")]
    public void SealedValue_AnyText_OpensToTheSameText(string text)
    {
        using var cipher = new FieldCipher(RandomNumberGenerator.GetBytes(32));
        var rowId = Guid.NewGuid().ToString();
        Assert.Equal(text, cipher.Decrypt(cipher.Encrypt(text, "home_visits", "notes", rowId), "home_visits", "notes", rowId));
        Assert.Equal(text + text, cipher.Decrypt(cipher.Encrypt(text + text, "home_visits", "notes", rowId), "home_visits", "notes", rowId));
    }

    [Fact]
    public void SealedValue_OneBitFlipped_IsRefused()
    {
        using var cipher = new FieldCipher(RandomNumberGenerator.GetBytes(32));
        var sealedValue = cipher.Encrypt("Jansen", "clients", "surname", "r");
        sealedValue[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(sealedValue, "clients", "surname", "r"));
    }

    internal static void AssertNoPlaintext(string folder, IReadOnlyList<string>? secrets = null)
    {
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }

            foreach (var secret in secrets ?? Secrets)
            {
                foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
                    Assert.True(bytes.AsSpan().IndexOf(encoding.GetBytes(secret)) < 0, $"'{secret}' found in {Path.GetFileName(file)} as {encoding.WebName}");
            }
        }
    }
}
