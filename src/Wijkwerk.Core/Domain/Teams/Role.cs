namespace Wijkwerk.Core.Domain.Teams;

/// <summary>What a worker does; decides what they may record and decide.</summary>
public enum Role
{
    Nurse,
    WmoConsultant,
    TeamLeader,
    FundSecretary,
    Admin,
}

public static class RoleCodes
{
    private static readonly Dictionary<Role, string> Codes = new()
    {
        [Role.Nurse] = "nurse",
        [Role.WmoConsultant] = "consultant",
        [Role.TeamLeader] = "teamleader",
        [Role.FundSecretary] = "fundsecretary",
        [Role.Admin] = "admin",
    };

    public static string Code(this Role role) => Codes[role];

    public static bool TryParse(string? code, out Role role)
    {
        foreach (var (candidate, text) in Codes)
        {
            if (string.Equals(text, code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    /// <summary>Team members and team leaders work with client dossiers; the others review or administer.</summary>
    public static bool RecordsSignalsAndVisits(this Role role) => role is Role.Nurse or Role.TeamLeader;
}
