using System.Security.Cryptography;
using System.Text;

namespace Wijkwerk.Core.Security;

/// <summary>
/// The store's random data key, sealed under a key derived from the passphrase. Changing the
/// passphrase reseals the same data key, so no row has to be re-encrypted.
/// </summary>
public sealed class KeyRing : IDisposable
{
    private readonly byte[] _dataKey;

    private KeyRing(byte[] dataKey)
    {
        _dataKey = dataKey;
        Fields = new FieldCipher(dataKey);
        AuditKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey, 32, info: "wijkwerk audit chain"u8.ToArray());
    }

    public FieldCipher Fields { get; }

    /// <summary>Keys the audit hash chain: without the passphrase nobody can forge a consistent chain.</summary>
    public byte[] AuditKey { get; }

    public static (KeyRing Ring, SealedKey Sealed) CreateNew(string passphrase, string storeId)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var ring = new KeyRing(dataKey);
        return (ring, ring.Seal(passphrase, storeId));
    }

    /// <returns>null when the passphrase is wrong.</returns>
    public static KeyRing? Unseal(SealedKey sealedKey, string passphrase, string storeId)
    {
        var kek = KeyDerivation.DeriveKeyEncryptionKey(passphrase, sealedKey.Salt, sealedKey.Derivation);
        try
        {
            using var wrapper = new FieldCipher(kek);
            return new KeyRing(wrapper.DecryptBytes(sealedKey.WrappedKey, Binding(storeId)));
        }
        catch (CryptographicException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
        }
    }

    /// <summary>An independent copy, for a second connection that is disposed on its own.</summary>
    public KeyRing Copy() => new(_dataKey.ToArray());

    /// <param name="derivation">How the passphrase becomes the key it is sealed under; <see cref="KeyDerivation.Default"/> unless given.</param>
    public SealedKey Seal(string passphrase, string storeId, KeyDerivationSettings? derivation = null)
    {
        derivation ??= KeyDerivation.Default;
        var salt = KeyDerivation.NewSalt();
        var kek = KeyDerivation.DeriveKeyEncryptionKey(passphrase, salt, derivation);
        try
        {
            using var wrapper = new FieldCipher(kek);
            return new SealedKey(salt, derivation, wrapper.EncryptBytes(_dataKey, Binding(storeId)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
        }
    }

    public void Dispose()
    {
        Fields.Dispose();
        CryptographicOperations.ZeroMemory(_dataKey);
        CryptographicOperations.ZeroMemory(AuditKey);
    }

    private static byte[] Binding(string storeId) => Encoding.UTF8.GetBytes("wijkwerk data key\n" + storeId);
}

public sealed record SealedKey(byte[] Salt, KeyDerivationSettings Derivation, byte[] WrappedKey);
