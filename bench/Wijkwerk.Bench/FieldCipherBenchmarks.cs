using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Wijkwerk.Core.Security;

namespace Wijkwerk.Bench;

/// <summary>
/// Sealing and opening one field as a laptop does for every secret value it pulls, shows or pushes: a short value (an
/// address), bound to its table, column and row, through the store's cipher (libsodium's AES-GCM where the processor has
/// it) and, beside it, the platform's AES-GCM with the same key.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class FieldCipherBenchmarks : IDisposable
{
    private const string Value = "Kortenhoef, Oudegracht 12";
    private static readonly string RowId = Guid.NewGuid().ToString();
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    private readonly FieldCipher _cipher = new(Key);
    private readonly Gcm _platform = new Gcm.Platform(Key);
    private readonly byte[] _sealed;
    private readonly byte[] _nonce = RandomNumberGenerator.GetBytes(Gcm.NonceBytes);
    private readonly byte[] _plaintext = System.Text.Encoding.UTF8.GetBytes(Value);
    private readonly byte[] _bound = System.Text.Encoding.UTF8.GetBytes("clients\naddress\n" + RowId);
    private readonly byte[] _output;

    public FieldCipherBenchmarks()
    {
        _sealed = _cipher.Encrypt(Value, "clients", "address", RowId);
        _output = new byte[_plaintext.Length + Gcm.TagBytes];
    }

    [Benchmark]
    public byte[] Seal() => _cipher.Encrypt(Value, "clients", "address", RowId);

    [Benchmark]
    public string Open() => _cipher.Decrypt(_sealed, "clients", "address", RowId);

    [Benchmark]
    public byte[] SealWithThePlatformsAesGcm()
    {
        _platform.Encrypt(_nonce, _plaintext, _output, _bound);
        return _output;
    }

    public void Dispose()
    {
        _cipher.Dispose();
        _platform.Dispose();
        GC.SuppressFinalize(this);
    }
}
