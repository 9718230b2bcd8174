using System.Security.Cryptography;
using System.Runtime.Intrinsics.X86;
using NSec.Cryptography;
using Wijkwerk.Core.Security;

namespace Wijkwerk.Core.Tests.Security;

/// <summary>
/// The two AES-256-GCM implementations a store may seal with: the standard's own test vector, the same bytes from both,
/// and a value sealed by one opening with the other, so a store moves between machines with and without libsodium's AES.
/// </summary>
public sealed class GcmTests
{
    // Test case 16 of McGrew and Viega, "The Galois/Counter Mode of Operation (GCM)": a 256-bit key, a 96-bit IV and associated data.
    private static readonly byte[] Key = Convert.FromHexString("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
    private static readonly byte[] Nonce = Convert.FromHexString("cafebabefacedbaddecaf888");
    private static readonly byte[] Plaintext = Convert.FromHexString(
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    private static readonly byte[] AssociatedData = Convert.FromHexString("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    private static readonly byte[] Sealed = Convert.FromHexString(
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662" +
        "76fc6ece0f4e1768cddf8853bb2d551b");

    public static TheoryData<string> Implementations => ["sodium", "platform"];

    private static Gcm Make(string implementation, byte[] key) =>
        implementation == "sodium" ? new Gcm.Sodium(key) : new Gcm.Platform(key);

    [Theory]
    [MemberData(nameof(Implementations))]
    public void SealsTheStandardsTestVector_AndOpensIt(string implementation)
    {
        using var gcm = Make(implementation, Key);
        var output = new byte[Plaintext.Length + Gcm.TagBytes];
        gcm.Encrypt(Nonce, Plaintext, output, AssociatedData);
        var opened = new byte[Plaintext.Length];
        gcm.Decrypt(Nonce, Sealed, opened, AssociatedData);

        Assert.Equal(Convert.ToHexString(Sealed), Convert.ToHexString(output));
        Assert.Equal(Plaintext, opened);
    }

    [Theory]
    [InlineData("sodium", "platform")]
    [InlineData("platform", "sodium")]
    public void AValueSealedByOne_OpensWithTheOther_AndAnAlteredOneWithNeither(string sealer, string opener)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(Gcm.NonceBytes);
        var plaintext = "Kortenhoef, Oudegracht 12"u8.ToArray();
        var bound = "clients\nadres\n0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"u8.ToArray();
        using var seal = Make(sealer, key);
        using var open = Make(opener, key);
        var sealedValue = new byte[plaintext.Length + Gcm.TagBytes];
        seal.Encrypt(nonce, plaintext, sealedValue, bound);

        var opened = new byte[plaintext.Length];
        open.Decrypt(nonce, sealedValue, opened, bound);
        Assert.Equal(plaintext, opened);

        sealedValue[3] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => open.Decrypt(nonce, sealedValue, opened, bound));
        Assert.ThrowsAny<CryptographicException>(() => seal.Decrypt(nonce, sealedValue, opened, bound));
        sealedValue[3] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => open.Decrypt(nonce, sealedValue, opened, "clients\nadres\nanother row"u8));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void AValueThatFailsToOpen_LeavesNothingOfItsPlaintextBehind(string implementation)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(Gcm.NonceBytes);
        var plaintext = "Kortenhoef, Oudegracht 12"u8.ToArray();
        using var gcm = Make(implementation, key);
        var sealedValue = new byte[plaintext.Length + Gcm.TagBytes];
        gcm.Encrypt(nonce, plaintext, sealedValue, []);
        sealedValue[^1] ^= 1;

        var opened = new byte[plaintext.Length];
        Assert.ThrowsAny<CryptographicException>(() => gcm.Decrypt(nonce, sealedValue, opened, []));
        // What the buffer holds instead is each library's own (zeros, or libsodium's filler): no byte of the plaintext in its place.
        Assert.All(Enumerable.Range(0, plaintext.Length), i => Assert.NotEqual(plaintext[i], opened[i]));
    }

    [Fact]
    public void LibsodiumsCipher_OnceDisposed_SealsAndOpensNoMore()
    {
        if (!Aes256Gcm.IsSupported)
            return;
        var gcm = new Gcm.Sodium(Key);
        var output = new byte[Plaintext.Length + Gcm.TagBytes];
        gcm.Encrypt(Nonce, Plaintext, output, AssociatedData);
        gcm.Dispose();
        gcm.Dispose();

        Assert.Throws<ObjectDisposedException>(() => gcm.Encrypt(Nonce, Plaintext, output, AssociatedData));
        Assert.Throws<ObjectDisposedException>(() => gcm.Decrypt(Nonce, Sealed, new byte[Plaintext.Length], AssociatedData));
    }

    [Fact]
    public void ATwoHundredFiftySixBitKey_GoesToLibsodium_WhereTheProcessorHasItsInstructions_OtherKeysToThePlatform()
    {
        using var full = Gcm.For(Key);
        using var shorter = Gcm.For(Key.AsSpan(0, 16));

        Assert.Equal(Aes256Gcm.IsSupported ? typeof(Gcm.Sodium) : typeof(Gcm.Platform), full.GetType());
        Assert.IsType<Gcm.Platform>(shorter);
        // libsodium's AES-GCM needs AES-NI and carry-less multiplication: where both are here, it must be taken.
        if (System.Runtime.Intrinsics.X86.Aes.IsSupported && Pclmulqdq.IsSupported)
            Assert.IsType<Gcm.Sodium>(full);
    }
}
