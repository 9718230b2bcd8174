using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>A nurse's laptop in the model: who works on it and which team's caseload it holds.</summary>
public sealed record ModelNurse(string Name, string Team, Laptop Laptop);

/// <summary>What a run did, for the test output and the soak script.</summary>
public sealed class ModelFigures
{
    public int Operations { get; set; }
    public int AcceptedEdits { get; set; }
    public int Syncs { get; set; }
    public int CutSyncs { get; set; }
    public int EditsDuringPull { get; set; }
    public int StaleForms { get; set; }
    public int ConflictsReported { get; set; }
    public int Resolutions { get; set; }
    public int AdminMoves { get; set; }
    public int Restarts { get; set; }
    public int Checkpoints { get; set; }
    public int ConflictRecords { get; set; }
    public int ServerRows { get; set; }

    public override string ToString() =>
        $"ops={Operations} accepted-edits={AcceptedEdits} syncs={Syncs} cut-syncs={CutSyncs} edits-during-pull={EditsDuringPull} stale-forms={StaleForms} " +
        $"conflicts-reported={ConflictsReported} conflict-records={ConflictRecords} resolutions={Resolutions} admin-moves={AdminMoves} " +
        $"restarts={Restarts} checkpoints={Checkpoints} server-rows={ServerRows}";
}

/// <summary>
/// Drives three Noord laptops and one Zuid laptop against the real server with a seeded random generator,
/// through the repositories the app uses, and checks the model at quiescent checkpoints. Deterministic for
/// a seed except where real concurrency is the point (two laptops syncing at once).
/// </summary>
public sealed partial class SyncModelRun : IDisposable
{
    private const int QuiescenceRounds = 8;
    private static readonly string[] Teams = ["Noord", "Zuid"];
    private readonly SyncWorld _world;
    private readonly IReadOnlyList<ModelNurse> _nurses;
    private readonly Random _random;
    private readonly int _seed;
    private readonly ModelOracle _oracle = new();
    private readonly List<LogEntry> _log = [];
    private readonly List<string> _problems = [];
    private int _counter;
    private int _step;
    private Guid? _aim;

    private SyncModelRun(SyncWorld world, IReadOnlyList<ModelNurse> nurses, int seed)
    {
        _world = world;
        _nurses = nurses;
        _seed = seed;
        _random = new Random(seed);
    }

    public ModelFigures Figures { get; } = new();

