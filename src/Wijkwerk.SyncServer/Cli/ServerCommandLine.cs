using System.CommandLine;
using Wijkwerk.SyncServer.Admin;
using Wijkwerk.SyncServer.Hosting;

namespace Wijkwerk.SyncServer.Cli;

/// <summary>
/// <c>wijkwerk-server [serve] [--urls URL] [--db PATH] [--allow-http]</c> and the <c>admin</c> commands.
/// Without a command the program serves, so <c>wijkwerk-server --urls …</c> works too.
/// </summary>
public static class ServerCommandLine
{
    public const string DefaultDatabase = "wijkwerk-server.db";

    public static RootCommand Build()
    {
        var db = new Option<string?>("--db") { Description = "Pad naar de serveropslag (SQLite)", Recursive = true };
        var urls = new Option<string?>("--urls") { Description = "Adres(sen) om op te luisteren, bv. https://0.0.0.0:443 of http://127.0.0.1:5080" };
        var allowHttp = new Option<bool>("--allow-http") { Description = "Sta onversleuteld HTTP toe op andere adressen dan loopback (niet aanbevolen)" };

        var root = new RootCommand("Wijkwerk-synchronisatieserver");
        root.Options.Add(db);
        root.Options.Add(urls);
        root.Options.Add(allowHttp);
        root.SetAction((parse, _) => ServerHost.Serve(parse.GetValue(urls), parse.GetValue(db), parse.GetValue(allowHttp)));

        var serve = new Command("serve", "Start de server");
        serve.Options.Add(urls);
        serve.Options.Add(allowHttp);
        serve.SetAction((parse, _) => ServerHost.Serve(parse.GetValue(urls), parse.GetValue(db), parse.GetValue(allowHttp)));
        root.Subcommands.Add(serve);

        string Db(ParseResult parse) => parse.GetValue(db) ?? DefaultDatabase;

        var admin = new Command("admin", "Beheer: teams, medewerkers, apparaten, caseloads");
        root.Subcommands.Add(admin);

        var team = new Command("team", "Teams");
        var teamAdd = new Command("add", "Voeg een team toe");
        var teamName = new Argument<string>("NAME");
        teamAdd.Arguments.Add(teamName);
        teamAdd.SetAction((parse, _) => AdminCommands.AddTeam(Db(parse), parse.GetValue(teamName)!));
        team.Subcommands.Add(teamAdd);
        admin.Subcommands.Add(team);

        var user = new Command("user", "Medewerkers");
        var userAdd = new Command("add", "Voeg een medewerker toe aan een team");
        var userTeam = new Option<string>("--team") { Required = true, Description = "Naam van het team" };
        var userName = new Option<string>("--name") { Required = true, Description = "Naam van de medewerker (uniek)" };
        var userRole = new Option<string>("--role") { Required = true, Description = "nurse, consultant, teamleader, fundsecretary of admin" };
        userAdd.Options.Add(userTeam);
        userAdd.Options.Add(userName);
        userAdd.Options.Add(userRole);
        userAdd.SetAction((parse, _) => AdminCommands.AddUser(Db(parse), parse.GetValue(userTeam)!, parse.GetValue(userName)!, parse.GetValue(userRole)!));
        user.Subcommands.Add(userAdd);
        admin.Subcommands.Add(user);

        var device = new Command("device", "Apparaten (laptops)");
        var enroll = new Command("enroll", "Maak een eenmalige inschrijfcode (24 uur geldig) voor een medewerker");
        var enrollUser = new Option<string>("--user") { Required = true, Description = "Naam van de medewerker" };
        enroll.Options.Add(enrollUser);
        enroll.SetAction((parse, _) => AdminCommands.EnrolDevice(Db(parse), parse.GetValue(enrollUser)!));
        var list = new Command("list", "Toon alle apparaten, één per regel, id eerst");
        list.SetAction((parse, _) => AdminCommands.ListDevices(Db(parse)));
        var revoke = new Command("revoke", "Trek een apparaat in; het wordt bij het volgende contact gewist");
        var deviceId = new Argument<string>("ID");
        revoke.Arguments.Add(deviceId);
        revoke.SetAction((parse, _) => AdminCommands.RevokeDevice(Db(parse), parse.GetValue(deviceId)!));
        device.Subcommands.Add(enroll);
        device.Subcommands.Add(list);
        device.Subcommands.Add(revoke);
        admin.Subcommands.Add(device);

        var client = new Command("client", "Caseloads");
        var clientId = new Argument<string>("CLIENT-ID");
        var clientTeam = new Option<string>("--team") { Required = true, Description = "Naam van het team" };
        foreach (var (name, assign, text) in new[] { ("assign", true, "Zet een cliënt op de caseload van een team"), ("unassign", false, "Haal een cliënt van de caseload van een team") })
        {
            var command = new Command(name, text);
            command.Arguments.Add(clientId);
            command.Options.Add(clientTeam);
            command.SetAction((parse, _) => AdminCommands.AssignClient(Db(parse), parse.GetValue(clientId)!, parse.GetValue(clientTeam)!, assign));
            client.Subcommands.Add(command);
        }

        admin.Subcommands.Add(client);

        var audit = new Command("audit", "Toon het centrale toegangslog (NEN 7513) van één cliënt, één regel per gebeurtenis");
        var auditClient = new Option<string>("--client") { Required = true, Description = "Id van de cliënt" };
        audit.Options.Add(auditClient);
        audit.SetAction((parse, _) => AdminCommands.ClientAudit(Db(parse), parse.GetValue(auditClient)!));
        admin.Subcommands.Add(audit);
        return root;
    }
}
