namespace Wijkwerk.Core.Domain.Maatwerk;

/// <summary>
/// The justification of a maatwerk choice on the three sides of the value triangle: legitimacy (why deviating
/// is defensible), social return (the calculator's figures) and engagement (what the resident wants and can do).
/// One type for mandate decisions and minimaatwerk budget requests.
/// </summary>
public sealed record ValueTriangle(string Legitimacy, SocialReturn? SocialReturn, string Engagement, bool ResidentHeard);
