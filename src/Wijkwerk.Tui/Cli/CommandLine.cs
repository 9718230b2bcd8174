using System.CommandLine;
using Serilog;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Tui.Cli.Commands;

namespace Wijkwerk.Tui.Cli;

/// <summary>The <c>wijkwerk</c> command tree. Every command takes <c>--data</c>, <c>--lang</c> and <c>--help</c>.</summary>
public static class CommandLine
{
    /// <param name="runUi">Opens the full-screen app: the store path, an unlocked store or null for the unlock screen, and --no-color.</param>
    public static RootCommand Build(TimeProvider clock, Func<CliContext, string, LocalStore?, bool, int> runUi)
    {
        var data = new Option<string?>("--data") { Description = "Gegevensmap (standaard: de gebruikersmap) / data folder", Recursive = true };
        var lang = new Option<string>("--lang") { Description = "Taal: nl of en / language", DefaultValueFactory = _ => "nl", Recursive = true };
        lang.AcceptOnlyFromAmong("nl", "en");
        var noColor = new Option<bool>("--no-color") { Description = "Geen kleur / no colour", Recursive = true };

        CliContext Context(ParseResult parse)
        {
            var folder = DataFolder.Resolve(parse.GetValue(data));
            return new CliContext(folder, parse.GetValue(lang) == "en" ? Lang.En : Lang.Nl, clock, Logging.For(folder), Console.Out, Console.Error);
        }

        int Run(ParseResult parse, Func<CliContext, int> action)
        {
            var context = Context(parse);
            try
            {
                return action(context);
            }
            catch (Exception e)
            {
                // Type, code and stack only: an exception message can quote a file name or a value.
                context.Log.Error("Command failed with {ExceptionType} {ErrorCode} at {StackTrace}",
                    e.GetType().Name, (e as Microsoft.Data.Sqlite.SqliteException)?.SqliteErrorCode, e.StackTrace);
                return context.Fail(e is System.Security.Cryptography.CryptographicException or FormatException or InvalidDataException or Core.Domain.Common.DomainException
                    ? context.T(TextId.StoreRowDamaged)
                    : context.T(TextId.UnexpectedError, e.GetType().Name, context.Data.LogFolder));
            }
            finally
            {
                (context.Log as IDisposable)?.Dispose();
            }
        }

        var root = new RootCommand("Wijkwerk: het dossier van het wijkteam, ook zonder netwerk / the neighbourhood team's offline dossier");
        root.Options.Add(data);
        root.Options.Add(lang);
        root.Options.Add(noColor);
        root.SetAction(parse => Run(parse, context =>
        {
            // An existing store is unlocked on the app's own screen; a new one gets its passphrase at the prompt.
            var path = context.Data.StorePath;
            if (File.Exists(path) && Passphrase.FromEnvironment() is null)
                return runUi(context, path, null, parse.GetValue(noColor));
            var opened = StoreOpener.Open(context, context.Data);
            if (opened.Store is not { } store)
                return context.Fail(opened.Error!);
            using (store)
                return runUi(context, path, store, parse.GetValue(noColor));
        }));

        var importCommand = new Command("import", "Gegevens inlezen / import data");
        var importClients = new Command("clients", "Cliënten uit CSV (voornaam,achternaam,geboortedatum,postcode,huisnummer,toevoeging,telefoon,bsn)");
        var importFile = new Argument<string>("FILE") { Description = "CSV-bestand / CSV file" };
        importClients.Arguments.Add(importFile);
        importClients.SetAction(parse => Run(parse, context => ImportCommand.ImportClients(context, parse.GetValue(importFile)!)));
        importCommand.Subcommands.Add(importClients);
        root.Subcommands.Add(importCommand);

        var exportCommand = new Command("export", "Gegevens uitvoeren als CSV of JSON / export as CSV or JSON");
        var format = new Option<string>("--format") { Description = "csv of json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var outFile = new Option<string?>("--out") { Description = "Uitvoerbestand (standaard: scherm) / output file" };
        foreach (var what in new[] { "clients", "signals", "visits", "audit" })
        {
            var command = new Command(what, $"Exporteer {what}");
            command.Options.Add(format);
            command.Options.Add(outFile);
            Option<string?>? client = null;
            if (what == "audit")
            {
                client = new Option<string?>("--client") { Description = "Alleen deze cliënt: wie keek in mijn dossier / only this client" };
                command.Options.Add(client);
            }

            command.SetAction(parse => Run(parse, context => ExportCommand.Export(
                context, what, parse.GetValue(format) == "json" ? ExportFormat.Json : ExportFormat.Csv, parse.GetValue(outFile), client is null ? null : parse.GetValue(client))));
            exportCommand.Subcommands.Add(command);
        }

        exportCommand.Subcommands.Add(ExportIndicationsCommand.Define(format, outFile, Run));
        root.Subcommands.Add(exportCommand);

        var auditCommand = new Command("audit", "Het toegangslog (NEN 7513) / the access log");
        var verify = new Command("verify", "Controleer de hashketen / check the hash chain");
        verify.SetAction(parse => Run(parse, AuditCommand.Verify));
        auditCommand.Subcommands.Add(verify);
        root.Subcommands.Add(auditCommand);

        var demo = new Command("demo", "Open een demo-omgeving met verzonnen gegevens / open a demo store with synthetic data");
        var demoClients = new Option<int>("--clients") { Description = "Aantal cliënten / number of clients", DefaultValueFactory = _ => DemoCommand.DefaultClients };
        demoClients.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 100_000)
                result.AddError("--clients: kies 1 tot en met 100000 / choose 1 to 100000");
        });
        var noUi = new Option<bool>("--no-ui") { Description = "Alleen opbouwen en samenvatten / only build and summarise" };
        var demoRole = new Option<string>("--role")
        {
            Description = "nurse (standaard): als wijkverpleegkundige; consultant: als Wmo-consulent, in een eigen demo-omgeving / as the nurse (default) or as the Wmo consultant",
            DefaultValueFactory = _ => "nurse",
        };
        demoRole.AcceptOnlyFromAmong("nurse", "consultant");
        demo.Options.Add(demoClients);
        demo.Options.Add(noUi);
        demo.Options.Add(demoRole);
        demo.SetAction(parse => Run(parse, context => DemoCommand.Build(
            context, parse.GetValue(demoClients), parse.GetValue(demoRole) == "consultant" ? Core.Domain.Teams.Role.WmoConsultant : Core.Domain.Teams.Role.Nurse,
            parse.GetValue(noUi) ? null : store => runUi(context, store.Path, store, parse.GetValue(noColor)))));
        root.Subcommands.Add(demo);

        var login = new Command("login", "Meld deze laptop aan bij de syncserver / enrol this laptop");
        var server = new Option<string>("--server") { Description = "Adres van de syncserver / server address", Required = true };
        var code = new Option<string>("--code") { Description = "Eenmalige code van de beheerder / one-time code", Required = true };
        var allowHttp = new Option<bool>("--allow-http") { Description = "Sta onversleuteld http toe / allow plain http" };
        login.Options.Add(server);
        login.Options.Add(code);
        login.Options.Add(allowHttp);
        login.SetAction(parse => Run(parse, context => SyncCommands.Login(context, parse.GetValue(server)!, parse.GetValue(code)!, parse.GetValue(allowHttp)).GetAwaiter().GetResult()));
        root.Subcommands.Add(login);

        var sync = new Command("sync", "Verstuur en ontvang wijzigingen / push and pull changes");
        sync.SetAction(parse => Run(parse, context => SyncCommands.Sync(context).GetAwaiter().GetResult()));
        root.Subcommands.Add(sync);

        var passphrase = new Command("passphrase", "Wachtwoordzin beheren / manage the passphrase");
        var change = new Command("change", $"Wijzig de wachtwoordzin (nieuwe uit prompt of {PassphraseCommand.NewPassphraseVariable})");
        change.SetAction(parse => Run(parse, PassphraseCommand.Change));
        passphrase.Subcommands.Add(change);
        root.Subcommands.Add(passphrase);

        return root;
    }
}
