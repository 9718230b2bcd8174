using System.CommandLine;
using Wijkwerk.Cli;
using Wijkwerk.Core.Localization;
using Wijkwerk.SyncServer.Admin;
using Wijkwerk.SyncServer.Hosting;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Cli;

/// <summary>
/// <c>wijkwerk-server [serve] [--urls URL] [--store sqlite|postgres] [--db PATH | --connection CONN] [--allow-http]</c>
/// and the <c>admin</c> commands, which take the same store options.
/// Without a command the program serves, so <c>wijkwerk-server --urls …</c> works too.
/// </summary>
public static class ServerCommandLine
{
    public static Task<int> InvokeAsync(string[] args)
    {
        var lang = CliLanguage.FromArgs(args);
        return LocalizedInvocation.InvokeAsync(Build(lang).Parse(args), lang, Console.Error);
    }

    /// <param name="lang">The language of the help, the parse errors and the descriptions; the admin commands' own output is Dutch.</param>
    public static RootCommand Build(Lang lang)
    {
        string T(TextId id) => Texts.Get(id, lang);
        var db = new Option<string?>("--db") { Description = T(TextId.CliServerDb), HelpName = T(TextId.CliValueFile), Recursive = true };
        var storeKind = new Option<string?>("--store") { Description = T(TextId.CliServerStore), HelpName = T(TextId.CliValueStore), Recursive = true };
        var connection = new Option<string?>("--connection") { Description = T(TextId.CliServerConnection), HelpName = T(TextId.CliValueConnection), Recursive = true };
        var urls = new Option<string?>("--urls") { Description = T(TextId.CliServerUrls), HelpName = T(TextId.CliValueAddresses) };
        var allowHttp = new Option<bool>("--allow-http") { Description = T(TextId.CliServerAllowHttp) };

        var root = new RootCommand(T(TextId.CliServer));
        LocalizedHelp.Apply(root, lang);
        root.Options.Add(CliLanguage.Option(lang));
        root.Options.Add(storeKind);
        root.Options.Add(db);
        root.Options.Add(connection);
        root.Options.Add(urls);
        root.Options.Add(allowHttp);
        root.SetAction((parse, _) => ServerHost.Serve(parse.GetValue(urls), Options(parse), parse.GetValue(allowHttp)));

        var serve = new Command("serve", T(TextId.CliServerServe));
        serve.Options.Add(urls);
        serve.Options.Add(allowHttp);
        serve.SetAction((parse, _) => ServerHost.Serve(parse.GetValue(urls), Options(parse), parse.GetValue(allowHttp)));
        root.Subcommands.Add(serve);

        StoreOptions Options(ParseResult parse) => new(parse.GetValue(storeKind), parse.GetValue(connection), parse.GetValue(db));

        var admin = new Command("admin", T(TextId.CliServerAdmin));
        root.Subcommands.Add(admin);

        var team = new Command("team", T(TextId.CliServerTeam));
        var teamAdd = new Command("add", T(TextId.CliServerTeamAdd));
        var teamName = new Argument<string>("NAME") { Description = T(TextId.CliServerTeamName), HelpName = T(TextId.CliValueName) };
        teamAdd.Arguments.Add(teamName);
        teamAdd.SetAction((parse, _) => AdminCommands.AddTeam(Options(parse), parse.GetValue(teamName)!));
        team.Subcommands.Add(teamAdd);
        admin.Subcommands.Add(team);

        var user = new Command("user", T(TextId.CliServerUser));
        var userAdd = new Command("add", T(TextId.CliServerUserAdd));
        var userTeam = new Option<string>("--team") { Required = true, Description = T(TextId.CliServerTeamName), HelpName = T(TextId.CliValueName) };
        var userName = new Option<string>("--name") { Required = true, Description = T(TextId.CliServerUserName), HelpName = T(TextId.CliValueName) };
        var userRole = new Option<string>("--role") { Required = true, Description = T(TextId.CliServerUserRole), HelpName = T(TextId.CliValueRole) };
        userAdd.Options.Add(userTeam);
        userAdd.Options.Add(userName);
        userAdd.Options.Add(userRole);
        userAdd.SetAction((parse, _) => AdminCommands.AddUser(Options(parse), parse.GetValue(userTeam)!, parse.GetValue(userName)!, parse.GetValue(userRole)!));
        user.Subcommands.Add(userAdd);
        admin.Subcommands.Add(user);

        var device = new Command("device", T(TextId.CliServerDevice));
        var enroll = new Command("enroll", T(TextId.CliServerDeviceEnroll));
        var enrollUser = new Option<string>("--user") { Required = true, Description = T(TextId.CliServerDeviceUser), HelpName = T(TextId.CliValueName) };
        enroll.Options.Add(enrollUser);
        enroll.SetAction((parse, _) => AdminCommands.EnrolDevice(Options(parse), parse.GetValue(enrollUser)!));
        var list = new Command("list", T(TextId.CliServerDeviceList));
        list.SetAction((parse, _) => AdminCommands.ListDevices(Options(parse)));
        var revoke = new Command("revoke", T(TextId.CliServerDeviceRevoke));
        var deviceId = new Argument<string>("ID") { Description = T(TextId.CliServerDeviceId) };
        revoke.Arguments.Add(deviceId);
        revoke.SetAction((parse, _) => AdminCommands.RevokeDevice(Options(parse), parse.GetValue(deviceId)!));
        device.Subcommands.Add(enroll);
        device.Subcommands.Add(list);
        device.Subcommands.Add(revoke);
        admin.Subcommands.Add(device);

        var client = new Command("client", T(TextId.CliServerClient));
        var clientId = new Argument<string>("CLIENT-ID") { Description = T(TextId.CliServerClientId), HelpName = T(TextId.CliValueClientId) };
        var clientTeam = new Option<string>("--team") { Required = true, Description = T(TextId.CliServerTeamName), HelpName = T(TextId.CliValueName) };
        foreach (var (name, assign, text) in new[] { ("assign", true, T(TextId.CliServerClientAssign)), ("unassign", false, T(TextId.CliServerClientUnassign)) })
        {
            var command = new Command(name, text);
            command.Arguments.Add(clientId);
            command.Options.Add(clientTeam);
            command.SetAction((parse, _) => AdminCommands.AssignClient(Options(parse), parse.GetValue(clientId)!, parse.GetValue(clientTeam)!, assign));
            client.Subcommands.Add(command);
        }

        admin.Subcommands.Add(client);

        var audit = new Command("audit", T(TextId.CliServerAudit));
        var auditClient = new Option<string>("--client") { Required = true, Description = T(TextId.CliServerClientId), HelpName = T(TextId.CliValueClientId) };
        audit.Options.Add(auditClient);
        audit.SetAction((parse, _) => AdminCommands.ClientAudit(Options(parse), parse.GetValue(auditClient)!));
        admin.Subcommands.Add(audit);
        AddReferenceCommands(admin, Options, lang);
        AddBudgetCommands(admin, Options, lang);
        AddFundCommands(admin, Options, lang);
        AddPauseCommands(admin, Options, lang);
        AddBottleneckCommands(admin, Options, lang);
        AddPatternCommands(admin, Options, lang);
        AddOperationsCommands(admin, Options, lang);
        return root;
    }

