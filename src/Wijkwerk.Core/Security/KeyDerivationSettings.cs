using System.Security.Cryptography;
using NSec.Cryptography;

namespace Wijkwerk.Core.Security;

/// <summary>How a store's key-encryption key is derived from the passphrase, as stored beside its sealed key.</summary>
public abstract record KeyDerivationSettings
{
    private protected KeyDerivationSettings()
    {
    }

    /// <summary>Below the minimum for its kind: refused rather than derived.</summary>
    internal abstract bool IsWeak { get; }

    /// <summary>Far above anything written here: a damaged file, not a slow unlock (or one that asks for all the memory there is).</summary>
    internal abstract bool IsBeyondAnyWritten { get; }

    internal abstract byte[] Derive(ReadOnlySpan<byte> passphrase, ReadOnlySpan<byte> salt);
}

/// <summary>Argon2id through libsodium (NSec), one lane: libsodium computes no more.</summary>
/// <param name="MemoryKib">Memory in KiB.</param>
public sealed record Argon2idSettings(int MemoryKib, int Passes) : KeyDerivationSettings
{
    public const int MinimumMemoryKib = 19 * 1024;
    public const int MinimumPasses = 2;
    private const int MaximumMemoryKib = 256 * 1024;
    private const int MaximumPasses = 10;

    internal override bool IsWeak => MemoryKib < MinimumMemoryKib || Passes < MinimumPasses;

    internal override bool IsBeyondAnyWritten => MemoryKib > MaximumMemoryKib || Passes > MaximumPasses;

    internal override byte[] Derive(ReadOnlySpan<byte> passphrase, ReadOnlySpan<byte> salt)
    {
        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = MemoryKib, NumberOfPasses = Passes });
        var key = new byte[32];
        algorithm.DeriveBytes(passphrase, salt, key);
        return key;
    }
}

/// <summary>PBKDF2-SHA256: every store sealed before Argon2id came.</summary>
public sealed record Pbkdf2Settings(int Iterations) : KeyDerivationSettings
{
    public const int MinimumIterations = 600_000;
    private const int MaximumIterations = 50_000_000;

    internal override bool IsWeak => Iterations < MinimumIterations;

    internal override bool IsBeyondAnyWritten => Iterations > MaximumIterations;

    internal override byte[] Derive(ReadOnlySpan<byte> passphrase, ReadOnlySpan<byte> salt) =>
        Rfc2898DeriveBytes.Pbkdf2(passphrase, salt, Iterations, HashAlgorithmName.SHA256, 32);
}
