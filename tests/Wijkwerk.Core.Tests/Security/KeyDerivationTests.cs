using System.Security.Cryptography;
using System.Text;
using Wijkwerk.Core.Security;

namespace Wijkwerk.Core.Tests.Security;

public class KeyDerivationTests
{
    private static readonly byte[] Salt = Enumerable.Range(1, KeyDerivation.SaltBytes).Select(b => (byte)b).ToArray();

    public static TheoryData<KeyDerivationSettings> Weak => new()
    {
        new Argon2idSettings(Argon2idSettings.MinimumMemoryKib - 1, Argon2idSettings.MinimumPasses),
        new Argon2idSettings(Argon2idSettings.MinimumMemoryKib, Argon2idSettings.MinimumPasses - 1),
        new Pbkdf2Settings(Pbkdf2Settings.MinimumIterations - 1),
    };

    [Theory]
    [MemberData(nameof(Weak))]
    public void Derive_BelowTheMinimumForItsKind_Refused(KeyDerivationSettings settings) =>
        Assert.Throws<CryptographicException>(() => KeyDerivation.DeriveKeyEncryptionKey("correct horse battery", Salt, settings));

    [Fact]
    public void Default_IsArgon2idAtOwaspsMinimum() =>
        Assert.Equal(new Argon2idSettings(19 * 1024, 2), KeyDerivation.Default);

    [Fact]
    public void Derive_Argon2id_TheSameKeyForThePassphraseInEitherUnicodeForm_AnotherForAnotherSaltOrSetting()
    {
        var composed = "café wachtwoord".Normalize(NormalizationForm.FormC);
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        var key = KeyDerivation.DeriveKeyEncryptionKey(composed, Salt, KeyDerivation.Default);

        Assert.Equal(32, key.Length);
        Assert.Equal(key, KeyDerivation.DeriveKeyEncryptionKey(decomposed, Salt, KeyDerivation.Default));
        Assert.NotEqual(key, KeyDerivation.DeriveKeyEncryptionKey(composed, [.. Salt.Reverse()], KeyDerivation.Default));
        Assert.NotEqual(key, KeyDerivation.DeriveKeyEncryptionKey(composed, Salt, new Argon2idSettings(Argon2idSettings.MinimumMemoryKib, Argon2idSettings.MinimumPasses + 1)));
        Assert.NotEqual(key, KeyDerivation.DeriveKeyEncryptionKey(composed, Salt, new Pbkdf2Settings(Pbkdf2Settings.MinimumIterations)));
    }

    /// <summary>
    /// A known answer, so that another library or another reading of the settings (memory in KiB, not bytes) cannot go
    /// unseen: the third encoded hash of libsodium's own Argon2id test (test/default/pwhash_argon2id.c, tv3), an empty
    /// password at 4,882 KiB and two passes. That is below what a store is sealed with, so it is derived past the check.
    /// </summary>
    [Fact]
    public void Argon2id_DerivesTheKnownAnswer() =>
        Assert.Equal(
            Convert.FromBase64String("Nm8QBM+7RH1DXo9rvp5cwKEOOOfD2g6JuxlXihoNcpE="),
            new Argon2idSettings(4882, 2).Derive([], Convert.FromBase64String("bA81arsiXysd3WbTRzmEOw==")));

    /// <summary>A store an earlier version sealed opens only if PBKDF2 still derives exactly what it derived.</summary>
    [Fact]
    public void Derive_Pbkdf2_IsPbkdf2HmacSha256OfTheUtf8Passphrase() =>
        Assert.Equal(
            Rfc2898DeriveBytes.Pbkdf2("correct horse battery"u8, Salt, Pbkdf2Settings.MinimumIterations, HashAlgorithmName.SHA256, 32),
            KeyDerivation.DeriveKeyEncryptionKey("correct horse battery", Salt, new Pbkdf2Settings(Pbkdf2Settings.MinimumIterations)));
}