    /// <summary>Issue 11: departments, mandates and the cost table.</summary>
    private static void AddReferenceCommands(Command admin, Func<ParseResult, StoreOptions> options, Lang lang)
    {
        string T(TextId id) => Texts.Get(id, lang);

        var department = new Command("department", T(TextId.CliServerDepartment));
        var departmentName = new Argument<string>("NAME") { Description = T(TextId.CliServerDepartmentName), HelpName = T(TextId.CliValueName) };
        var departmentAdd = new Command("add", T(TextId.CliServerDepartmentAdd));
        departmentAdd.Arguments.Add(departmentName);
        departmentAdd.SetAction((parse, _) => ReferenceAdminCommands.AddDepartment(options(parse), parse.GetValue(departmentName)!));
        var departmentList = new Command("list", T(TextId.CliServerDepartmentList));
        departmentList.SetAction((parse, _) => ReferenceAdminCommands.ListDepartments(options(parse)));
        var departmentRemove = new Command("remove", T(TextId.CliServerDepartmentRemove));
        departmentRemove.Arguments.Add(departmentName);
        departmentRemove.SetAction((parse, _) => ReferenceAdminCommands.RemoveDepartment(options(parse), parse.GetValue(departmentName)!));
        department.Subcommands.Add(departmentAdd);
        department.Subcommands.Add(departmentList);
        department.Subcommands.Add(departmentRemove);
        admin.Subcommands.Add(department);

        var mandate = new Command("mandate", T(TextId.CliServerMandate));
        var grant = new Command("grant", T(TextId.CliServerMandateGrant));
        var user = new Option<string>("--user") { Required = true, Description = T(TextId.CliServerMandateUser), HelpName = T(TextId.CliValueName) };
        var departments = new Option<string>("--departments") { Required = true, Description = T(TextId.CliServerMandateDepartments), HelpName = T(TextId.CliValueDepartments) };
        var from = new Option<string>("--from") { Required = true, Description = T(TextId.CliServerMandateFrom), HelpName = T(TextId.CliValueDate) };
        var until = new Option<string>("--until") { Required = true, Description = T(TextId.CliServerMandateUntil), HelpName = T(TextId.CliValueDate) };
        grant.Options.Add(user);
        grant.Options.Add(departments);
        grant.Options.Add(from);
        grant.Options.Add(until);
        grant.SetAction((parse, _) => ReferenceAdminCommands.GrantMandate(
            options(parse), parse.GetValue(user)!, parse.GetValue(departments)!, parse.GetValue(from)!, parse.GetValue(until)!));
        var mandateList = new Command("list", T(TextId.CliServerMandateList));
        mandateList.SetAction((parse, _) => ReferenceAdminCommands.ListMandates(options(parse)));
        var revoke = new Command("revoke", T(TextId.CliServerMandateRevoke));
        var mandateId = new Argument<string>("ID") { Description = T(TextId.CliServerMandateId) };
        revoke.Arguments.Add(mandateId);
        revoke.SetAction((parse, _) => ReferenceAdminCommands.RevokeMandate(options(parse), parse.GetValue(mandateId)!));
        mandate.Subcommands.Add(grant);
        mandate.Subcommands.Add(mandateList);
        mandate.Subcommands.Add(revoke);
        admin.Subcommands.Add(mandate);

        var costs = new Command("costs", T(TextId.CliServerCosts));
        var import = new Command("import", T(TextId.CliServerCostsImport));
        var file = new Argument<string>("FILE") { Description = T(TextId.CliServerCostsFile), HelpName = T(TextId.CliValueFile) };
        import.Arguments.Add(file);
        import.SetAction((parse, _) => ReferenceAdminCommands.ImportCosts(options(parse), parse.GetValue(file)!));
        var costsList = new Command("list", T(TextId.CliServerCostsList));
        var all = new Option<bool>("--all") { Description = T(TextId.CliServerCostsAll) };
        costsList.Options.Add(all);
        costsList.SetAction((parse, _) => ReferenceAdminCommands.ListCosts(options(parse), parse.GetValue(all)));
        costs.Subcommands.Add(import);
        costs.Subcommands.Add(costsList);
        admin.Subcommands.Add(costs);
    }

