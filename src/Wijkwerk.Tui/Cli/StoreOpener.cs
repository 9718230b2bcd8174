using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Tui.Cli;

/// <summary>
/// Opens the worker's store, creating it on first use. Failures become a message, never a stack
/// trace, and never a changed file.
/// </summary>
public static class StoreOpener
{
    public sealed record Opened(LocalStore? Store, string? Error);

    public static Opened Open(CliContext context, DataFolder folder, Func<StoreIdentity>? newIdentity = null, string? fixedPassphrase = null)
    {
        var path = folder.StorePath;
        var exists = File.Exists(path);
        var passphrase = fixedPassphrase ?? Passphrase.FromEnvironmentOrPrompt(context.Lang, exists ? TextId.PromptPassphrase : TextId.PromptNewPassphrase);
        if (passphrase is null)
            return new Opened(null, context.T(TextId.PassphraseMissing, Passphrase.EnvironmentVariable));

        try
        {
            if (exists)
                return new Opened(LocalStore.Open(path, passphrase, context.Clock), null);

            if (passphrase.Length < 8)
                return new Opened(null, context.T(TextId.PassphraseTooShort));
            // One typo in a new passphrase would lock the worker out of everything they record next.
            if (fixedPassphrase is null && Passphrase.FromEnvironment() is null
                && Passphrase.Prompt(context.T(TextId.PromptRepeatPassphrase)) != passphrase)
                return new Opened(null, context.T(TextId.PassphraseMismatch));
            var identity = newIdentity?.Invoke() ?? new StoreIdentity(Id<Worker>.New(context.Clock), Environment.UserName, Role.Nurse, Guid.NewGuid());
            var store = LocalStore.Create(path, passphrase, identity, context.Clock);
            context.Log.Information("Created store {StoreFile} with schema {Schema}", DataFolder.StoreFileName, Migrations.LatestVersion);
            return new Opened(store, null);
        }
        catch (StoreException e)
        {
            context.Log.Warning("Store refused: {Problem}", e.Problem);
            return new Opened(null, e.Describe(context.Lang));
        }
    }
}
