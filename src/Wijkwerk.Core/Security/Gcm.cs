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
    /// value, and that took longer than sealing or opening a short value itself: a field of 25 characters sealed in 160 ns
    /// against 248, opened in 147 against 225 (FieldCipherBenchmarks). NSec still loads and starts libsodium, and says
    /// whether the processor has what its AES-GCM needs.
    /// </summary>
    internal sealed partial class Sodium : Gcm
    {
        private readonly State _state;

        public Sodium(ReadOnlySpan<byte> key)
        {
            if (key.Length != KeyBytes || !Aes256Gcm.IsSupported)
                throw new PlatformNotSupportedException("libsodium's AES-256-GCM needs a 32-byte key and a processor with AES-NI and carry-less multiplication.");
            _state = Native.sodium_malloc(Native.crypto_aead_aes256gcm_statebytes());
            if (_state.IsInvalid)
                throw new OutOfMemoryException("libsodium could not set aside locked memory for an AES-GCM key.");
            Native.crypto_aead_aes256gcm_beforenm(_state, key);
        }

        public override void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> sealedValue, ReadOnlySpan<byte> associatedData)
        {
            RequireShape(nonce, plaintext.Length, sealedValue.Length);
            Native.crypto_aead_aes256gcm_encrypt_detached_afternm(sealedValue[..plaintext.Length], sealedValue[plaintext.Length..], IntPtr.Zero, plaintext, (ulong)plaintext.Length,
                associatedData, (ulong)associatedData.Length, IntPtr.Zero, nonce, _state);
        }

        public override void Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> sealedValue, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
        {
            RequireShape(nonce, plaintext.Length, sealedValue.Length);
            if (Native.crypto_aead_aes256gcm_decrypt_detached_afternm(plaintext, IntPtr.Zero, sealedValue[..plaintext.Length], (ulong)plaintext.Length,
                    sealedValue[plaintext.Length..], associatedData, (ulong)associatedData.Length, nonce, _state) != 0)
                throw new AuthenticationTagMismatchException();
        }

        // libsodium reads and writes exactly these lengths: anything else would run past a buffer.
        private static void RequireShape(ReadOnlySpan<byte> nonce, int plaintextLength, int sealedLength)
        {
            if (nonce.Length != NonceBytes || sealedLength != plaintextLength + TagBytes)
                throw new ArgumentException("AES-GCM here takes a 12-byte nonce and a value followed by its 16-byte tag.", nameof(sealedLength));
        }

        // A call under way holds the handle (the marshaller adds a reference for it), so the memory is freed after it ends.
        public override void Dispose() => _state.Dispose();

        /// <summary>
        /// The key's state in libsodium's own memory (sodium_malloc): locked against swapping, between guard pages, aligned
        /// as the state needs for a size that is a multiple of 16, and wiped when freed.
        /// </summary>
        internal sealed class State : SafeHandle
        {
            public State()
                : base(IntPtr.Zero, ownsHandle: true)
            {
            }

            public override bool IsInvalid => handle == IntPtr.Zero;

            protected override bool ReleaseHandle()
            {
                Native.sodium_free(handle);
                return true;
            }
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
            internal static partial State sodium_malloc(nuint size);

            [LibraryImport(Library)]
            [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
            internal static partial void sodium_free(IntPtr pointer);

            [LibraryImport(Library)]
            [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
            internal static partial int crypto_aead_aes256gcm_beforenm(State state, ReadOnlySpan<byte> key);

            [LibraryImport(Library)]
            [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
            internal static partial int crypto_aead_aes256gcm_encrypt_detached_afternm(Span<byte> c, Span<byte> mac, IntPtr maclen, ReadOnlySpan<byte> m, ulong mlen,
                ReadOnlySpan<byte> ad, ulong adlen, IntPtr nsec, ReadOnlySpan<byte> npub, State state);

            [LibraryImport(Library)]
            [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
            internal static partial int crypto_aead_aes256gcm_decrypt_detached_afternm(Span<byte> m, IntPtr nsec, ReadOnlySpan<byte> c, ulong clen,
                ReadOnlySpan<byte> mac, ReadOnlySpan<byte> ad, ulong adlen, ReadOnlySpan<byte> npub, State state);
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
