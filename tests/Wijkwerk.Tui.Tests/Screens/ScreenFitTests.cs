using System.Text.RegularExpressions;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// Reads every golden screen at 80×24 (so a screen added later is checked too) and fails when a word on it was
/// cut without "…": a word that runs into the right edge (every screen leaves its last column empty), or a word
/// found on no golden screen at 160×50, where there is room for words whole. Words are letters and digits; a cut
/// one shows as its stump ("vroegsign" for "vroegsignalering"). A word that touches a frame line is the screen
/// behind an overlay (help, a dialog), covered on purpose, not cut.
/// </summary>
public sealed partial class ScreenFitTests
{
    public static TheoryData<string> SmallScreens()
    {
        var names = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Snapshot.Folder, "*-80x24.txt").Order(StringComparer.Ordinal))
            names.Add(Path.GetFileNameWithoutExtension(file));
        return names;
    }

    /// <summary>Guards the theories above against passing on an empty folder.</summary>
    [Fact]
    public void GoldenScreensAt80x24_AreFound()
    {
        Assert.True(Directory.GetFiles(Snapshot.Folder, "*-80x24.txt").Length >= 19, $"Expected the golden screens in {Snapshot.Folder}.");
    }

    [Theory]
    [MemberData(nameof(SmallScreens))]
    public void NoWordRunsIntoTheRightEdge(string name)
    {
        var rows = Rows(name);

        var cut = rows.Select((row, y) => (row, y)).Where(r => r.row.Length == 80 && char.IsLetterOrDigit(r.row[79]) && char.IsLetterOrDigit(r.row[78])).ToList();

        Assert.True(cut.Count == 0, $"{name}: a word runs into the right edge on row(s) {string.Join(", ", cut.Select(c => c.y))}:\n{string.Join('\n', cut.Select(c => c.row))}");
    }

    [Theory]
    [MemberData(nameof(SmallScreens))]
    public void EveryWord_IsWholeOrEndsInAnEllipsis(string name)
    {
        // Only screens drawn at both sizes: the big ones then hold what this one shows (the English and the
        // too-small screen have no big twin).
        if (!File.Exists(Path.Combine(Snapshot.Folder, name.Replace("-80x24", "-160x50", StringComparison.Ordinal) + ".txt")))
            return;
        var whole = Directory.GetFiles(Snapshot.Folder, "*-160x50.txt")
            .SelectMany(file => Words(StyledScreen.TextRows(File.ReadAllText(file))))
            .Select(w => w.Word)
            .ToHashSet(StringComparer.Ordinal);

        var cut = Words(Rows(name)).Where(w => !w.Ellipsis && !w.TouchesFrame && !whole.Contains(w.Word)).ToList();

        Assert.True(cut.Count == 0, $"{name}: cut without \"…\" (on no screen at 160×50): {string.Join(", ", cut.Select(c => $"'{c.Word}' in row {c.Row}"))}");
    }

    private static string[] Rows(string name) => StyledScreen.TextRows(File.ReadAllText(Path.Combine(Snapshot.Folder, name + ".txt")));

    private static IEnumerable<(string Word, bool Ellipsis, bool TouchesFrame, int Row)> Words(string[] rows) =>
        rows.SelectMany((row, y) => WordPattern().Matches(row).Select(m =>
            (m.Groups[1].Value, m.Groups[2].Success, IsFrame(row, m.Index - 1) || IsFrame(row, m.Index + m.Length), y)));

    /// <summary>Box-drawing characters (U+2500 to U+257F) frame an overlay.</summary>
    private static bool IsFrame(string row, int x) => x >= 0 && x < row.Length && row[x] is >= '\u2500' and <= '\u257F';

    [GeneratedRegex(@"([\p{L}\p{N}]+)(…)?")]
    private static partial Regex WordPattern();
}
