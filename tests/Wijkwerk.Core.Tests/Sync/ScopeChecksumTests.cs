using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Wijkwerk.Core.Sync;

namespace Wijkwerk.Core.Tests.Sync;

/// <summary>
/// The server stored every row's checksum with the sums it computed before, and laptops compare against them: the
/// canonical form written straight into bytes must hash exactly as the text it stands for.
/// </summary>
public class ScopeChecksumTests
{
    private static readonly Guid Row = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");

    [Fact]
    public void ARow_HasTheSumItAlwaysHad()
    {
        string?[] values = ["Zoë", "", null, "1940-01-02", "1234 AB", "5", "👵🏽", "", "", "ééé"];

        Assert.Equal(4_202_633_319u, ScopeChecksum.Of("clients", Row, 4, values));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Kees \"de Vries\" <b>&'\n:3:")]
    [InlineData("👵🏽 oma")]
    [InlineData("\ud800 half")]
    [InlineData("lang")]
    public void EveryValue_HashesAsItsCanonicalText(string value)
    {
        var text = value == "lang" ? string.Concat(Enumerable.Repeat("Zoë 👵🏽 ", 700)) : value;
        string?[] signal = ["c", "Neighbours", null, text, "3", "Normal", "1", text, null, "New", "2026-01-02T10:00:00.0000000Z", null, null];
        string?[] tagged = [.. signal[..^1], "Wachtlijst"];

        Assert.Equal(Canonical("signals", 12, signal[..^1]), ScopeChecksum.Of("signals", Row, 12, signal));
        Assert.Equal(Canonical("signals", 12, tagged), ScopeChecksum.Of("signals", Row, 12, tagged));
        Assert.Equal(Canonical("clients", long.MaxValue, signal[..10]), ScopeChecksum.Of("clients", Row, long.MaxValue, signal[..10]));
    }

    /// <summary>The documented form as text: table, id, version, then each value length-prefixed, SHA-256's first four bytes.</summary>
    private static uint Canonical(string table, long version, string?[] values)
    {
        var text = new StringBuilder($"{table}\n{Row:D}\n{version}");
        foreach (var value in values)
            text.Append('\n').Append((value ?? "").Length).Append(':').Append(value ?? "");
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