    /// <summary>Issue 12: the teams' minimaatwerk budgets.</summary>
    private static void AddBudgetCommands(Command admin, Func<ParseResult, StoreOptions> options, Lang lang)
    {
        string T(TextId id) => Texts.Get(id, lang);

        var budget = new Command("budget", T(TextId.CliServerBudget));
        var set = new Command("set", T(TextId.CliServerBudgetSet));
        var team = new Option<string>("--team") { Required = true, Description = T(TextId.CliServerBudgetTeam), HelpName = T(TextId.CliValueName) };
        var year = new Option<string>("--year") { Required = true, Description = T(TextId.CliServerBudgetYear), HelpName = "YYYY" };
        var amount = new Option<string>("--amount") { Required = true, Description = T(TextId.CliServerBudgetAmount), HelpName = "EUR" };
        var limit = new Option<string>("--limit") { Description = T(TextId.CliServerBudgetLimit), HelpName = "EUR" };
        set.Options.Add(team);
        set.Options.Add(year);
        set.Options.Add(amount);
        set.Options.Add(limit);
        set.SetAction((parse, _) => BudgetAdminCommands.Set(options(parse), parse.GetValue(team)!, parse.GetValue(year)!, parse.GetValue(amount)!, parse.GetValue(limit)));
        var list = new Command("list", T(TextId.CliServerBudgetList));
        list.SetAction((parse, _) => BudgetAdminCommands.List(options(parse)));
        budget.Subcommands.Add(set);
        budget.Subcommands.Add(list);
        admin.Subcommands.Add(budget);
    }

