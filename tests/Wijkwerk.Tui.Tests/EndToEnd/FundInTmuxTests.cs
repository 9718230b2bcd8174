namespace Wijkwerk.Tui.Tests.EndToEnd;

/// <summary>
/// The real program in a real terminal as the fund secretariat of the demo (<c>wijkwerk demo --role fundsecretary</c>):
/// the request that waits longest for payout opened from home, paid out by keyboard after the confirm, and read back
/// after a restart (the balance lowered by its amount). The keys are counted.
/// </summary>
[Collection(nameof(WijkwerkInTmuxTests))]
public sealed class FundInTmuxTests : InTmuxTest
{
    private const string Reference = "BNG 2026-0042";
    private int _pressed;

    [Fact]
    public void APayout_ByKeyboard_IsReadBackAfterARestart()
    {
        Tmux.Start("demo", "--role", "fundsecretary");
        var home = Tmux.WaitFor("Werkvoorraad");
        Press("Enter");
        var detail = Tmux.WaitFor("Stappen van het secretariaat");
        Press("u");
        Tmux.WaitFor("Betalingskenmerk");
        Tmux.Type(Reference);
        Press("C-s");
        var question = Tmux.WaitFor("uitbetalen aan");
        Press("Left", "Enter");
        var recorded = Tmux.WaitFor("kenmerk " + Reference);
        var keys = _pressed;
        Press("Escape");
        Tmux.WaitFor("Werkvoorraad");
        Assert.Equal(0, Quit());

        Tmux.Start("demo", "--role", "fundsecretary");
        var after = Tmux.WaitFor("Werkvoorraad");
        var exit = Quit();

        Assert.Contains("Saldo van het fonds: € 55.535,45", home, StringComparison.Ordinal);
        Assert.Contains("! te laat", home, StringComparison.Ordinal);
        Assert.Contains("Woning inrichten na dakloosheid · € 1.532,00", detail, StringComparison.Ordinal);
        Assert.Contains("€ 1.532,00 uitbetalen aan Kringloop Demo?", Flat(question), StringComparison.Ordinal);
        Assert.Contains("stand: uitbetaald", Flat(recorded), StringComparison.Ordinal);
        Assert.Contains("Saldo van het fonds: € 54.003,45", after, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        // The figure for the note: from home to a recorded payout, the reference typed aside.
        Assert.Equal(5, keys);
        Console.WriteLine($"Fund payout keys: {keys} plus the {Reference.Length} characters of the reference.");
    }

    private static string Flat(string screen) => string.Join(' ', screen.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private void Press(params string[] keys)
    {
        Tmux.Press(keys);
        _pressed += keys.Length;
    }
}
