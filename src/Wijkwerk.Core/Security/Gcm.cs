using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Wijkwerk.Core.Security;

/// <summary>
/// AES-256-GCM with a 12-byte nonce and a 16-byte tag written after the ciphertext. Through libsodium where the processor
/// has the instructions it needs, with the key set up once (<see cref="Sodium"/>): the platform's AesGcm goes through
/// OpenSSL, which sets the key up again for every value, and a laptop seals ten values a client it pulls. Elsewhere, and
/// for a key of another length, the platform's. Both are the one standard, so a value sealed by either opens with the other.
/// </summary>
internal abstract partial class Gcm : IDisposable
{
    public const int NonceBytes = 12;
    public const int TagBytes = 16;
    private const int KeyBytes = 32;

    public static Gcm For(ReadOnlySpan<byte> key) =>
        key.Length == KeyBytes && Aes256Gcm.IsSupported ? new Sodium(key) : new Platform(key);

    /// <param name="sealedValue">The ciphertext followed by the tag: <paramref name="plaintext"/>'s length and <see cref="TagBytes"/>.</param>
    public abstract void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> sealedValue, ReadOnlySpan<byte> associatedData);

    /// <exception cref="CryptographicException">The value was altered, moved or sealed with another key.</exception>
    public abstract void Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> sealedValue, Span<byte> plaintext, ReadOnlySpan<byte> associatedData);

    public abstract void Dispose();

    /// <summary>
    /// libsodium's, with the key set up once: its key schedule and the powers of the hash key in a state of their own, which
    /// every value then uses. NSec's AES-GCM (one call a value, the key given each time) sets all of that up again for every
    /// value, and that took longer than sealing or opening a short value itself: a field of 25 characters sealed in 154 ns
    /// against 248, opened in 140 against 225 (FieldCipherBenchmarks). NSec still loads and starts libsodium, and says
    /// whether the processor has what its AES-GCM needs.
    /// </summary>
    internal sealed partial class Sodium : Gcm
    {
        // libsodium's state must lie on a 16-byte boundary; an array on the pinned heap never moves, so its first boundary stays one.
        private const int Alignment = 16;

        private readonly byte[] _memory;
        private readonly int _offset;
        private readonly int _length;
        private bool _disposed;

        public Sodium(ReadOnlySpan<byte> key)
        {
            if (key.Length != KeyBytes || !Aes256Gcm.IsSupported)
                throw new PlatformNotSupportedException("libsodium's AES-256-GCM needs a 32-byte key and a processor with AES-NI and carry-less multiplication.");
            _length = checked((int)Native.crypto_aead_aes256gcm_statebytes());
            _memory = GC.AllocateArray<byte>(_length + Alignment, pinned: true);
            _offset = (int)((Alignment - (Marshal.UnsafeAddrOfPinnedArrayElement(_memory, 0) % Alignment)) % Alignment);
            Native.crypto_aead_aes256gcm_beforenm(State, key);
        }

        private Span<byte> State
        {
            get
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return _memory.AsSpan(_offset, _length);
            }
        }

        public override void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> sealedValue, ReadOnlySpan<byte> associatedData)
        {
            if (nonce.Length != NonceBytes || sealedValue.Length != plaintext.Length + TagBytes)
                throw new ArgumentException("AES-GCM here takes a 12-byte nonce and writes the value followed by its 16-byte tag.", nameof(sealedValue));
            Native.crypto_aead_aes256gcm_encrypt_detached_afternm(sealedValue[..plaintext.Length], sealedValue[plaintext.Length..], out _, plaintext, (ulong)plaintext.Length,
                associatedData, (ulong)associatedData.Length, IntPtr.Zero, nonce, State);
        }

        public override void Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> sealedValue, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
        {
            if (nonce.Length != NonceBytes || sealedValue.Length != plaintext.Length + TagBytes)
                throw new ArgumentException("AES-GCM here takes a 12-byte nonce and a value followed by its 16-byte tag.", nameof(sealedValue));
            if (Native.crypto_aead_aes256gcm_decrypt_detached_afternm(plaintext, IntPtr.Zero, sealedValue[..plaintext.Length], (ulong)plaintext.Length,
                    sealedValue[plaintext.Length..], associatedData, (ulong)associatedData.Length, nonce, State) != 0)
                throw new AuthenticationTagMismatchException();
        }

        public override void Dispose()
        {
            if (_disposed)
                return;
            CryptographicOperations.ZeroMemory(_memory);
            _disposed = true;
        }

        /// <summary>The few functions of libsodium's AES-256-GCM that NSec does not offer, from the library NSec brings.</summary>
        private static partial class Native
        {
            private const string Library = "libsodium";

            [LibraryImport(Library)]
            [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
            internal static partial nuint crypto_aead_aes256gcm_statebytes();

            [LibraryImport(Library)]
            [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
            internal static partial int crypto_aead_aes256gcm_beforenm(Span<byte> state, ReadOnlySpan<byte> key);

            [LibraryImport(Library)]
            [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
            internal static partial int crypto_aead_aes256gcm_encrypt_detached_afternm(Span<byte> c, Span<byte> mac, out ulong maclen, ReadOnlySpan<byte> m, ulong mlen,
                ReadOnlySpan<byte> ad, ulong adlen, IntPtr nsec, ReadOnlySpan<byte> npub, ReadOnlySpan<byte> state);

            [LibraryImport(Library)]
            [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
            internal static partial int crypto_aead_aes256gcm_decrypt_detached_afternm(Span<byte> m, IntPtr nsec, ReadOnlySpan<byte> c, ulong clen,
                ReadOnlySpan<byte> mac, ReadOnlySpan<byte> ad, ulong adlen, ReadOnlySpan<byte> npub, ReadOnlySpan<byte> state);
        }
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
