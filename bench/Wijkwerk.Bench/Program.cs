using BenchmarkDotNet.Running;
using Wijkwerk.Bench;

// "sync [DEVICES]" runs the sync figures against the real server process, "scope [CLIENTS]" the cost of the
// scope checksum by value; anything else goes to BenchmarkDotNet.
if (args is ["scope", ..])
{
    ScopeFigures.Run(args.Length > 1 ? int.Parse(args[1]) : 20_000);
    return;
}

// "keys" prints the keystroke-to-frame figures of the client filter (TUI-FIGURES) without BenchmarkDotNet's runs.
if (args is ["keys", ..])
{
    var figures = new TuiBenchmarks();
    figures.SetupFilter();
    figures.Cleanup();
    return;
}

// "patterns" prints what pattern detection adds to a push into a store of 10,000 tagged rows.
if (args is ["patterns", ..])
{
    await PatternPushFigures.Run();
    return;
}

// "store [ROWS]" prints issue 15's figures at the store, SQLite and PostgreSQL (WIJKWERK_BENCH_PG) in one run.
if (args is ["store", ..])
{
    await StoreFigures.Run(args.Length > 1 ? int.Parse(args[1]) : 100_000);
    return;
}

// "held [SECONDS]" prints what pulls do while a transaction elsewhere holds the PostgreSQL feed (WIJKWERK_BENCH_PG).
if (args is ["held", ..])
{
    await HeldFeedFigures.Run(args.Length > 1 ? int.Parse(args[1]) : 20);
    return;
}

// "devices [N] [ROUNDS]" runs only the sync figures' many devices at once, the one-team burst of a server that has run a while ROUNDS times.
if (args is ["sync" or "devices", ..])
{
    await SyncFigures.Run(Path.Combine(AppContext.BaseDirectory, "wijkwerk-server.dll"), args.Length > 1 ? int.Parse(args[1]) : 200, devicesOnly: args[0] == "devices",
        rounds: args is ["devices", _, var rounds, ..] ? int.Parse(rounds) : 1);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SyncFigures).Assembly).Run(args);
