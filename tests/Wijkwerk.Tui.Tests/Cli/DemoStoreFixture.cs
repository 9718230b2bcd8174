using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Cli;

/// <summary>
/// One demo store built by the real <c>wijkwerk demo</c>, copied for each test that needs one, so the
/// export tests do not each spend the time to build it.
/// </summary>
public sealed class DemoStoreFixture : IDisposable
{
    public const int Clients = 30;

    private readonly TempFolder _template = new();

    public DemoStoreFixture()
    {
        Build = WijkwerkProcess.Run(_template.Path, "demo", "--no-ui", "--clients", Clients.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Build.ExitCode != 0)
            throw new InvalidOperationException("wijkwerk demo failed: " + Build.Error);
    }

    /// <summary>What <c>wijkwerk demo</c> said while building the template.</summary>
    public WijkwerkProcess.Result Build { get; }

    /// <summary>A fresh copy of the demo store's folder inside <paramref name="temp"/>, to point --data at.</summary>
    public string CopyTo(TempFolder temp)
    {
        var target = temp.File("demo");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(_template.Path, "demo")))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }

    public void Dispose() => _template.Dispose();
}