    /// <summary>Issue 13: the revolving fund's partners, deposits and members.</summary>
    private static void AddFundCommands(Command admin, Func<ParseResult, StoreOptions> options, Lang lang)
    {
        string T(TextId id) => Texts.Get(id, lang);

        var fund = new Command("fund", T(TextId.CliServerFund));
        var partner = new Command("partner", T(TextId.CliServerFundPartner));
        var partnerName = new Argument<string>("NAME") { Description = T(TextId.CliServerFundPartnerName), HelpName = T(TextId.CliValueName) };
        var partnerAdd = new Command("add", T(TextId.CliServerFundPartnerAdd));
        partnerAdd.Arguments.Add(partnerName);
        partnerAdd.SetAction((parse, _) => FundAdminCommands.AddPartner(options(parse), parse.GetValue(partnerName)!));
        var partnerList = new Command("list", T(TextId.CliServerFundPartnerList));
        partnerList.SetAction((parse, _) => FundAdminCommands.ListPartners(options(parse)));
        partner.Subcommands.Add(partnerAdd);
        partner.Subcommands.Add(partnerList);
        fund.Subcommands.Add(partner);

        var deposit = new Command("deposit", T(TextId.CliServerFundDeposit));
        var depositPartner = new Option<string>("--partner") { Required = true, Description = T(TextId.CliServerFundDepositPartner), HelpName = T(TextId.CliValueName) };
        var amount = new Option<string>("--amount") { Required = true, Description = T(TextId.CliServerFundDepositAmount), HelpName = "EUR" };
        var date = new Option<string>("--date") { Required = true, Description = T(TextId.CliServerFundDepositDate), HelpName = T(TextId.CliValueDate) };
        deposit.Options.Add(depositPartner);
        deposit.Options.Add(amount);
        deposit.Options.Add(date);
        deposit.SetAction((parse, _) => FundAdminCommands.Deposit(options(parse), parse.GetValue(depositPartner)!, parse.GetValue(amount)!, parse.GetValue(date)!));
        fund.Subcommands.Add(deposit);

        var members = new Command("members", T(TextId.CliServerFundMembers));
        var user = new Option<string>("--user") { Required = true, Description = T(TextId.CliServerFundMembersUser), HelpName = T(TextId.CliValueName) };
        var membersAdd = new Command("add", T(TextId.CliServerFundMembersAdd));
        membersAdd.Options.Add(user);
        membersAdd.SetAction((parse, _) => FundAdminCommands.AddMember(options(parse), parse.GetValue(user)!));
        var membersRemove = new Command("remove", T(TextId.CliServerFundMembersRemove));
        membersRemove.Options.Add(user);
        membersRemove.SetAction((parse, _) => FundAdminCommands.RemoveMember(options(parse), parse.GetValue(user)!));
        var membersList = new Command("list", T(TextId.CliServerFundMembersList));
        membersList.SetAction((parse, _) => FundAdminCommands.ListMembers(options(parse)));
        members.Subcommands.Add(membersAdd);
        members.Subcommands.Add(membersList);
        members.Subcommands.Add(membersRemove);
        fund.Subcommands.Add(members);
        admin.Subcommands.Add(fund);
    }

    /// <summary>Issue 14: the maximum length of a pause.</summary>
    private static void AddPauseCommands(Command admin, Func<ParseResult, StoreOptions> options, Lang lang)
    {
        string T(TextId id) => Texts.Get(id, lang);

        var pause = new Command("pause", T(TextId.CliServerPause));
        var settings = new Command("settings", T(TextId.CliServerPauseSettings));
        var maxWeeks = new Option<string>("--max-weeks") { Description = T(TextId.CliServerPauseMaxWeeks), HelpName = "N" };
        settings.Options.Add(maxWeeks);
        settings.SetAction((parse, _) => parse.GetValue(maxWeeks) is { } weeks
            ? PauseAdminCommands.Set(options(parse), weeks)
            : PauseAdminCommands.Show(options(parse)));
        pause.Subcommands.Add(settings);
        admin.Subcommands.Add(pause);
    }

