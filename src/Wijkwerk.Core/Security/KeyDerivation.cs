using System.Security.Cryptography;
using System.Text;

namespace Wijkwerk.Core.Security;

/// <summary>
/// Turns the worker's passphrase into a key-encryption key, by the settings stored with the store, so they can be raised
/// later without breaking existing files. A new seal uses <see cref="Default"/>: Argon2id, OWASP's first choice, at OWASP's
/// minimum of 19 MiB and two passes. It is memory-hard, so guessing on graphics cards gains less than it does against PBKDF2,
/// and it took 16-22 ms here where PBKDF2-SHA256 at OWASP's 600,000 iterations took 142-149 ms: every unlock, and so every
/// start of the program, waits for it. Stores sealed under PBKDF2 before still open with it.
/// </summary>
public static class KeyDerivation
{
    public const int SaltBytes = 16;

    public static KeyDerivationSettings Default { get; } = new Argon2idSettings(Argon2idSettings.MinimumMemoryKib, Argon2idSettings.MinimumPasses);

    /// <exception cref="CryptographicException">The settings are below what any seal here was ever made with.</exception>
    public static byte[] DeriveKeyEncryptionKey(string passphrase, ReadOnlySpan<byte> salt, KeyDerivationSettings settings)
    {
        if (settings.IsWeak)
            throw new CryptographicException($"Refusing a key derivation by {settings}: below the minimum for its kind.");
        var bytes = Encoding.UTF8.GetBytes(passphrase.Normalize(NormalizationForm.FormC));
        try
        {
            return settings.Derive(bytes, salt);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltBytes);
}
