using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Demo;

namespace Wijkwerk.Tui.Cli.Commands;

/// <summary>
/// <c>wijkwerk demo</c>: a store of made-up residents beside the real one, so a new user can look
/// around without any real data. Its passphrase is public; it holds nothing worth protecting. With
/// <c>--role consultant</c> the same demo opens as the Wmo consultant, with <c>--role teamleader</c> as a team
/// leader with a mandate and mandate decisions, with <c>--role fundsecretary</c> as the revolving fund's
/// secretariat (the fund's requests of a year, no dossier), each in a store of its own.
/// </summary>
public static class DemoCommand
{
    public const string DemoPassphrase = "demo-wijkwerk";
    public const int DefaultClients = 200;

    public static int Build(CliContext context, int clients, Role role, Func<Core.Storage.LocalStore, int>? openUi)
    {
        var folder = role switch
        {
            Role.WmoConsultant => context.Data.ConsultantDemo,
            Role.TeamLeader => context.Data.TeamLeaderDemo,
            Role.FundSecretary => context.Data.FundDemo,
            _ => context.Data.Demo,
        };
        var existed = File.Exists(folder.StorePath);
        var fromEnvironment = Passphrase.FromEnvironment();
        var passphrase = fromEnvironment ?? DemoPassphrase;
        var opened = StoreOpener.Open(context, folder, () => role switch
        {
            Role.WmoConsultant => DemoData.DemoConsultant,
            Role.TeamLeader => DemoMandates.DemoTeamLeader,
            Role.FundSecretary => DemoFund.DemoSecretariat,
            _ => DemoData.DemoWorker,
        }, passphrase);
        if (opened.Store is not { } store)
            return context.Fail(opened.Error!);
        using (store)
        {
            if (existed)
            {
                context.Error.WriteLine(context.T(TextId.DemoExists, folder.Root, new Count(store.Clients.Count(), Noun.Client)));
            }
            else if (role == Role.FundSecretary)
            {
                // Issue 13: the secretariat's laptop holds the fund's requests and nothing of the dossiers.
                var fund = DemoFund.Fill(store);
                context.Error.WriteLine(context.T(TextId.DemoFundSummary, folder.Root, fund.Partners, fund.Requests, fund.Balance.ToString()));
            }
            else
            {
                var summary = DemoData.Fill(store, clients);
                context.Log.Information("Demo store built with {Clients} clients", summary.Clients);
                context.Error.WriteLine(context.T(TextId.DemoSummary, folder.Root, new Count(summary.Clients, Noun.Client), new Count(summary.Signals, Noun.Signal), new Count(summary.Visits, Noun.HomeVisit),
                    new Count(summary.Consents, Noun.Consent), new Count(summary.HouseholdMembers, Noun.HouseholdMember), new Count(summary.Advices, Noun.IndicationAdvice)));
                if (role == Role.TeamLeader)
                {
                    var mandates = DemoMandates.Fill(store);
                    context.Error.WriteLine(context.T(TextId.DemoTeamLeaderSummary, store.Identity.WorkerName, string.Join(", ", DemoMandates.MandateDepartments),
                        mandates.CostTableVersion, mandates.Decisions));
                }

                // Issue 12, after the mandates' reference data, which it keeps: every role holds the team's budget requests.
                DemoBudget.Fill(store);
                // Issue 14: the tagged requests for every role; the patterns themselves only on the team leader's laptop.
                DemoPatterns.Fill(store);
                if (role.RecordsSignalsAndVisits())
                {
                    DemoFund.Fill(store);
                    // Issue 14: an open escalation at the Maatwerkloket and a pause that ends this week.
                    DemoEscalations.Fill(store);
                }
                DemoTags.Give(store);
            }

            // The public demo passphrase is worth printing; one the user set is theirs and stays off the screen and out of scrollback.
            context.Error.WriteLine(fromEnvironment is null
                ? context.T(TextId.DemoPassphraseHint, DemoPassphrase)
                : context.T(TextId.DemoPassphraseFromEnvironment, Passphrase.EnvironmentVariable));
            return openUi?.Invoke(store) ?? ExitCodes.Success;
        }
    }
}