    /// <summary>Issue 14: the bottleneck tags.</summary>
    private static void AddBottleneckCommands(Command admin, Func<ParseResult, StoreOptions> options, Lang lang)
    {
        string T(TextId id) => Texts.Get(id, lang);

        var bottleneck = new Command("bottleneck", T(TextId.CliServerBottleneck));
        var label = new Argument<string>("LABEL") { Description = T(TextId.CliServerBottleneckLabel), HelpName = T(TextId.CliValueName) };
        var add = new Command("add", T(TextId.CliServerBottleneckAdd));
        add.Arguments.Add(label);
        add.SetAction((parse, _) => BottleneckAdminCommands.Add(options(parse), parse.GetValue(label)!));
        var list = new Command("list", T(TextId.CliServerBottleneckList));
        list.SetAction((parse, _) => BottleneckAdminCommands.List(options(parse)));
        var accept = new Command("accept", T(TextId.CliServerBottleneckAccept));
        accept.Arguments.Add(label);
        accept.SetAction((parse, _) => BottleneckAdminCommands.Accept(options(parse), parse.GetValue(label)!));
        var merge = new Command("merge", T(TextId.CliServerBottleneckMerge));
        var into = new Option<string>("--into") { Required = true, Description = T(TextId.CliServerBottleneckInto), HelpName = T(TextId.CliValueName) };
        merge.Arguments.Add(label);
        merge.Options.Add(into);
        merge.SetAction((parse, _) => BottleneckAdminCommands.Merge(options(parse), parse.GetValue(label)!, parse.GetValue(into)!));
        bottleneck.Subcommands.Add(add);
        bottleneck.Subcommands.Add(list);
        bottleneck.Subcommands.Add(merge);
        bottleneck.Subcommands.Add(accept);
        admin.Subcommands.Add(bottleneck);
    }

    /// <summary>Issue 14 item 2: the werktafel's patterns.</summary>
    private static void AddPatternCommands(Command admin, Func<ParseResult, StoreOptions> options, Lang lang)
    {
        string T(TextId id) => Texts.Get(id, lang);

        var pattern = new Command("pattern", T(TextId.CliServerPattern));
        var settings = new Command("settings", T(TextId.CliServerPatternSettings));
        var minClients = new Option<string>("--min-clients") { Description = T(TextId.CliServerPatternMinClients), HelpName = "N" };
        var windowMonths = new Option<string>("--window-months") { Description = T(TextId.CliServerPatternWindowMonths), HelpName = "M" };
        settings.Options.Add(minClients);
        settings.Options.Add(windowMonths);
        settings.SetAction((parse, _) => PatternAdminCommands.Settings(options(parse), parse.GetValue(minClients), parse.GetValue(windowMonths)));
        var detect = new Command("detect", T(TextId.CliServerPatternDetect));
        detect.SetAction((parse, _) => PatternAdminCommands.Detect(options(parse)));
        var list = new Command("list", T(TextId.CliServerPatternList));
        list.SetAction((parse, _) => PatternAdminCommands.List(options(parse)));
        pattern.Subcommands.Add(settings);
        pattern.Subcommands.Add(detect);
        pattern.Subcommands.Add(list);
        admin.Subcommands.Add(pattern);
    }

    /// <summary>Issue 15 items 6 and 7: the online backup and the retention purge; and finishing an update of the store.</summary>
    private static void AddOperationsCommands(Command admin, Func<ParseResult, StoreOptions> options, Lang lang)
    {
        string T(TextId id) => Texts.Get(id, lang);

        var backup = new Command("backup", T(TextId.CliServerBackup));
        var output = new Option<string>("--out") { Required = true, Description = T(TextId.CliServerBackupOut), HelpName = T(TextId.CliValueFile) };
        var force = new Option<bool>("--force") { Description = T(TextId.CliServerBackupForce) };
        backup.Options.Add(output);
        backup.Options.Add(force);
        backup.SetAction((parse, _) => BackupAdminCommands.Backup(options(parse), parse.GetValue(output)!, parse.GetValue(force)));
        admin.Subcommands.Add(backup);

        var retention = new Command("retention", T(TextId.CliServerRetention));
        var purge = new Command("purge", T(TextId.CliServerRetentionPurge));
        var dryRun = new Option<bool>("--dry-run") { Description = T(TextId.CliServerRetentionDryRun) };
        purge.Options.Add(dryRun);
        purge.SetAction((parse, _) => RetentionAdminCommands.Purge(options(parse), parse.GetValue(dryRun), TimeProvider.System));
        retention.Subcommands.Add(purge);
        admin.Subcommands.Add(retention);

        var store = new Command("store", T(TextId.CliServerStoreCommand));
        var finishUpdate = new Command("finish-update", T(TextId.CliServerStoreFinishUpdate));
        finishUpdate.SetAction((parse, _) => StoreAdminCommands.FinishUpdate(options(parse)));
        store.Subcommands.Add(finishUpdate);
        admin.Subcommands.Add(store);
    }
}
