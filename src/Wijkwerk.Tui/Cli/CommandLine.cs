using System.CommandLine;
using System.Globalization;
using Serilog;
using Wijkwerk.Cli;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Tui.Cli.Commands;

namespace Wijkwerk.Tui.Cli;

/// <summary>The <c>wijkwerk</c> command tree. Every command takes <c>--data</c>, <c>--lang</c> and <c>--help</c>.</summary>
public static class CommandLine
{
    public static int Invoke(string[] args, TimeProvider clock, Func<CliContext, string, StoreUnlock?, bool, int> runUi)
    {
        var lang = CliLanguage.FromArgs(args);
        return LocalizedInvocation.Invoke(Build(clock, runUi, lang).Parse(args), lang, Console.Error);
    }

    /// <param name="runUi">Opens the full-screen app: the store path, the store being unlocked or null for the unlock screen, and --no-color.</param>
    /// <param name="lang">The language of the help and the descriptions, read from the arguments before parsing.</param>
    public static RootCommand Build(TimeProvider clock, Func<CliContext, string, StoreUnlock?, bool, int> runUi, Lang lang)
    {
        string T(TextId id, params object[] args) => Texts.Format(id, lang, args);
        var data = new Option<string?>("--data") { Description = T(TextId.CliDataOption), HelpName = T(TextId.CliValueFolder), Recursive = true };
        var langOption = CliLanguage.Option(lang);
        var noColor = new Option<bool>("--no-color") { Description = T(TextId.CliNoColorOption), Recursive = true };

        CliContext Context(DataFolder folder)
        {
            folder.CreateForOwner();
            return new CliContext(folder, lang, clock, Logging.For(folder), Console.Out, Console.Error);
        }

        // A command that reads a store refuses a folder without one before anything is made there, not even the log.
        int RunOnStore(ParseResult parse, Func<CliContext, int> action)
        {
            var folder = DataFolder.Resolve(parse.GetValue(data));
            if (!File.Exists(folder.StorePath))
            {
                Console.Error.WriteLine(T(TextId.StoreMissingNothingCreated, folder.Root));
                return ExitCodes.Failure;
            }

            return Run(parse, action);
        }

        int Run(ParseResult parse, Func<CliContext, int> action)
        {
            var context = Context(DataFolder.Resolve(parse.GetValue(data)));
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
                    : context.T(TextId.UnexpectedError, context.Data.LogFolder));
            }
            finally
            {
                (context.Log as IDisposable)?.Dispose();
            }
        }

        var root = new RootCommand(T(TextId.CliRoot));
        LocalizedHelp.Apply(root, lang);
        root.Options.Add(data);
        root.Options.Add(langOption);
        root.Options.Add(noColor);
        root.SetAction(parse =>
        {
            // An existing store is unlocked on the app's own screen, or, with the passphrase in the environment, in the
            // background from here on; a new one gets its passphrase at the prompt.
            var path = DataFolder.Resolve(parse.GetValue(data)).StorePath;
            var exists = File.Exists(path);
            var fromEnvironment = Passphrase.FromEnvironment();
            var unlocking = exists && fromEnvironment is not null ? StoreUnlock.Begin(path, fromEnvironment, clock) : null;
            return Run(parse, context =>
            {
                if (exists)
                    return runUi(context, path, unlocking, parse.GetValue(noColor));
                var opened = StoreOpener.Open(context, context.Data);
                return opened.Store is { } store
                    ? runUi(context, path, StoreUnlock.Done(store), parse.GetValue(noColor))
                    : context.Fail(opened.Error!);
            });
        });

        var importCommand = new Command("import", T(TextId.CliImport));
        var importClients = new Command("clients", T(TextId.CliImportClients));
        var importFile = new Argument<string>("FILE") { Description = T(TextId.CliImportFile), HelpName = T(TextId.CliValueFile) };
        importClients.Arguments.Add(importFile);
        importClients.SetAction(parse => Run(parse, context => ImportCommand.ImportClients(context, parse.GetValue(importFile)!)));
        importCommand.Subcommands.Add(importClients);
        root.Subcommands.Add(importCommand);

        var exportCommand = new Command("export", T(TextId.CliExport));
        var format = new Option<string>("--format") { Description = T(TextId.CliExportFormat), DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var outFile = new Option<string?>("--out") { Description = T(TextId.CliExportOut), HelpName = T(TextId.CliValueFile) };
        foreach (var (what, description) in new[]
        {
            ("clients", TextId.CliExportClients), ("signals", TextId.CliExportSignals), ("visits", TextId.CliExportVisits), ("audit", TextId.CliExportAudit),
        })
        {
            var command = new Command(what, T(description));
            command.Options.Add(format);
            command.Options.Add(outFile);
            Option<string?>? client = null;
            if (what == "audit")
            {
                client = new Option<string?>("--client") { Description = T(TextId.CliExportAuditClient), HelpName = T(TextId.CliValueClientId) };
                command.Options.Add(client);
            }

            command.SetAction(parse => RunOnStore(parse, context => ExportCommand.Export(
                context, what, parse.GetValue(format) == "json" ? ExportFormat.Json : ExportFormat.Csv, parse.GetValue(outFile), client is null ? null : parse.GetValue(client))));
            exportCommand.Subcommands.Add(command);
        }

        exportCommand.Subcommands.Add(ExportIndicationsCommand.Define(format, outFile, RunOnStore, lang));
        exportCommand.Subcommands.Add(ExportMandatesCommand.Define(format, outFile, RunOnStore, lang));
        exportCommand.Subcommands.Add(ExportBudgetCommand.Define(format, outFile, RunOnStore, lang));
        exportCommand.Subcommands.Add(ExportFundCommand.Define(format, outFile, RunOnStore, lang));
        foreach (var command in ExportEscalationsCommand.Define(format, outFile, RunOnStore, lang))
            exportCommand.Subcommands.Add(command);
        exportCommand.Subcommands.Add(ExportPatternsCommand.Define(format, outFile, RunOnStore, lang));
        root.Subcommands.Add(exportCommand);

        var auditCommand = new Command("audit", T(TextId.CliAudit));
        var verify = new Command("verify", T(TextId.CliAuditVerify));
        verify.SetAction(parse => RunOnStore(parse, AuditCommand.Verify));
        auditCommand.Subcommands.Add(verify);
        root.Subcommands.Add(auditCommand);

        var demo = new Command("demo", T(TextId.CliDemo));
        var demoClients = new Option<int>("--clients") { Description = T(TextId.CliDemoClients), HelpName = T(TextId.CliValueNumber), DefaultValueFactory = _ => DemoCommand.DefaultClients };
        demoClients.Validators.Add(result =>
        {
            // Only a number is checked here: a word gets the parser's own error, and asking for its value would throw.
            if (int.TryParse(result.Tokens.LastOrDefault()?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var clients) && clients is < 1 or > 100_000)
                result.AddError(T(TextId.CliDemoClientsRange));
        });
        var noUi = new Option<bool>("--no-ui") { Description = T(TextId.CliDemoNoUi) };
        var demoRole = new Option<string>("--role") { Description = T(TextId.CliDemoRole), DefaultValueFactory = _ => "nurse" };
        demoRole.AcceptOnlyFromAmong("nurse", "consultant", "teamleader", "fundsecretary");
        demo.Options.Add(demoClients);
        demo.Options.Add(noUi);
        demo.Options.Add(demoRole);
        demo.SetAction(parse => Run(parse, context => DemoCommand.Build(
            context, parse.GetValue(demoClients), parse.GetValue(demoRole) switch
            {
                "consultant" => Core.Domain.Teams.Role.WmoConsultant,
                "teamleader" => Core.Domain.Teams.Role.TeamLeader,
                "fundsecretary" => Core.Domain.Teams.Role.FundSecretary,
                _ => Core.Domain.Teams.Role.Nurse,
            },
            parse.GetValue(noUi) ? null : store => runUi(context, store.Path, StoreUnlock.Done(store), parse.GetValue(noColor)))));
        root.Subcommands.Add(demo);

        var login = new Command("login", T(TextId.CliLogin));
        var server = new Option<string>("--server") { Description = T(TextId.CliLoginServer), HelpName = T(TextId.CliValueAddress), Required = true };
        var code = new Option<string>("--code") { Description = T(TextId.CliLoginCode), Required = true };
        var allowHttp = new Option<bool>("--allow-http") { Description = T(TextId.CliLoginAllowHttp) };
        login.Options.Add(server);
        login.Options.Add(code);
        login.Options.Add(allowHttp);
        login.SetAction(parse => Run(parse, context => SyncCommands.Login(context, parse.GetValue(server)!, parse.GetValue(code)!, parse.GetValue(allowHttp)).GetAwaiter().GetResult()));
        root.Subcommands.Add(login);

        var sync = new Command("sync", T(TextId.CliSync));
        sync.SetAction(parse => RunOnStore(parse, context => SyncCommands.Sync(context).GetAwaiter().GetResult()));
        root.Subcommands.Add(sync);

        var passphrase = new Command("passphrase", T(TextId.CliPassphrase));
        var change = new Command("change", T(TextId.CliPassphraseChange, PassphraseCommand.NewPassphraseVariable));
        change.SetAction(parse => RunOnStore(parse, PassphraseCommand.Change));
        passphrase.Subcommands.Add(change);
        root.Subcommands.Add(passphrase);

        return root;
    }
}
