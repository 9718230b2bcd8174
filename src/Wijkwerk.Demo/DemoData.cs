using Bogus;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Repositories;

namespace Wijkwerk.Demo;

/// <summary>
/// A caseload of made-up residents (Bogus, Dutch locale, fixed seed): the same data on every run for
/// the same day, so a demo or a benchmark can be repeated.
/// </summary>
public static class DemoData
{
    public const int Seed = 20261122;

    public static readonly StoreIdentity DemoWorker = new(
        new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-000000000001")), "Sanne Demo", Role.Nurse,
        Guid.Parse("0193a000-0000-7000-8000-0000000000d1"));

    /// <summary>The municipality's Wmo consultant of the demo: asks about and decides the demo's advices, and can open a demo store of their own.</summary>
    public static readonly StoreIdentity DemoConsultant = new(
        new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-000000000002")), "Kees Demo", Role.WmoConsultant,
        Guid.Parse("0193a000-0000-7000-8000-0000000000d2"));

    private static readonly string[] Observations =
    [
        "Apotheek meldt dat mevrouw haar medicatie drie keer kwijt is geraakt en verward overkomt.",
        "Wankel ter been bij het huisbezoek; valgevaar op de trap.",
        "Betalingsachterstand huur van twee maanden gemeld via vroegsignalering.",
        "Buren maken zich zorgen: post stapelt zich op, gordijnen blijven dicht.",
        "Woningcorporatie meldt vervuiling en geuroverlast.",
        "Huisarts vraagt om een huisbezoek wegens vereenzaming.",
        "Koelkast voor insuline defect; vervanging nodig.",
        "Mantelzorger overbelast, vraagt om ondersteuning.",
    ];

    private static readonly string[] VisitNotes =
    [
        "Keukentafelgesprek gevoerd; inwoner wil graag thuis blijven wonen.",
        "Dochter aanwezig. Afspraken gemaakt over boodschappen en medicatie.",
        "Administratie doorgenomen; schuldhulp besproken.",
        "Inwoner geeft aan zich eenzaam te voelen; dagbesteding besproken.",
    ];

    public sealed record Summary(int Clients, int Signals, int Visits, int Consents, int HouseholdMembers, int Advices);

    public static Summary Fill(LocalStore store, int clientCount)
    {
        var faker = new Faker("nl") { Random = new Randomizer(Seed) };
        var clock = store.Clock;
        var now = clock.GetUtcNow();
        var today = AmsterdamTime.Today(clock);
        // The caseload is the nurse's, whoever opens the demo: a consultant's demo store shows the same residents.
        var worker = DemoWorker.WorkerId;

        var clients = Enumerable.Range(0, clientCount).Select(i => NewClient(faker, DeterministicId<Client>(i, 0), today)).ToList();
        int signals = 0, visits = 0, consents = 0, members = 0, advices = 0;
        store.Batch(() =>
        {
            store.Clients.Import(clients);
            for (var i = 0; i < clients.Count; i++)
            {
                var client = clients[i];
                var consent = Consent.Record(DeterministicId<Consent>(i, 1), client.Id, "Overleg met huisarts en apotheek", ConsentStatus.Given, "", today.AddDays(-faker.Random.Int(1, 300)), worker, today).Value;
                store.Dossiers.AddConsent(consent);
                consents++;

                if (faker.Random.Bool(0.4f))
                {
                    store.Dossiers.AddHouseholdMember(new HouseholdMember(DeterministicId<HouseholdMember>(i, 2), client.Id, faker.Name.FirstName(), faker.PickRandom<HouseholdRelation>(), null));
                    members++;
                }

                for (var s = 0; s < faker.Random.Int(0, 3); s++)
                {
                    var signal = NewSignal(faker, DeterministicId<Signal>(i, 10 + s), client.Id, worker, now);
                    store.Signals.Add(signal);
                    signals++;
                }

                for (var v = 0; v < faker.Random.Int(0, 2); v++)
                {
                    // Most visits score a few domains, some none at all: every domain is optional.
                    var asked = faker.PickRandom(Enum.GetValues<ZrmDomain>(), faker.Random.Int(0, 5)).ToDictionary(d => d, _ => faker.Random.Int(1, 5));
                    var zrm = asked.Count == 0 ? null : ZrmAssessment.Create(ZrmVersion.Zrm2017, asked).Value;
                    var visit = HomeVisit.Record(DeterministicId<HomeVisit>(i, 20 + v), client.Id, today.AddDays(-faker.Random.Int(0, 400)), worker, faker.PickRandom(VisitNotes), zrm, today).Value;
                    store.Dossiers.AddVisit(visit);
                    visits++;
                }
            }

            store.Write(scope =>
            {
                AdviceRepository.RememberTeam(store, scope, DemoAdvices.NorthTeam);
                return 0;
            });
            advices = DemoAdvices.Fill(store, clients.Select(c => c.Id).ToList());
        });

        return new Summary(clients.Count, signals, visits, consents, members, advices);
    }

