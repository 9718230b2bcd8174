using System.Security.Cryptography;
using System.Text;

namespace Wijkwerk.SyncServer.Enrolment;

/// <summary>Enrolment codes and device tokens: random, shown once, stored only as a SHA-256 hash.</summary>
public static class Secrets
{
    // No 0/O, 1/I/L: a code is read from a screen and typed in.
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>20 random characters (≈ 99 bits) in groups of four: XXXX-XXXX-XXXX-XXXX-XXXX.</summary>
    public static string NewEnrolmentCode()
    {
        var chars = RandomNumberGenerator.GetItems(CodeAlphabet.AsSpan(), 20);
        return string.Join('-', Enumerable.Range(0, 5).Select(i => new string(chars, i * 4, 4)));
    }

    /// <summary>Case, spaces and dashes do not matter when a person types the code.</summary>
    public static string HashCode(string code) =>
        Hash(new string(code.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray()));

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashToken(string token) => Hash(token.Trim());

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
