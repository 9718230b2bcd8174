using System.Reflection;
using System.Text.Json;
using Wijkwerk.SyncServer.Cli;

namespace Wijkwerk.SyncServer.Tests.Hosting;

/// <summary>
/// The server holds every team's real caseload; made-up residents and the library that invents them
/// belong to the laptop's demo only, so neither may reach the server's output.
/// </summary>
public class NoFakeDataShippedTests
{
    private static readonly string[] FakeDataAssemblies = ["Bogus", "Wijkwerk.Demo"];

    [Fact]
    public void ServerAssemblies_ReferenceNoFakeDataAssembly()
    {
        var reached = OwnAssembliesReachedFrom(typeof(ServerCommandLine).Assembly);

        var references = reached.SelectMany(a => a.GetReferencedAssemblies()).Select(r => r.Name).Distinct().ToList();

        Assert.Contains("Wijkwerk.Core", reached.Select(a => a.GetName().Name));
        Assert.Empty(references.Intersect(FakeDataAssemblies));
    }

    [Fact]
    public void ServerDependencyManifest_ListsNoFakeDataPackage()
    {
        // The manifest `dotnet publish` ships beside wijkwerk-server.dll: every library it loads is listed there.
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "wijkwerk-server.deps.json")));

        var libraries = manifest.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0]).ToList();

        Assert.Contains("Wijkwerk.Core", libraries);
        Assert.Empty(libraries.Intersect(FakeDataAssemblies, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Our own assemblies the server loads, followed through their references; packages and the framework end the walk.</summary>
    private static List<Assembly> OwnAssembliesReachedFrom(Assembly start)
    {
        var reached = new List<Assembly> { start };
        for (var i = 0; i < reached.Count; i++)
        {
            foreach (var name in reached[i].GetReferencedAssemblies())
            {
                if (name.Name?.StartsWith("Wijkwerk.", StringComparison.Ordinal) == true && reached.All(a => a.GetName().Name != name.Name))
                    reached.Add(Assembly.Load(name));
            }
        }

        return reached;
    }
}
