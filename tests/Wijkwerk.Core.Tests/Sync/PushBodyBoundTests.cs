using System.Text;
using System.Text.Json;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Tests.Sync;

/// <summary>
/// A push's size is judged by an upper bound of its JSON, counted rather than written: a text's bound is never below the
/// bytes JSON takes for it (or a push could outgrow what the server accepts), and plain text counts exactly its length.
/// </summary>
public sealed class PushBodyBoundTests
{
    /// <summary>The bytes <paramref name="text"/> adds to a push as a column's value, quotes included, by the bound.</summary>
    private static long BoundOf(string text) => 2 + PushBody.Room([Pending("")]) - PushBody.Room([Pending(text)]);

    private static PendingMutation Pending(string notes) =>
        new(new Mutation(1, "clients", Guid.Empty, SyncProtocol.Operations.Update, 1, new Dictionary<string, string?> { ["notes"] = notes }), 1, 1);

    /// <summary>The bytes <paramref name="text"/> adds to a push's body as the laptop sends it, quotes included.</summary>
    private static int JsonBytes(string text) => 2 + Body(text) - Body("");

    private static int Body(string notes) =>
        JsonSerializer.SerializeToUtf8Bytes(new PushRequest([Pending(notes).Mutation]), ProtocolJson.Default.PushRequest).Length;

    [Theory]
    [InlineData("")]
    [InlineData("Jansen")]
    [InlineData("Wit, 1234 AB: 06-12345678_x.")]
    public void PlainText_CountsItsLengthAndQuotes(string text) =>
        Assert.Equal(text.Length + 2, BoundOf(text));

    [Theory]
    [InlineData("Mevrouw \"de Wit\" <b>&amp;</b>")]
    [InlineData("é ü ß \u2028 \t\n \\ ' + / ?")]
    [InlineData("😀😀 at the end 😀")]
    [InlineData("\u0001\u001f")]
    [InlineData("Привет, мир: улица 5")]
    public void TextThatIsEscaped_IsNeverBelowItsJson(string text) =>
        Assert.InRange(BoundOf(text), JsonBytes(text), long.MaxValue);

    /// <summary>
    /// Never below the JSON, and no higher than its rule: a byte for each plain character, six for any other (what an
    /// escape takes at most), so a push is not cut short for room it does not need.
    /// </summary>
    [Fact]
    public void AnyMixOfCharacters_IsNeverBelowItsJson_AndCountsOneOrSixBytesACharacter()
    {
        const string Pool = "aZ09 -.,:_\"\\<>&'+/\u0000\u001fé€ßüÅ\u2028Ωж";
        var random = new Random(20261203);
        for (var round = 0; round < 2000; round++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 40); i > 0; i--)
                text.Append(random.Next(10) == 0 ? "😀" : Pool[random.Next(Pool.Length)].ToString());
            var value = text.ToString();

            Assert.True(BoundOf(value) >= JsonBytes(value), $"bound {BoundOf(value)} below JSON {JsonBytes(value)} for round {round}");
            Assert.Equal(2 + value.Sum(c => char.IsAsciiLetterOrDigit(c) || " -.,:_".Contains(c) ? 1 : 6), BoundOf(value));
        }
    }

    /// <summary>
    /// A whole mutation and a whole audit event, with their numbers at their longest, every id, base versions and nulls: the
    /// bound of each, frame and all, is never below the bytes it takes in a push as written (a comma before it included).
    /// </summary>
    [Theory]
    [InlineData(long.MinValue, "Zoë \"Zus\" <b>", true)]
    [InlineData(long.MaxValue, "", false)]
    [InlineData(0, null, true)]
    public void AWholeMutationOrAuditEvent_AtItsLongest_IsNeverAboveItsBound(long number, string? text, bool baseVersions)
    {
        var mutation = new Mutation(number, text!, Guid.NewGuid(), text!, number, new Dictionary<string, string?> { ["notes"] = text, ["first_name"] = null, [""] = "x" })
        {
            ColumnBaseVersions = baseVersions ? new Dictionary<string, long> { ["notes"] = number, ["first_name"] = long.MinValue } : null,
        };
        var pending = new PendingMutation(mutation, 1, 1);
        var mutationBytes = Written(new PushRequest([mutation, mutation])) - Written(new PushRequest([mutation]));

        Assert.True(SyncProtocol.MaxPushBodyBytes - PushBody.Room([pending]) >= mutationBytes, $"bound below the {mutationBytes} bytes written");

        var auditEvent = new AuditRecord(number, text!, DateTimeOffset.MaxValue.ToOffset(TimeSpan.FromHours(-14)), baseVersions ? Guid.NewGuid() : null, Guid.NewGuid(), text!, Guid.NewGuid(), text!, text!);
        var auditBytes = Written(new PushRequest([]) { Audit = [auditEvent, auditEvent] }) - Written(new PushRequest([]) { Audit = [auditEvent] });

        Assert.Empty(PushBody.Fit([auditEvent], auditBytes - 1));
        Assert.Single(PushBody.Fit([auditEvent], 10_000));
    }

    private static int Written(PushRequest request) => JsonSerializer.SerializeToUtf8Bytes(request, ProtocolJson.Default.PushRequest).Length;
}
