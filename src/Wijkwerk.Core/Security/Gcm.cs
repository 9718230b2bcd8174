using System.Security.Cryptography;
using NSec.Cryptography;

namespace Wijkwerk.Core.Security;

/// <summary>
/// AES-256-GCM with a 12-byte nonce and a 16-byte tag written after the ciphertext. Through libsodium where the processor
/// has the instructions it needs: the platform's AesGcm goes through OpenSSL, which sets the key up again for every value,
/// and a laptop seals ten values a client it pulls. Elsewhere, and for a key of another length, the platform's. Both are
/// the one standard, so a value sealed by either opens with the other.
/// </summary>
internal abstract class Gcm : IDisposable
{
    public const int NonceBytes = 12;
    public const int TagBytes = 16;

    public static Gcm For(ReadOnlySpan<byte> key) =>
        key.Length == 32 && Aes256Gcm.IsSupported ? new Sodium(key) : new Platform(key);

    /// <param name="sealedValue">The ciphertext followed by the tag: <paramref name="plaintext"/>'s length and <see cref="TagBytes"/>.</param>
    public abstract void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> sealedValue, ReadOnlySpan<byte> associatedData);

    /// <exception cref="CryptographicException">The value was altered, moved or sealed with another key.</exception>
    public abstract void Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> sealedValue, Span<byte> plaintext, ReadOnlySpan<byte> associatedData);

    public abstract void Dispose();

    /// <summary>libsodium's, through NSec.</summary>
    internal sealed class Sodium(ReadOnlySpan<byte> key) : Gcm
    {
        private readonly Key _key = Key.Import(AeadAlgorithm.Aes256Gcm, key, KeyBlobFormat.RawSymmetricKey);

        public override void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> sealedValue, ReadOnlySpan<byte> associatedData) =>
            AeadAlgorithm.Aes256Gcm.Encrypt(_key, nonce, associatedData, plaintext, sealedValue);

        public override void Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> sealedValue, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
        {
            if (!AeadAlgorithm.Aes256Gcm.Decrypt(_key, nonce, associatedData, sealedValue, plaintext))
                throw new AuthenticationTagMismatchException();
        }

        public override void Dispose() => _key.Dispose();
    }

    /// <summary>The platform's (OpenSSL on Linux).</summary>
    internal sealed class Platform(ReadOnlySpan<byte> key) : Gcm
    {
        private readonly AesGcm _aes = new(key, TagBytes);

        public override void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> sealedValue, ReadOnlySpan<byte> associatedData) =>
            _aes.Encrypt(nonce, plaintext, sealedValue[..plaintext.Length], sealedValue[plaintext.Length..], associatedData);

        public override void Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> sealedValue, Span<byte> plaintext, ReadOnlySpan<byte> associatedData) =>
            _aes.Decrypt(nonce, sealedValue[..^TagBytes], sealedValue[^TagBytes..], plaintext, associatedData);

        public override void Dispose() => _aes.Dispose();
    }
}
