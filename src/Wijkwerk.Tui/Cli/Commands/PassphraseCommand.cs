using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Tui.Cli.Commands;

/// <summary><c>wijkwerk passphrase change</c>: reseals the data key of an existing store; the records themselves are untouched.</summary>
public static class PassphraseCommand
{
    public const string NewPassphraseVariable = "WIJKWERK_NEW_PASSPHRASE";

    public static int Change(CliContext context)
    {
        var current = Passphrase.FromEnvironmentOrPrompt(context.Lang, TextId.PromptPassphrase);
        if (current is null)
            return context.Fail(context.T(TextId.PassphraseMissing, Passphrase.EnvironmentVariable));
        var next = Environment.GetEnvironmentVariable(NewPassphraseVariable);
        if (string.IsNullOrEmpty(next))
        {
            if (Console.IsInputRedirected)
                return context.Fail(context.T(TextId.PassphraseMissing, NewPassphraseVariable));
            next = Passphrase.Prompt(context.T(TextId.PromptNewPassphrase));
            if (Passphrase.Prompt(context.T(TextId.PromptRepeatPassphrase)) != next)
                return context.Fail(context.T(TextId.PassphraseMismatch));
        }

        var opened = StoreOpener.Open(context, context.Data, fixedPassphrase: current);
        if (opened.Store is not { } store)
            return context.Fail(opened.Error!);
        using (store)
        {
            try
            {
                store.ChangePassphrase(current, next);
            }
            catch (ArgumentException)
            {
                return context.Fail(context.T(TextId.PassphraseTooShort));
            }
            catch (StoreException e)
            {
                return context.Fail(e.Describe(context.Lang));
            }
        }

        context.Log.Information("Passphrase changed");
        context.Out.WriteLine(context.T(TextId.PassphraseChanged));
        return ExitCodes.Success;
    }
}
