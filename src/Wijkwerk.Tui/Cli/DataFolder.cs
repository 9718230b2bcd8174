using Wijkwerk.Core.Storage;

namespace Wijkwerk.Tui.Cli;

/// <summary>Where a worker's store and logs live: the user's data folder unless <c>--data</c> says otherwise.</summary>
public sealed record DataFolder(string Root)
{
    public const string StoreFileName = "wijkwerk.db";

    /// <summary>Only the path: nothing is made until a command writes there.</summary>
    public static DataFolder Resolve(string? overridePath) => new(Path.GetFullPath(
        overridePath ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "wijkwerk")));

    /// <summary>Makes the folder, for its owner's eyes only: it holds the store, its key material and the logs.</summary>
    public void CreateForOwner() => OwnerOnly.CreateFolder(Root);

    public string StorePath => Path.Combine(Root, StoreFileName);

    public string LogFolder => Path.Combine(Root, "logs");

    /// <summary>The demo store sits beside the real one, never in it.</summary>
    public DataFolder Demo => new(Path.Combine(Root, "demo"));

    /// <summary>The consultant's demo store: a store's role is fixed when it is made, so each side has its own.</summary>
    public DataFolder ConsultantDemo => new(Path.Combine(Root, "demo-consultant"));

    /// <summary>The team leader's demo store, with a mandate and mandate decisions.</summary>
    public DataFolder TeamLeaderDemo => new(Path.Combine(Root, "demo-teamleader"));

    /// <summary>The fund secretariat's demo store: the revolving fund's requests of every team, no dossier.</summary>
    public DataFolder FundDemo => new(Path.Combine(Root, "demo-fundsecretary"));
}
