using System.Security.Cryptography;
using System.Text;

namespace Wijkwerk.Core.Security;

/// <summary>
/// Turns the worker's passphrase into a key-encryption key. PBKDF2-SHA256 because Argon2 is not
/// available here; the iteration count follows OWASP's 2023 advice and is stored with the store so
/// it can be raised later without breaking existing files.
/// </summary>
public static class KeyDerivation
{
    public const int MinimumIterations = 600_000;

    /// <summary>Far above anything we write; a larger stored count means a damaged file, not a slow unlock.</summary>
    public const int MaximumIterations = 50_000_000;
    public const int SaltBytes = 16;

    public static byte[] DeriveKeyEncryptionKey(string passphrase, ReadOnlySpan<byte> salt, int iterations)
    {
        if (iterations < MinimumIterations)
            throw new CryptographicException($"Refusing a key derivation with {iterations} iterations; at least {MinimumIterations} are required.");
        return Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase.Normalize(NormalizationForm.FormC)), salt, iterations, HashAlgorithmName.SHA256, 32);
    }

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltBytes);
}
