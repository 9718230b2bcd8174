using System.Runtime.CompilerServices;
using System.Text;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// Golden files of whole screens under Screens/Snapshots: the text, and the colour and attributes of every
/// cell (<see cref="StyledScreen"/>). A difference fails with a line-by-line diff; run with UPDATE_SNAPSHOTS=1
/// to accept the new screens (then read the git diff).
/// </summary>
public static class Snapshot
{
    public const string UpdateVariable = "UPDATE_SNAPSHOTS";

    /// <summary>The folder of the golden files.</summary>
    public static string Folder => FolderNextTo();

    private static string FolderNextTo([CallerFilePath] string caller = "")
    {
        // Next to the source, found through the compiler's path of this file; a build with mapped source
        // paths (CI) reads the copies in the output folder instead.
        var source = Path.Combine(Path.GetDirectoryName(caller) ?? "", "..", "Screens", "Snapshots");
        return Path.GetFullPath(Directory.Exists(source) ? source : Path.Combine(AppContext.BaseDirectory, "Screens", "Snapshots"));
    }

    /// <summary>Compares the terminal's text and looks with the golden file <paramref name="name"/>.txt.</summary>
    public static void Match(string name, Wijkwerk.Tui.Terminal.FakeTerminal terminal) => Match(name, StyledScreen.Render(terminal));

    private static void Match(string name, string actual)
    {
        var file = Path.Combine(Folder, name + ".txt");
        actual = actual.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, actual);
            return;
        }

        if (!File.Exists(file))
            throw new Xunit.Sdk.XunitException($"No snapshot {file}; run with {UpdateVariable}=1 to create it. The screen was:\n{actual}");
        var expected = File.ReadAllText(file).ReplaceLineEndings("\n");
        if (expected != actual)
            throw new Xunit.Sdk.XunitException($"Screen differs from snapshot {name}.txt ({UpdateVariable}=1 accepts it):\n{Diff(expected, actual)}");
    }

    /// <summary>Every row, marked "  " when equal, "- " as expected and "+ " as rendered where they differ.</summary>
    public static string Diff(string expected, string actual)
    {
        var e = expected.TrimEnd('\n').Split('\n');
        var a = actual.TrimEnd('\n').Split('\n');
        var text = new StringBuilder();
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : null;
            var right = i < a.Length ? a[i] : null;
            if (left == right)
            {
                text.Append($"{i,3}   ").AppendLine(left);
                continue;
            }

            if (left is not null)
                text.Append($"{i,3} - ").AppendLine(left);
            if (right is not null)
                text.Append($"{i,3} + ").AppendLine(right);
        }

        return text.ToString();
    }
}
