using System.Security.Cryptography;
using System.Text;

namespace Wijkwerk.Core.Security;

/// <summary>
/// Encrypts one field of one row with AES-GCM. The associated data binds each ciphertext to its
/// table, column and row id, so a ciphertext copied into another row or column fails to decrypt
/// instead of silently showing the wrong person's data.
/// </summary>
public sealed class FieldCipher : IDisposable
{
    private const byte FormatVersion = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int HeaderBytes = 1 + NonceBytes;

    private readonly AesGcm _aes;

    public FieldCipher(ReadOnlySpan<byte> dataKey) => _aes = new AesGcm(dataKey, TagBytes);

    public byte[] Encrypt(string plaintext, string table, string column, string rowId) =>
        EncryptBytes(Encoding.UTF8.GetBytes(plaintext), AssociatedData(table, column, rowId));

    public string Decrypt(byte[] sealedValue, string table, string column, string rowId) =>
        Encoding.UTF8.GetString(DecryptBytes(sealedValue, AssociatedData(table, column, rowId)));

    public byte[] EncryptBytes(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[HeaderBytes + plaintext.Length + TagBytes];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        _aes.Encrypt(nonce, plaintext, output.AsSpan(HeaderBytes, plaintext.Length), output.AsSpan(HeaderBytes + plaintext.Length), associatedData);
        return output;
    }

    /// <exception cref="CryptographicException">The value was altered, moved or sealed with another key.</exception>
    public byte[] DecryptBytes(ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> associatedData)
    {
        if (sealedValue.Length < HeaderBytes + TagBytes || sealedValue[0] != FormatVersion)
            throw new CryptographicException("The encrypted value has an unknown format.");
        var length = sealedValue.Length - HeaderBytes - TagBytes;
        var plaintext = new byte[length];
        _aes.Decrypt(sealedValue.Slice(1, NonceBytes), sealedValue.Slice(HeaderBytes, length), sealedValue[(HeaderBytes + length)..], plaintext, associatedData);
        return plaintext;
    }

    public void Dispose() => _aes.Dispose();

    private static byte[] AssociatedData(string table, string column, string rowId) => Encoding.UTF8.GetBytes($"{table}\n{column}\n{rowId}");
}
