using System.Runtime.CompilerServices;
using System.Text;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// Golden text files of whole screens under Screens/Snapshots. A difference fails with a line-by-line
/// diff; run with UPDATE_SNAPSHOTS=1 to accept the new screens (then read the git diff).
/// </summary>
public static class Snapshot
{
    public const string UpdateVariable = "UPDATE_SNAPSHOTS";

    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        // Next to the source, found through the compiler's path of this file; a build with mapped source
        // paths (CI) reads the copies in the output folder instead.
        var source = Path.Combine(Path.GetDirectoryName(caller) ?? "", "..", "Screens", "Snapshots");
        var folder = Directory.Exists(source) ? source : Path.Combine(AppContext.BaseDirectory, "Screens", "Snapshots");
        var file = Path.GetFullPath(Path.Combine(folder, name + ".txt"));
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