    public static async Task<SyncModelRun> Start(int seed)
    {
        var world = new SyncWorld();
        try
        {
            foreach (var team in Teams)
                world.Team(team);
            // Each admin command is a process: the users in parallel, then the laptops (their order stays fixed).
            (string Name, string Team)[] people = [("Anna", "Noord"), ("Bram", "Noord"), ("Cor", "Noord"), ("Zora", "Zuid")];
            await Task.WhenAll(people.Select(p => Task.Run(() => world.User(p.Name, p.Team))));
            var codes = await Task.WhenAll(people.Select(p => Task.Run(() => world.EnrolmentCode(p.Name))));
            var nurses = new List<ModelNurse>();
            for (var i = 0; i < people.Length; i++)
                nurses.Add(new ModelNurse(people[i].Name, people[i].Team, await world.Laptop(people[i].Name, codes[i])));
            return new SyncModelRun(world, nurses, seed);
        }
        catch
        {
            world.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the operations, checking the model at every checkpoint; returns the account of the first failing
    /// checkpoint, or null. With <paramref name="keepGoing"/> (a soak on code with known failures) it runs on
    /// and returns the accounts of every checkpoint that found something new.
    /// </summary>
    public async Task<string?> Run(int operations, int checkEvery, bool keepGoing = false)
    {
        var clock = Stopwatch.StartNew();
        var accounts = new List<string>();
        var reported = new HashSet<string>();
        for (_step = 0; _step < operations; _step++)
        {
            await Step();
            Figures.Operations++;
            if ((_step + 1) % checkEvery != 0 && _step != operations - 1)
                continue;
            Figures.Checkpoints++;
            var findings = (await QuiesceAndCheck()).Where(f => reported.Add(f.Invariant + f.Text)).ToList();
            if (findings.Count == 0 && _problems.Count == 0)
                continue;
            accounts.Add(Account(findings, clock.Elapsed));
            _problems.Clear();
            if (!keepGoing)
                break;
        }

        return accounts.Count == 0 ? null : string.Join(Environment.NewLine, accounts);
    }

    public void Dispose() => _world.Dispose();

    // ------------------------------------------------------------------ operations

    private async Task Step()
    {
        // A restart and an admin command each start a process (a second or two): about one and three per thousand.
        var roll = _random.Next(1000);
        if (roll < 1)
        {
            Restart();
            return;
        }

        if (roll < 4)
        {
            MoveOnCaseloads();
            return;
        }

        // Zora (Zuid) works a quarter as much as each Noord nurse: her caseload is what moves there.
        var pick = _random.Next(10);
        var nurse = _nurses[pick < 3 ? 0 : pick < 6 ? 1 : pick < 9 ? 2 : 3];
        var op = _random.Next(100);
        switch (op)
        {
            case < 8:
                CreateClient(nurse, "create");
                break;
            case < 32:
                EditClient(nurse, "edit");
                break;
            case < 35:
                await StaleForm(nurse);
                break;
            case < 38:
                DeleteClient(nurse, "delete");
                break;
            case < 44:
                AddSignal(nurse, "add signal");
                break;
            case < 50:
                EditSignal(nurse, "edit signal");
                break;
            case < 54:
                AddHouseholdMember(nurse, "add household member");
                break;
            case < 56:
                RemoveHouseholdMember(nurse);
                break;
            case < 60:
                AddVisit(nurse, "add visit");
                break;
            case < 77:
                await Sync(nurse, BatchSize());
                break;
            case < 81:
                await SyncWithCut(nurse);
                break;
            case < 90:
                await SyncWithEditDuringPull(nurse);
                break;
            case < 96:
                await ResolveConflict(nurse);
                break;
            default:
                await ParallelSyncs();
                break;
        }
    }

    private int BatchSize() => _random.Next(3) switch
    {
        0 => 3,
        1 => 25,
        _ => 500,
    };

    private string Next() => $"s{_seed}-{++_counter}";

    private static DateOnly Today => AmsterdamTime.DayOf(DateTimeOffset.UtcNow);

    private Guid? PickClient(ModelNurse nurse) => Pick(LaptopRows.Ids(nurse.Laptop.Store, ClientRows.Table));

    /// <summary>A random live row, or the row the worker has in front of them when a pull brings a change to it.</summary>
    private Guid? Pick(List<Guid> ids) => _aim is { } aim && ids.Contains(aim) ? aim : ids.Count == 0 ? null : ids[_random.Next(ids.Count)];

    private void CreateClient(ModelNurse nurse, string how)
    {
        var n = Next();
        var (client, problems) = new ClientInput("Naam" + _counter, "Achternaam" + _counter, "1950-01-01", "1234 AB", "1", "", "", "")
            .Validate(Id<Client>.New(_world.Clock), Today);
        Assert.True(problems.Count == 0, string.Join("; ", problems));
        nurse.Laptop.Store.Clients.Add(client!);
        _oracle.RowCreated(_step, nurse.Name, nurse.Team, ClientRows.Table, client!.Id.Value, client.Id.Value);
        Log(nurse, $"{how} client {n}", client.Id.Value);
    }

    private void EditClient(ModelNurse nurse, string how)
    {
        if (PickClient(nurse) is not { } id)
        {
            CreateClient(nurse, how + " (no client yet: create)");
            return;
        }

        var (client, opened) = nurse.Laptop.Store.Clients.OpenForEdit(new Id<Client>(id))!.Value;
        SaveClientField(nurse, id, client, opened, how);
    }

    /// <summary>
    /// Saves one changed field of <paramref name="form"/>, the client as the form holds it (possibly older than the
    /// store's row), the way the client form saves: only what was typed, against the row as the form opened it.
    /// </summary>
    private void SaveClientField(ModelNurse nurse, Guid id, Client form, OpenedRow opened, string how)
    {
        var notes = _random.Next(2) == 0;
        var n = Next();
        var column = notes ? "notes" : "phone";
        var value = notes ? "notitie " + n : "06" + (10_000_000 + _counter).ToString(CultureInfo.InvariantCulture);
        var seen = notes ? form.Notes : form.Phone?.Value ?? "";
        var saved = notes ? form with { Notes = value } : form with { Phone = PhoneNumber.Parse(value).Value };
        if (nurse.Laptop.Store.Clients.Update(saved, opened))
            _oracle.Edited(_step, nurse.Name, nurse.Team, ClientRows.Table, id, id, column, value, seen, how);
        Log(nurse, $"{how} clients.{column} = \"{value}\" (was \"{seen}\")", id);
    }

    /// <summary>
    /// A form opened before the laptop's background sync and saved after it (scenario 3): the worker changed one
    /// field of what the form showed when it opened.
    /// </summary>
    private async Task StaleForm(ModelNurse nurse)
    {
        if (PickClient(nurse) is not { } id)
        {
            CreateClient(nurse, "stale form (no client yet: create)");
            return;
        }

        var (form, opened) = nurse.Laptop.Store.Clients.OpenForEdit(new Id<Client>(id))!.Value;
        Log(nurse, "form opened", id);
        await Sync(nurse, 500);
        if (nurse.Laptop.Store.Clients.Find(new Id<Client>(id)) is null)
        {
            Log(nurse, "form closed: the client is gone", id);
            return;
        }

        Figures.StaleForms++;
        SaveClientField(nurse, id, form, opened, "stale form");
    }

    private void DeleteClient(ModelNurse nurse, string how)
    {
        if (PickClient(nurse) is not { } id)
            return;
        var store = nurse.Laptop.Store;
        // The worker deletes what the laptop shows: every value of the client and of its rows here is knowingly gone.
        foreach (var table in SyncSchema.Tables.Where(t => t.Name == ClientRows.Table || t.ClientColumn is not null))
        {
            foreach (var row in LaptopRows.Ids(store, table.Name, id))
            {
                _oracle.RowDeleted(table.Name, row);
                foreach (var column in TrackedColumns.Where(t => t.Table == table.Name).SelectMany(t => t.Columns))
                    _oracle.SupersedeShown(_step, nurse.Name, table.Name, row, column, LaptopRows.Shown(store, table.Name, row, column));
            }
        }

        store.Clients.Delete(new Id<Client>(id));
        Log(nurse, how + " client", id);
    }

    private static readonly (string Table, string[] Columns)[] TrackedColumns =
    [
        (ClientRows.Table, ["notes", "phone"]),
        (SignalRows.Table, ["observation"]),
        (VisitRows.Table, ["notes"]),
    ];

    private void AddSignal(ModelNurse nurse, string how)
    {
        if (PickClient(nurse) is not { } client)
            return;
        var n = Next();
        var observation = "observatie " + n;
        var signal = Signal.Report(Id<Signal>.New(_world.Clock), new Id<Client>(client), (SignalSource)_random.Next((int)SignalSource.Other), null, observation,
            [(LifeDomain)(1 + _random.Next(5))], Urgency.Normal, ConsentBasis.WithResident, null, _world.Clock.GetUtcNow()).Value;
        nurse.Laptop.Store.Signals.Add(signal);
        _oracle.RowCreated(_step, nurse.Name, nurse.Team, SignalRows.Table, signal.Id.Value, client);
        _oracle.Edited(_step, nurse.Name, nurse.Team, SignalRows.Table, signal.Id.Value, client, "observation", observation, null, how);
        Log(nurse, $"{how} {Short(signal.Id.Value)} \"{observation}\"", client, signal.Id.Value);
    }

    private void EditSignal(ModelNurse nurse, string how)
    {
        var store = nurse.Laptop.Store;
        if (Pick(LaptopRows.Ids(store, SignalRows.Table)) is not { } id)
        {
            AddSignal(nurse, how + " (no signal yet: add)");
            return;
        }

        var signal = store.Query(SignalRows.Table, "id = $id", SignalRows.FromRow, ("$id", id.ToString())).Single();
        var value = "observatie " + Next();
        if (store.Signals.Update(signal with { Observation = value }))
            _oracle.Edited(_step, nurse.Name, nurse.Team, SignalRows.Table, id, signal.ClientId.Value, "observation", value, signal.Observation, how);
        Log(nurse, $"{how} signals.observation = \"{value}\" (was \"{signal.Observation}\")", signal.ClientId.Value, id);
    }

    private void AddHouseholdMember(ModelNurse nurse, string how)
    {
        if (PickClient(nurse) is not { } client)
            return;
        var member = new HouseholdMember(Id<HouseholdMember>.New(_world.Clock), new Id<Client>(client), "Huisgenoot " + Next(),
            (HouseholdRelation)_random.Next(5), _random.Next(2) == 0 ? null : new DateOnly(1980, 5, 17));
        nurse.Laptop.Store.Dossiers.AddHouseholdMember(member);
        _oracle.RowCreated(_step, nurse.Name, nurse.Team, HouseholdRows.Table, member.Id.Value, client);
        Log(nurse, $"{how} {Short(member.Id.Value)} \"{member.Name}\"", client, member.Id.Value);
    }

    private void RemoveHouseholdMember(ModelNurse nurse)
    {
        var store = nurse.Laptop.Store;
        if (Pick(LaptopRows.Ids(store, HouseholdRows.Table)) is not { } id)
            return;
        var member = store.Query(HouseholdRows.Table, "id = $id", HouseholdRows.FromRow, ("$id", id.ToString())).Single();
        store.Dossiers.RemoveHouseholdMember(member);
        _oracle.RowDeleted(HouseholdRows.Table, id);
        Log(nurse, "remove household member " + Short(id), member.ClientId.Value, id);
    }

    private void AddVisit(ModelNurse nurse, string how)
    {
        if (PickClient(nurse) is not { } client)
            return;
        var notes = "bezoek " + Next();
        var visit = HomeVisit.Record(Id<HomeVisit>.New(_world.Clock), new Id<Client>(client), Today.AddDays(-1 - _random.Next(30)),
            nurse.Laptop.Store.Identity.WorkerId, notes, null, Today).Value;
        nurse.Laptop.Store.Dossiers.AddVisit(visit);
        _oracle.RowCreated(_step, nurse.Name, nurse.Team, VisitRows.Table, visit.Id.Value, client);
        _oracle.Edited(_step, nurse.Name, nurse.Team, VisitRows.Table, visit.Id.Value, client, "notes", notes, null, how);
        Log(nurse, $"{how} {Short(visit.Id.Value)} \"{notes}\"", client, visit.Id.Value);
    }

    private async Task<SyncReport?> Sync(ModelNurse nurse, int batch, HttpMessageHandler? handler = null, string how = "sync")
    {
        try
        {
            var report = await nurse.Laptop.Sync(handler, batch);
            Count(report);
            Log(nurse, $"{how} (batch {batch}): {Describe(report)}");
            return report;
        }
        catch (SyncTransportException e)
        {
            Log(nurse, $"{how} (batch {batch}) failed: {e.Message}");
            return null;
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Problem(nurse, how, e);
            return null;
        }
    }

    private async Task SyncWithCut(ModelNurse nurse)
    {
        var failAt = 1 + _random.Next(4);
        var cut = _random.Next(2) == 0 ? FaultyHandler.Cut.BeforeRequest : FaultyHandler.Cut.AfterResponse;
        using var handler = new FaultyHandler(failAt, cut);
        Figures.CutSyncs++;
        await Sync(nurse, _random.Next(2) == 0 ? 3 : 25, handler, $"sync cut at request {failAt} ({cut})");
    }

    /// <summary>
    /// F5: the sync runs on a second connection while the worker keeps typing; the edit lands when a pull page
    /// has arrived and before the laptop applies it (scenarios 1 and 2). The laptop may still be writing the page
    /// before (it asks for the next page first), so the edit reads what it shows and writes in one transaction:
    /// what the oracle records as seen is then what the write was made on.
    /// </summary>
    private async Task SyncWithEditDuringPull(ModelNurse nurse)
    {
        var kind = _random.Next(100);
        var fireAtPage = _random.Next(4) == 0 ? 2 : 1;
        var batch = BatchSize();
        var aimed = kind is >= 60 and < 80 ? SignalRows.Table : ClientRows.Table;
        Action edit = kind switch
        {
            < 60 => () => EditClient(nurse, "edit during pull"),
            < 80 => () => EditSignal(nurse, "edit during pull"),
            < 90 => () => AddHouseholdMember(nurse, "add during pull"),
            _ => () => DeleteClient(nurse, "delete during pull"),
        };
        Figures.EditsDuringPull++;
        var fired = false;
        using var handler = new EditDuringPullHandler(fireAtPage, page =>
        {
            fired = true;
            // Mostly the worker is typing in a row this very page changes (or deletes): the race of scenarios 1 and 2.
            var changed = page.Changes.Where(c => c.Table == aimed && !c.Removed).Select(c => c.RowId).Distinct().ToList();
            _aim = changed.Count > 0 && _random.Next(10) < 7 ? changed[_random.Next(changed.Count)] : null;
            nurse.Laptop.Store.Batch(edit);
            _aim = null;
        });
        using var second = nurse.Laptop.Store.OpenAnother();
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = _world.Address };
        try
        {
            var report = await new SyncEngine(second, new HttpSyncTransport(http)) { PushBatchSize = batch, PullPageSize = batch }.Run();
            Count(report);
            Log(nurse, $"sync on a second connection (batch {batch}, edit at pull page {fireAtPage}{(fired ? "" : ", never reached")}): {Describe(report)}");
        }
        catch (SyncTransportException e)
        {
            Log(nurse, $"sync on a second connection failed: {e.Message}");
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Problem(nurse, "sync on a second connection", e);
        }

        if (!fired)
            edit();
    }

    private async Task ResolveConflict(ModelNurse nurse)
    {
        var store = nurse.Laptop.Store;
        // In the order the server recorded them: conflict ids are random, the order must follow the seed.
        var open = store.Conflicts.Open().Where(c => c.Column != "deleted").OrderBy(c => c.At).ThenBy(c => c.Table).ThenBy(c => c.Column).ToList();
        if (open.Count == 0)
        {
            await Sync(nurse, BatchSize());
            return;
        }

        var conflict = open[_random.Next(open.Count)];
        var takeOver = _random.Next(2) == 0;
        var chosen = takeOver ? conflict.KeptValue : conflict.OtherValue;
        var shown = LaptopRows.Shown(store, conflict.Table, conflict.RowId, conflict.Column);
        // Both sides of the conflict were in front of the worker: whichever is not chosen is knowingly given up.
        foreach (var value in new[] { conflict.KeptValue, conflict.OtherValue, shown })
            _oracle.SupersedeShown(_step, nurse.Name, conflict.Table, conflict.RowId, conflict.Column, value);
        store.Conflicts.Resolve(conflict, chosen);
        Figures.Resolutions++;
        if (shown is not null && shown != chosen)
            _oracle.Edited(_step, nurse.Name, nurse.Team, conflict.Table, conflict.RowId, conflict.ClientId ?? conflict.RowId, conflict.Column, chosen, null, "conflict choice", conflict.Id);
        Log(nurse, $"resolve conflict {Short(conflict.Id)} on {conflict.Table}.{conflict.Column}: {(takeOver ? "take over" : "keep mine")} \"{chosen}\" (showed {(shown is null ? "no row" : $"\"{shown}\"")})",
            conflict.RowId, conflict.ClientId ?? Guid.Empty);
    }

    /// <summary>Two laptops sync at the same moment: real concurrency on the server (the one non-deterministic step).</summary>
    private async Task ParallelSyncs()
    {
        var first = _random.Next(_nurses.Count);
        var second = (first + 1 + _random.Next(_nurses.Count - 1)) % _nurses.Count;
        await Task.WhenAll(Sync(_nurses[first], 500, how: "parallel sync"), Sync(_nurses[second], 25, how: "parallel sync"));
    }

    /// <summary>The admin moves a client between caseloads with the real admin command (a process: rare).</summary>
    private void MoveOnCaseloads()
    {
        var server = ServerRows.Read(_world.Database);
        var clients = _oracle.Created.Where(c => c.Table == ClientRows.Table && server.Find(c.Table, c.Row) is { Deleted: false }).Select(c => c.Row).ToList();
        if (clients.Count == 0)
            return;
        var client = clients[_random.Next(clients.Count)];
        var on = Teams.Where(t => server.Caseload(t).Contains(client)).ToHashSet();
        var moves = (on.Contains("Noord"), on.Contains("Zuid")) switch
        {
            (true, false) => _random.Next(3) switch
            {
                0 => new[] { ("unassign", "Noord") },
                1 => [("assign", "Zuid"), ("unassign", "Noord")],
                _ => [("assign", "Zuid")],
            },
            (false, true) => _random.Next(2) == 0 ? [("assign", "Noord")] : [("assign", "Noord"), ("unassign", "Zuid")],
            (true, true) => [(_random.Next(2) == 0 ? ("unassign", "Noord") : ("unassign", "Zuid"))],
            _ => [("assign", "Noord")],
        };
        foreach (var (verb, team) in moves)
        {
            var (code, _, error) = SyncWorld.Run(SyncWorld.ServerDll, ["admin", "client", verb, client.ToString(), "--team", team, "--db", _world.Database]);
            if (code != 0)
            {
                _problems.Add($"#{_step} admin client {verb} {Short(client)} --team {team} failed ({code}): {error.Trim()}");
                return;
            }

            if (verb == "unassign")
                _oracle.LeftCaseload(client, team, _step);
            Figures.AdminMoves++;
            Log(null, $"admin client {verb} --team {team}", client);
        }
    }

    private void Restart()
    {
        _world.RestartServer();
        Figures.Restarts++;
        Log(null, "server killed and restarted");
    }

    // Two syncs may finish at once (ParallelSyncs): the log and the figures take turns.
    private readonly Lock _gate = new();

    private void Count(SyncReport report)
    {
        lock (_gate)
        {
            Figures.Syncs++;
            Figures.ConflictsReported += report.Conflicts;
        }
    }

    private static string Describe(SyncReport r) =>
        $"pushed {r.Pushed} (accepted {r.Accepted}, conflicts {r.Conflicts}, refused {r.Refused}), pulled {r.Pulled}, removed {r.Removed}, converged {r.Converged}";

    private void Problem(ModelNurse nurse, string what, Exception e)
    {
        lock (_gate)
            _problems.Add($"#{_step} {nurse.Name}: {what} threw {e.GetType().Name}: {e.Message}");
    }

    private void Log(ModelNurse? nurse, string text, params Guid[] rows)
    {
        lock (_gate)
            _log.Add(new LogEntry(_step, nurse?.Name ?? "admin", text, rows));
    }

    // The tail: ids are Guid v7, whose first characters are the creation time and alike for a whole run.
    private static string Short(Guid id) => id.ToString("N")[^8..];

    private sealed record LogEntry(int Step, string Who, string Text, Guid[] Rows)
    {
        public override string ToString() =>
            $"  #{Step} {Who}: {Text}{(Rows.Length == 0 ? "" : " [" + string.Join(", ", Rows.Where(r => r != Guid.Empty).Select(Short)) + "]")}";
    }

    /// <summary>Runs an edit once when the chosen pull page has come back and before the engine applies it.</summary>
    private sealed class EditDuringPullHandler(int page, Action<PullResponse> edit) : DelegatingHandler(new SocketsHttpHandler())
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
        private int _pulls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri?.AbsolutePath.StartsWith(SyncProtocol.PullPath, StringComparison.Ordinal) == true && ++_pulls == page)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                edit(JsonSerializer.Deserialize<PullResponse>(await response.Content.ReadAsStringAsync(cancellationToken), Json)!);
            }

            return response;
        }
    }
}
