using System.Buffers;
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
    private const int NonceBytes = Gcm.NonceBytes;
    private const int TagBytes = Gcm.TagBytes;
    private const int HeaderBytes = 1 + NonceBytes;

    private readonly Gcm _gcm;

    public FieldCipher(ReadOnlySpan<byte> dataKey) => _gcm = Gcm.For(dataKey);

    public byte[] Encrypt(string plaintext, string table, string column, string rowId)
    {
        ArgumentNullException.ThrowIfNull(rowId);
        return Encrypt(plaintext, table, column, rowId.AsSpan());
    }

    /// <summary>As by the row id's text (<see cref="Guid.ToString()"/>), without making a string of it: a first sync seals a million values.</summary>
    public byte[] Encrypt(string plaintext, string table, string column, Guid rowId)
    {
        Span<char> id = stackalloc char[36];
        rowId.TryFormat(id, out var length);
        return Encrypt(plaintext, table, column, id[..length]);
    }

    private byte[] Encrypt(string plaintext, string table, string column, ReadOnlySpan<char> rowId)
    {
        // The plaintext goes through a pooled buffer, wiped before it goes back, rather than a new array a value.
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(plaintext.Length));
        var length = 0;
        try
        {
            length = Encoding.UTF8.GetBytes(plaintext, rented);
            return EncryptBytes(rented.AsSpan(0, length), AssociatedData(table, column, rowId, stackalloc byte[AssociatedDataLength(table, column, rowId)]));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public string Decrypt(byte[] sealedValue, string table, string column, string rowId)
    {
        ArgumentNullException.ThrowIfNull(rowId);
        return Encoding.UTF8.GetString(DecryptBytes(sealedValue, AssociatedData(table, column, rowId, stackalloc byte[AssociatedDataLength(table, column, rowId)])));
    }

    public byte[] EncryptBytes(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[HeaderBytes + plaintext.Length + TagBytes];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceBytes);
        Nonces.Next(nonce);
        _gcm.Encrypt(nonce, plaintext, output.AsSpan(HeaderBytes), associatedData);
        return output;
    }

    /// <exception cref="CryptographicException">The value was altered, moved or sealed with another key.</exception>
    public byte[] DecryptBytes(ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> associatedData)
    {
        if (sealedValue.Length < HeaderBytes + TagBytes || sealedValue[0] != FormatVersion)
            throw new CryptographicException("The encrypted value has an unknown format.");
        var length = sealedValue.Length - HeaderBytes - TagBytes;
        var plaintext = new byte[length];
        _gcm.Decrypt(sealedValue.Slice(1, NonceBytes), sealedValue[HeaderBytes..], plaintext, associatedData);
        return plaintext;
    }

    public void Dispose() => _gcm.Dispose();

    private static int AssociatedDataLength(string table, string column, ReadOnlySpan<char> rowId) =>
        Encoding.UTF8.GetByteCount(table) + Encoding.UTF8.GetByteCount(column) + Encoding.UTF8.GetByteCount(rowId) + 2;

    /// <summary>"table\ncolumn\nrowId" as UTF-8, written into <paramref name="into"/> (sized by <see cref="AssociatedDataLength"/>).</summary>
    private static ReadOnlySpan<byte> AssociatedData(string table, string column, ReadOnlySpan<char> rowId, Span<byte> into)
    {
        var at = Encoding.UTF8.GetBytes(table, into);
        into[at++] = (byte)'\n';
        at += Encoding.UTF8.GetBytes(column, into[at..]);
        into[at++] = (byte)'\n';
        at += Encoding.UTF8.GetBytes(rowId, into[at..]);
        return into[..at];
    }

    /// <summary>
    /// Random nonces drawn from the system's generator a few hundred at a time: asking it for 12 bytes per sealed
    /// value cost more than the sealing itself on a first sync of 100,000 rows. Nonces are public, so holding the
    /// next ones in memory gives nothing away; one buffer per thread needs no lock.
    /// </summary>
    private static class Nonces
    {
        private const int Batch = 340 * NonceBytes;

        [ThreadStatic]
        private static byte[]? _buffer;

        [ThreadStatic]
        private static int _used;

        public static void Next(Span<byte> nonce)
        {
            if (_buffer is null || _used == Batch)
            {
                _buffer ??= new byte[Batch];
                RandomNumberGenerator.Fill(_buffer);
                _used = 0;
            }

            _buffer.AsSpan(_used, NonceBytes).CopyTo(nonce);
            _used += NonceBytes;
        }
    }
}