    private static Client NewClient(Faker faker, Id<Client> id, DateOnly today)
    {
        var letters = faker.Random.String2(2, "ABCEFGHJKLMNPRTVWXZ");
        var input = new ClientInput(
            faker.Name.FirstName(),
            faker.Name.LastName(),
            DateText.Iso(today.AddDays(-faker.Random.Int(18 * 365, 98 * 365))),
            $"{faker.Random.Int(1000, 9999)} {letters}",
            faker.Random.Int(1, 250).ToString(System.Globalization.CultureInfo.InvariantCulture),
            faker.Random.Bool(0.15f) ? faker.Random.String2(1, "ABC") : "",
            "06" + faker.Random.Replace("########"),
            faker.Random.Bool(0.6f) ? SyntheticBsn.Next(faker.Random).Digits : "");
        var (client, problems) = input.Validate(id, today);
        return client ?? throw new InvalidOperationException("Demo client invalid: " + string.Join("; ", problems.Select(p => p.Field)));
    }

    private static Signal NewSignal(Faker faker, Id<Signal> id, Id<Client> clientId, Id<Worker> worker, DateTimeOffset now)
    {
        var reported = now - TimeSpan.FromMinutes(faker.Random.Int(10, 60 * 24 * 60));
        var urgency = faker.Random.Bool(0.15f) ? Urgency.Eropaf : Urgency.Normal;
        if (urgency == Urgency.Eropaf)
            reported = now - TimeSpan.FromMinutes(faker.Random.Int(10, 8 * 60));
        var signal = Signal.Report(
            id, clientId, faker.PickRandom<SignalSource>(), "buurtsportcoach", faker.PickRandom(Observations),
            faker.PickRandom(Enum.GetValues<LifeDomain>(), faker.Random.Int(1, 2)), urgency, ConsentBasis.WithResident, worker, reported).Value;
        return faker.Random.Int(0, 3) switch
        {
            0 => signal,
            1 => signal.MoveTo(SignalStatus.PickedUp, reported.AddHours(faker.Random.Int(1, 6))).Value,
            2 => signal.MoveTo(SignalStatus.PickedUp, reported.AddHours(1)).Value.MoveTo(SignalStatus.Referred, reported.AddDays(1)).Value,
            _ => signal.MoveTo(SignalStatus.PickedUp, reported.AddHours(1)).Value.MoveTo(SignalStatus.Closed, reported.AddDays(2)).Value,
        };
    }

    // Ids derived from the seed and position, so two demo stores built the same day hold the same records.
    internal static Id<T> DeterministicId<T>(int index, int kind)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Seed);
        BitConverter.TryWriteBytes(bytes[4..], index);
        BitConverter.TryWriteBytes(bytes[8..], kind);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Id<T>(new Guid(bytes));
    }
}
