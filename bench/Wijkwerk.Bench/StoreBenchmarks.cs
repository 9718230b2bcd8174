using System.Text;
using BenchmarkDotNet.Attributes;
using Bogus;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Bench;

/// <summary>The foundation's figures: import, unlock and opening a full dossier, on real SQLite files.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class StoreBenchmarks
{
    private string _csv = "";
    private BenchStore? _importTarget;
    private BenchStore? _dossierStore;
    private Id<Client> _dossierClient;

    [GlobalSetup]
    public void Setup()
    {
        var faker = new Faker("nl") { Random = new Randomizer(42) };
        var csv = new StringBuilder(string.Join(',', ClientCsvImport.Header)).Append('\n');
        for (var i = 0; i < 10_000; i++)
            csv.Append($"{faker.Name.FirstName()},{faker.Name.LastName()}{i},1950-01-01,1234 AB,{1 + i},,06{faker.Random.Replace("########")},\n");
        _csv = csv.ToString();

        _dossierStore = new BenchStore();
        var store = _dossierStore.Store;
        var client = ClientInput("Anna", "Berg").Validate(Id<Client>.New(store.Clock), DateOnly.FromDateTime(DateTime.UtcNow)).Client!;
        _dossierClient = client.Id;
        store.Batch(() =>
        {
            store.Clients.Add(client);
            var now = store.Clock.GetUtcNow();
            for (var i = 0; i < 120; i++)
                store.Signals.Add(Signal.Report(Id<Signal>.New(store.Clock), client.Id, SignalSource.Pharmacy, null, faker.Lorem.Sentence(20), [LifeDomain.FittingSupport], Urgency.Normal, ConsentBasis.WithResident, null, now.AddDays(-i)).Value);
            for (var i = 0; i < 80; i++)
                store.Dossiers.AddVisit(HomeVisit.Record(Id<HomeVisit>.New(store.Clock), client.Id, DateOnly.FromDateTime(now.UtcDateTime).AddDays(-i), store.Identity.WorkerId, faker.Lorem.Paragraph(4), ZrmAssessment.Create(ZrmVersion.Zrm2017, new Dictionary<ZrmDomain, int> { [ZrmDomain.Finances] = 3, [ZrmDomain.Housing] = 4 }).Value, DateOnly.FromDateTime(now.UtcDateTime)).Value);
        });
    }

    [GlobalCleanup]
    public void Cleanup() => _dossierStore?.Dispose();

    [IterationSetup(Target = nameof(ImportTenThousandClients))]
    public void FreshStore() => _importTarget = new BenchStore();

    [IterationCleanup(Target = nameof(ImportTenThousandClients))]
    public void DropStore() => _importTarget?.Dispose();

    /// <summary>Parse, validate, check for duplicates, encrypt and write 10,000 clients with their outbox and audit entries.</summary>
    [Benchmark]
    public int ImportTenThousandClients()
    {
        var store = _importTarget!.Store;
        var file = ClientCsvImport.Read(new StringReader(_csv), store.Clock, Lang.Nl);
        return store.Clients.Import(file, Lang.Nl).Count + file.Lines.Count;
    }

    /// <summary>The key derivation (Argon2id, <see cref="Wijkwerk.Core.Security.KeyDerivation.Default"/>), unwrapping the key, checking the file: what a worker waits for.</summary>
    [Benchmark]
    public string Unlock()
    {
        using var store = LocalStore.Open(_dossierStore!.PathToStore + "", BenchStore.Passphrase, TimeProvider.System);
        return store.Identity.WorkerName;
    }

    /// <summary>One client with 120 signals and 80 visits: decrypt all of it and build the newest-first timeline.</summary>
    [Benchmark]
    public int OpenDossierWith200TimelineItems()
    {
        var dossier = _dossierStore!.Store.Dossiers.Open(_dossierClient)!;
        return dossier.Timeline(TimeZoneInfo.Utc).Count;
    }

    private static ClientInput ClientInput(string first, string last) => new(first, last, "1950-01-01", "1234 AB", "1", "", "", "");
}
